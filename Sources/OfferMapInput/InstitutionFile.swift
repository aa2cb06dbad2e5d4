import OfferMapModel
/// Writes an institution as the loader reads it: front matter with every text double-quoted
/// and escaped, fields in a fixed order, then the Markdown body.
public enum InstitutionFile {
    public static func text(_ institution: Institution) -> String {
        var lines = ["---"]
        func field(_ key: String, _ value: String?, indent: String = "") {
            if let value, !value.isEmpty { lines.append("\(indent)\(key): \(quote(value))") }
        }
        func list(_ key: String, _ values: [String], indent: String = "") {
            if !values.isEmpty { lines.append("\(indent)\(key): [\(values.map(quote).joined(separator: ", "))]") }
        }
        field("name", institution.name)
        field("short", institution.short)
        field("type", institution.type)
        field("website", institution.website)
        field("address", institution.address)
        field("municipality", institution.municipality)
        field("updated", institution.updated?.description)
        if !institution.contacts.isEmpty {
            lines.append("contacts:")
            for contact in institution.contacts {
                lines.append("  - name: \(quote(contact.name))")
                field("role", contact.role, indent: "    ")
                field("email", contact.email, indent: "    ")
                field("phone", contact.phone, indent: "    ")
                list("languages", contact.languages, indent: "    ")
                if contact.isPublic { lines.append("    public: true") }
            }
        }
        list("refers_to", institution.refersTo.map(\.id))
        lines.append("offers:")
        var taken: [String] = []
        for offer in institution.offers {
            lines.append("  - title: \(quote(offer.title))")
            if offer.id != OfferID.derived(offer.title, taken: taken) { field("id", offer.id, indent: "    ") }
            taken.append(offer.id)
            field("description", offer.description, indent: "    ")
            list("phases", (offer.phases ?? []).map(\.rawValue), indent: "    ")
            list("categories", (offer.categories ?? []).map(\.rawValue), indent: "    ")
            if offer.targetGroups != ["alle"] { list("target_groups", offer.targetGroups, indent: "    ") }
            if offer.languages != ["de"] { list("languages", offer.languages, indent: "    ") }
            field("cost", offer.cost, indent: "    ")
            field("format", offer.format, indent: "    ")
            list("municipalities", offer.municipalities, indent: "    ")
            field("url", offer.url, indent: "    ")
        }
        lines.append("---")
        var text = lines.joined(separator: "\n") + "\n"
        if !institution.body.isEmpty { text += institution.body + "\n" }
        return text
    }

    /// A YAML double-quoted scalar: `\` and `"` escaped, line breaks and other controls as escapes.
    public static func quote(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\u{85}": result += "\\N"
            case "\u{2028}": result += "\\L"
            case "\u{2029}": result += "\\P"
            case "\u{FEFF}": result += "\\uFEFF"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\x" + (hex.count < 2 ? "0" : "") + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
