import OfferMapModel
import Foundation

/// Reads one `institutions/<id>.md`: front matter checked field by field, body kept with its line.
enum InstitutionLoader {
    static let fields = ["name", "short", "type", "website", "address", "municipality", "contacts", "refers_to", "updated", "offers"]
    static let offerFields = ["title", "id", "description", "phases", "categories", "target_groups", "languages",
                              "cost", "format", "municipalities", "url"]
    static let contactFields = ["name", "role", "email", "phone", "languages", "public"]

    /// `path`: an `<id>.md` file.
    static func load(path: String, taxonomy: Taxonomy, diagnostics: inout Diagnostics) -> Institution? {
        guard let data = TextFile.data(file: path, path: path, diagnostics: &diagnostics) else { return nil }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let id = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        return parse(data, id: id, path: path, taxonomy: taxonomy, diagnostics: &diagnostics)
    }

    /// Reads an institution from the file's bytes; `id` is the file name without `.md`.
    static func parse(_ data: Data, id: String, path: String, taxonomy: Taxonomy, diagnostics: inout Diagnostics) -> Institution? {
        let file = SourceLocation(path: path)
        if !Slug.isValid(id) {
            diagnostics.error(.badInstitutionID, file, "the file name '\(id).md' is not a valid institution id",
                              suggestion: "rename it to '\(Slug.make(id)).md' (lower-case letters, digits and hyphens)")
        }
        guard let text = TextFile.decode(data, path: path, diagnostics: &diagnostics) else { return nil }
        if text.isBlank {
            diagnostics.error(.emptyFile, file, "the file is empty", suggestion: "start it with a front matter block between '---' lines holding name, type and offers")
            return nil
        }
        let parts: FrontMatter
        switch FrontMatter.split(text) {
        case .success(let split): parts = split
        case .failure(.missingStart):
            diagnostics.error(.missingFrontMatter, file, "the file does not start with a front matter line '---'",
                              suggestion: "put '---' on the first line, then name, type and offers, then '---'")
            return nil
        case .failure(.notClosed(let lines)):
            diagnostics.error(.unclosedFrontMatter, SourceLocation(path: path, line: lines + 1), "the front matter is not closed",
                              suggestion: "add a line '---' after the last field, before the description text")
            return nil
        }
        let document = YAMLDocument(path: path, lineOffset: parts.yamlLine - 1)
        guard let node = document.parse(parts.yaml, diagnostics: &diagnostics) else { return nil }
        guard let front = Fields(node, document, what: "the institution", diagnostics: &diagnostics) else { return nil }
        front.checkKeys(known: fields, diagnostics: &diagnostics)

        let reader = Reader(taxonomy: taxonomy)
        let name = front.text("name", required: true, diagnostics: &diagnostics)
        let type = front.text("type", required: true, diagnostics: &diagnostics)
        if let type { reader.check(type, in: taxonomy.types, what: .type, at: front.location(of: "type"), diagnostics: &diagnostics) }
        var institution = Institution(id: id, name: name ?? id, type: type ?? "sonstige", location: file)
        institution.short = front.text("short", diagnostics: &diagnostics)
        institution.website = front.text("website", diagnostics: &diagnostics)
        institution.address = front.text("address", diagnostics: &diagnostics)
        institution.municipality = front.text("municipality", diagnostics: &diagnostics)
        if let updated = front.text("updated", diagnostics: &diagnostics) {
            institution.updated = Day(written: updated)
            if institution.updated == nil {
                diagnostics.error(.badDate, front.location(of: "updated"), "'updated' must be a date like 2026-05-14 or 14.05.2026, found '\(updated)'")
            }
        }
        institution.refersTo = (front.list("refers_to", diagnostics: &diagnostics) ?? []).map {
            Reference(id: $0.0, location: document.location($0.1))
        }
        for contact in front.mappings("contacts", what: "a contact", diagnostics: &diagnostics) ?? [] {
            if let value = reader.contact(contact, diagnostics: &diagnostics) { institution.contacts.append(value) }
        }
        if let offers = front.mappings("offers", what: "an offer", diagnostics: &diagnostics) {
            for offer in offers {
                if let value = reader.offer(offer, taken: institution.offers.map(\.id), diagnostics: &diagnostics) {
                    institution.offers.append(value)
                }
            }
            if offers.isEmpty {
                diagnostics.error(.noOffers, front.location(of: "offers"), "the institution lists no offers", suggestion: "add at least one offer with a title")
            }
        } else if front.value("offers") == nil {
            front.missing("offers", diagnostics: &diagnostics)
        }
        institution.body = parts.body
        institution.bodyLine = parts.bodyLine
        return institution
    }

    struct Reader {
        let taxonomy: Taxonomy

        func check(_ id: String, in terms: [Term], what: TermList, at location: SourceLocation, diagnostics: inout Diagnostics) {
            guard !terms.contains(where: { $0.id == id }) else { return }
            let ids = terms.map(\.id)
            diagnostics.error(what.unknown, location, "unknown \(what.rawValue) '\(id)'",
                              suggestion: Suggestion.didYouMean(id, in: ids) ?? "use one of: \(ids.joined(separator: ", "))")
        }

        func ids(_ fields: Fields, _ key: String, in terms: [Term], what: TermList, diagnostics: inout Diagnostics) -> [String]? {
            guard let items = fields.list(key, diagnostics: &diagnostics) else { return nil }
            var result: [String] = []
            for (id, node) in items {
                check(id, in: terms, what: what, at: fields.document.location(node), diagnostics: &diagnostics)
                if !result.contains(id) { result.append(id) }
            }
            return result
        }

        func languages(_ fields: Fields, diagnostics: inout Diagnostics) -> [String]? {
            guard let items = fields.list("languages", diagnostics: &diagnostics) else { return nil }
            var result: [String] = []
            for (code, node) in items {
                let lowered = code.lowercased()
                if !LanguageCodes.all.contains(lowered) {
                    diagnostics.error(.unknownLanguage, fields.document.location(node), "unknown language code '\(code)'",
                                      suggestion: Suggestion.didYouMean(lowered, in: LanguageCodes.common) ?? "use two-letter ISO 639-1 codes such as de, en, tr, ar")
                } else if !result.contains(lowered) {
                    result.append(lowered)
                }
            }
            return result
        }

        func offer(_ fields: Fields, taken: [String], diagnostics: inout Diagnostics) -> Offer? {
            fields.checkKeys(known: InstitutionLoader.offerFields, diagnostics: &diagnostics)
            guard let title = fields.text("title", required: true, diagnostics: &diagnostics) else { return nil }
            let given = fields.text("id", diagnostics: &diagnostics)
            let id = OfferID.resolve(given: given, title: title, taken: taken, at: fields.location(of: "id"), diagnostics: &diagnostics)
            var offer = Offer(id: id, title: title, location: fields.location)
            offer.description = fields.text("description", diagnostics: &diagnostics) ?? ""
            offer.phases = ids(fields, "phases", in: taxonomy.phases, what: .phase, diagnostics: &diagnostics)?.map(PhaseID.init)
            offer.categories = ids(fields, "categories", in: taxonomy.categories, what: .category, diagnostics: &diagnostics)?.map(CategoryID.init)
            if offer.phases?.isEmpty == true { offer.phases = nil }
            if offer.categories?.isEmpty == true { offer.categories = nil }
            if let groups = ids(fields, "target_groups", in: taxonomy.targetGroups, what: .targetGroup, diagnostics: &diagnostics), !groups.isEmpty {
                offer.targetGroups = groups
            }
            if let languages = languages(fields, diagnostics: &diagnostics), !languages.isEmpty { offer.languages = languages }
            if let cost = fields.text("cost", diagnostics: &diagnostics) {
                check(cost, in: taxonomy.costs, what: .cost, at: fields.location(of: "cost"), diagnostics: &diagnostics)
                offer.cost = cost
            }
            if let format = fields.text("format", diagnostics: &diagnostics) {
                check(format, in: taxonomy.formats, what: .format, at: fields.location(of: "format"), diagnostics: &diagnostics)
                offer.format = format
            }
            offer.municipalities = fields.list("municipalities", diagnostics: &diagnostics)?.map(\.0) ?? []
            offer.url = fields.text("url", diagnostics: &diagnostics)
            return offer
        }

        func contact(_ fields: Fields, diagnostics: inout Diagnostics) -> Contact? {
            fields.checkKeys(known: InstitutionLoader.contactFields, diagnostics: &diagnostics)
            guard let name = fields.text("name", required: true, diagnostics: &diagnostics) else { return nil }
            var contact = Contact(name: name)
            contact.role = fields.text("role", diagnostics: &diagnostics)
            contact.email = fields.text("email", diagnostics: &diagnostics)
            contact.phone = fields.text("phone", diagnostics: &diagnostics)
            contact.languages = languages(fields, diagnostics: &diagnostics) ?? []
            contact.isPublic = fields.bool("public", diagnostics: &diagnostics) ?? false
            return contact
        }
    }
}
