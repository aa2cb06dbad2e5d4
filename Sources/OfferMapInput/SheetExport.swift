import OfferMapModel
/// `export --csv`: one row per offer with every field, the institution's fields repeated on each
/// of its rows. Only what the input gives: labels the classifier would derive stay out, so the
/// table imports back into the same files. `;`-separated UTF-8 with BOM, as German Excel opens it.
/// With German column names the values are German too (`kostenlos`, `vor Ort`, `Deutsch`), as import reads them.
public enum SheetExport {
    public static func csv(_ county: County, language: Language = .de) -> String {
        let header = SheetColumn.exported.map { $0.title(language) }
        var rows: [[String]] = []
        for institution in county.institutions {
            for offer in institution.offers {
                rows.append(SheetColumn.exported.map { protect(cell($0, institution, offer, Words(language: language, taxonomy: county.taxonomy))) })
            }
        }
        return "\u{FEFF}" + CSV.document(header: header, rows: rows, delimiter: ";")
    }

    /// A text that itself starts with an apostrophe before `=`, `+`, `-` or `@` gets a second one,
    /// since import takes away the apostrophe that neutralises a formula.
    static func protect(_ text: String) -> String {
        SheetReader.unneutralise(text) == text ? text : "'" + text
    }

    /// Ids as the table shows them: in German their German label where import reads it back as the same id.
    struct Words {
        let language: Language
        let taxonomy: Taxonomy

        func term(_ id: String, _ terms: [Term]) -> String {
            guard language == .de, let label = terms.first(where: { $0.id == id })?.label.de,
                  case .id(id) = Vocabulary(terms: terms, what: .type).match(label) else { return id }
            return label
        }

        func terms(_ ids: [String]?, _ terms: [Term]) -> String { (ids ?? []).map { term($0, terms) }.joined(separator: ", ") }

        func languages(_ codes: [String]) -> String { Words.languages(codes, language) }

        static func languages(_ codes: [String], _ language: Language) -> String {
            codes.map { language == .de ? LanguageNames.german[$0] ?? $0 : $0 }.joined(separator: ", ")
        }
    }

    static func cell(_ column: SheetColumn, _ i: Institution, _ o: Offer, _ words: Words) -> String {
        func list(_ values: [String]?) -> String { (values ?? []).joined(separator: ", ") }
        let taxonomy = words.taxonomy
        switch column {
        case .institutionID: return i.id
        case .name: return i.name
        case .short: return i.short ?? ""
        case .type: return words.term(i.type, taxonomy.types)
        case .offerID: return o.id
        case .offer: return o.title
        case .description: return o.description
        case .phases: return words.terms(o.phases?.map(\.rawValue), taxonomy.phases)
        case .categories: return words.terms(o.categories?.map(\.rawValue), taxonomy.categories)
        case .targetGroups: return words.terms(o.targetGroups, taxonomy.targetGroups)
        case .languages: return words.languages(o.languages)
        case .cost: return o.cost.map { words.term($0, taxonomy.costs) } ?? ""
        case .format: return o.format.map { words.term($0, taxonomy.formats) } ?? ""
        case .offerMunicipalities: return list(o.municipalities)
        case .offerURL: return o.url ?? ""
        case .website: return i.website ?? ""
        case .address: return i.address ?? ""
        case .municipality: return i.municipality ?? ""
        case .contacts: return ContactCell.text(i.contacts, words.language)
        case .email, .phone: return ""
        case .refersTo: return list(i.refersTo.map(\.id))
        case .updated: return i.updated?.description ?? ""
        case .body: return i.body
        }
    }
}
