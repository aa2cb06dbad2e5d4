import OfferMapModel
/// `export --csv`: one row per offer with every field, the institution's fields repeated on each
/// of its rows. Only what the input gives: labels the classifier would derive stay out, so the
/// table imports back into the same files. `;`-separated UTF-8 with BOM, as German Excel opens it.
public enum SheetExport {
    public static func csv(_ county: County, language: Language = .de) -> String {
        let header = SheetColumn.exported.map { $0.title(language) }
        var rows: [[String]] = []
        for institution in county.institutions {
            for offer in institution.offers {
                rows.append(SheetColumn.exported.map { protect(cell($0, institution, offer, language)) })
            }
        }
        return "\u{FEFF}" + CSV.document(header: header, rows: rows, delimiter: ";")
    }

    /// A text that itself starts with an apostrophe before `=`, `+`, `-` or `@` gets a second one,
    /// since import takes away the apostrophe that neutralises a formula.
    static func protect(_ text: String) -> String {
        SheetReader.unneutralise(text) == text ? text : "'" + text
    }

    static func cell(_ column: SheetColumn, _ i: Institution, _ o: Offer, _ language: Language) -> String {
        func list(_ values: [String]?) -> String { (values ?? []).joined(separator: ", ") }
        switch column {
        case .institutionID: return i.id
        case .name: return i.name
        case .short: return i.short ?? ""
        case .type: return i.type
        case .offerID: return o.id
        case .offer: return o.title
        case .description: return o.description
        case .phases: return list(o.phases?.map(\.rawValue))
        case .categories: return list(o.categories?.map(\.rawValue))
        case .targetGroups: return list(o.targetGroups)
        case .languages: return list(o.languages)
        case .cost: return o.cost ?? ""
        case .format: return o.format ?? ""
        case .offerMunicipalities: return list(o.municipalities)
        case .offerURL: return o.url ?? ""
        case .website: return i.website ?? ""
        case .address: return i.address ?? ""
        case .municipality: return i.municipality ?? ""
        case .contacts: return ContactCell.text(i.contacts, language)
        case .email, .phone: return ""
        case .refersTo: return list(i.refersTo.map(\.id))
        case .updated: return i.updated?.description ?? ""
        case .body: return i.body
        }
    }
}
