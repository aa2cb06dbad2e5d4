import OfferMapModel
import Foundation

/// Turns the rows of an offer table into institutions. Rows of one institution are grouped by
/// the Institution-ID column, else by the slug of the name. A row with an error is not taken;
/// every problem is reported as `FILE:ROW:COLUMN: error: …`.
public struct SheetImport {
    public let taxonomy: Taxonomy
    public let path: String
    /// The county's institutions already in files: `Verweist auf` may name them too, and hints suggest their ids.
    public var existing: [Institution] = []

    public init(taxonomy: Taxonomy, path: String) {
        self.taxonomy = taxonomy
        self.path = path
    }

    /// Institution fields that may be repeated on every row of the institution, but must then agree.
    static let institutionColumns: [SheetColumn] = [.name, .short, .type, .website, .address, .municipality, .contacts, .email, .phone, .refersTo, .updated, .body]
    static let offerColumns: [SheetColumn] = [.offerID, .offer, .description, .phases, .categories, .targetGroups, .languages, .cost, .format, .offerMunicipalities, .offerURL]

    struct Draft {
        var institution: Institution
        var firstRow: Int
        /// column → (row, text) where a field was first given
        var given: [SheetColumn: (Int, String)] = [:]
        var refersTo: (String, SourceLocation)?
    }

    struct Cells {
        let row: SheetTable.Row
        let columns: [SheetColumn: Int]
        let path: String

        subscript(_ column: SheetColumn) -> String {
            guard let index = columns[column], index < row.cells.count else { return "" }
            return SheetText.trimmed(row.cells[index])
        }

        func at(_ column: SheetColumn) -> SourceLocation {
            SourceLocation(path: path, line: row.number, column: (columns[column] ?? 0) + 1)
        }
    }

    /// Maps header cells to columns; unknown headers are warned about and ignored.
    func columns(_ header: SheetTable.Row, diagnostics: inout Diagnostics) -> [SheetColumn: Int]? {
        var result: [SheetColumn: Int] = [:]
        for (index, title) in header.cells.enumerated() where !title.isEmpty {
            let location = SourceLocation(path: path, line: header.number, column: index + 1)
            guard let column = SheetColumn.matching(title) else {
                diagnostics.warning(.unknownColumn, location, "unknown column '\(title)' is ignored",
                                    suggestion: Suggestion.didYouMean(title, in: SheetColumn.knownTitles) ?? "known columns: \(SheetColumn.knownTitles.joined(separator: ", "))")
                continue
            }
            if result[column] != nil {
                diagnostics.error(.duplicateColumn, location, "column '\(title)' appears twice", suggestion: "remove or rename one of them")
                return nil
            }
            result[column] = index
        }
        var complete = true
        for needed in [SheetColumn.offer, .type] where result[needed] == nil {
            diagnostics.error(.missingColumn, SourceLocation(path: path, line: header.number), "the table has no column '\(needed.title(.de))' ('\(needed.title(.en))')",
                              suggestion: "the first row must name the columns, e.g. Name;Typ;Angebot;Beschreibung")
            complete = false
        }
        if result[.name] == nil && result[.institutionID] == nil {
            diagnostics.error(.missingColumn, SourceLocation(path: path, line: header.number), "the table has no column 'Name' ('Institution')",
                              suggestion: "the first row must name the columns, e.g. Name;Typ;Angebot;Beschreibung")
            complete = false
        }
        return complete ? result : nil
    }

    public func institutions(_ table: SheetTable, diagnostics: inout Diagnostics) -> [Institution] {
        guard let columns = columns(table.header, diagnostics: &diagnostics) else { return [] }
        var drafts: [String: Draft] = [:]
        var order: [String] = []
        for row in table.rows where !row.isBlank {
            let cells = Cells(row: row, columns: columns, path: path)
            var local = Diagnostics()
            guard let id = institutionID(cells, diagnostics: &local) else {
                diagnostics.append(contentsOf: local)
                continue
            }
            var draft = drafts[id] ?? Draft(institution: Institution(id: id, name: "", type: "", location: cells.at(.name)), firstRow: row.number)
            let offer = self.offer(cells, taken: draft.institution.offers.map(\.id), diagnostics: &local)
            merge(cells, into: &draft, diagnostics: &local)
            if !local.hasErrors {
                if let offer { draft.institution.offers.append(offer) }
                if drafts[id] == nil { order.append(id) }
                drafts[id] = draft
            }
            diagnostics.append(contentsOf: local)
        }
        var result = order.map { drafts[$0]! }
        resolveReferences(&result, diagnostics: &diagnostics)
        for draft in result {
            let i = draft.institution
            let at = SourceLocation(path: path, line: draft.firstRow)
            if i.name.isEmpty { diagnostics.error(.missingField, at, "institution '\(i.id)' has no name", suggestion: "fill in the column Name") }
            if i.type.isEmpty { diagnostics.error(.missingField, at, "institution '\(i.id)' has no type", suggestion: "fill in the column Typ, e.g. kammer") }
            if i.offers.isEmpty { diagnostics.error(.noOffers, at, "institution '\(i.id)' has no offer", suggestion: "fill in the column Angebot") }
        }
        return result.map(\.institution).sorted { $0.id < $1.id }
    }

    func institutionID(_ cells: Cells, diagnostics: inout Diagnostics) -> String? {
        let given = cells[.institutionID], name = cells[.name]
        if !given.isEmpty {
            if Slug.isValid(given) { return given }
            diagnostics.error(.badInstitutionID, cells.at(.institutionID), "'\(given)' is not a valid institution id",
                              suggestion: "use lower-case letters, digits and hyphens, e.g. '\(Slug.make(given))'")
            return nil
        }
        let slug = Slug.make(name)
        if slug.isEmpty {
            diagnostics.error(.missingField, cells.at(.name), "the row names no institution", suggestion: "fill in the column Name")
            return nil
        }
        return slug
    }

    func offer(_ cells: Cells, taken: [String], diagnostics: inout Diagnostics) -> Offer? {
        let title = cells[.offer]
        if title.isEmpty {
            if let filled = SheetImport.offerColumns.first(where: { !cells[$0].isEmpty }) {
                diagnostics.error(.missingField, cells.at(.offer), "the offer has no title", suggestion: "fill in the column Angebot (\(filled.title(.de)) is filled in)")
            }
            return nil
        }
        let given = cells[.offerID]
        let id = OfferID.resolve(given: given.isEmpty ? nil : given, title: title, taken: taken, at: cells.at(.offerID), diagnostics: &diagnostics)
        var offer = Offer(id: id, title: title, location: cells.at(.offer))
        offer.description = cells[.description]
        func list(_ column: SheetColumn, _ terms: [Term], _ what: TermList) -> [String]? {
            let cell = cells[column]
            guard !cell.isEmpty else { return nil }
            let ids = Vocabulary(terms: terms, what: what).ids(cell, at: cells.at(column), diagnostics: &diagnostics)
            return ids?.isEmpty == true ? nil : ids
        }
        offer.phases = list(.phases, taxonomy.phases, .phase)?.map(PhaseID.init)
        offer.categories = list(.categories, taxonomy.categories, .category)?.map(CategoryID.init)
        if let groups = list(.targetGroups, taxonomy.targetGroups, .targetGroup) { offer.targetGroups = groups }
        if !cells[.languages].isEmpty, let codes = LanguageNames.codes(cells[.languages], at: cells.at(.languages), diagnostics: &diagnostics), !codes.isEmpty {
            offer.languages = codes
        }
        if !cells[.cost].isEmpty {
            offer.cost = Vocabulary(terms: taxonomy.costs, what: .cost).id(cells[.cost], at: cells.at(.cost), diagnostics: &diagnostics)
        }
        if !cells[.format].isEmpty {
            offer.format = Vocabulary(terms: taxonomy.formats, what: .format).id(cells[.format], at: cells.at(.format), diagnostics: &diagnostics)
        }
        offer.municipalities = SheetText.items(cells[.offerMunicipalities])
        offer.url = cells[.offerURL].isEmpty ? nil : cells[.offerURL]
        return offer
    }

    func merge(_ cells: Cells, into draft: inout Draft, diagnostics: inout Diagnostics) {
        var fresh: [SheetColumn] = []
        for column in SheetImport.institutionColumns {
            let text = cells[column]
            guard !text.isEmpty else { continue }
            if let (row, earlier) = draft.given[column] {
                if earlier != text {
                    diagnostics.error(.conflictingCell, cells.at(column), "\(column.title(.de)) of institution '\(draft.institution.id)' differs from row \(row)",
                                      suggestion: "give it once, or the same in every row of the institution")
                }
            } else {
                draft.given[column] = (cells.row.number, text)
                fresh.append(column)
            }
        }
        var i = draft.institution
        for column in fresh {
            let text = cells[column], at = cells.at(column)
            switch column {
            case .name: i.name = text
            case .short: i.short = text
            case .type: i.type = Vocabulary(terms: taxonomy.types, what: .type).id(text, at: at, diagnostics: &diagnostics) ?? ""
            case .website: i.website = text
            case .address: i.address = text
            case .municipality: i.municipality = text
            case .updated:
                i.updated = SheetImport.day(text)
                if i.updated == nil { diagnostics.error(.badDate, at, "'\(text)' is not a date", suggestion: "write it as 2026-05-14 or 14.05.2026") }
            case .refersTo: draft.refersTo = (text, at)
            case .body: i.body = cells.row.cells[cells.columns[.body]!].trimmingCharacters(in: .newlines)
            case .contacts, .email, .phone: break
            default: break
            }
        }
        if fresh.contains(.contacts) || fresh.contains(.email) || fresh.contains(.phone) {
            i.contacts = ContactCell.contacts(cells, diagnostics: &diagnostics)
        }
        draft.institution = i
    }

    static func day(_ text: String) -> Day? { Day(written: text) }

    /// Refers-to cells hold ids, or names and short names of institutions in the table or already in the county.
    /// An unknown name gets the closest known id as a hint.
    func resolveReferences(_ drafts: inout [Draft], diagnostics: inout Diagnostics) {
        let known = existing + drafts.map(\.institution)
        var byName: [String: String] = [:]
        for institution in known {
            byName[SheetText.key(institution.name)] = institution.id
            if let short = institution.short { byName[SheetText.key(short)] = institution.id }
        }
        let ids = Set(known.map(\.id))
        for index in drafts.indices {
            guard let (cell, at) = drafts[index].refersTo else { continue }
            var result: [String] = []
            for item in SheetText.items(cell) {
                let id = ids.contains(item) ? item : byName[SheetText.key(item)] ?? (Slug.isValid(item) ? item : nil)
                guard let id else {
                    diagnostics.error(.brokenReferral, at, "'\(item)' in Verweist auf is neither an institution id nor a name of the county",
                                      suggestion: hint(item, known: known))
                    continue
                }
                if !result.contains(id) { result.append(id) }
            }
            drafts[index].institution.refersTo = result.map { Reference(id: $0, location: at) }
        }
    }

    /// The known id closest to what was written (as an id, a name or a short name), else the known ids.
    func hint(_ item: String, known: [Institution]) -> String {
        let ids = known.map(\.id).sorted()
        if let id = Suggestion.closest(Slug.make(item), in: ids) { return "did you mean '\(id)'?" }
        var byKey: [String: String] = [:]
        for institution in known {
            for name in [institution.name, institution.short].compactMap({ $0 }) { byKey[SheetText.key(name)] = institution.id }
        }
        if let key = Suggestion.closest(SheetText.key(item), in: byKey.keys.sorted()) { return "did you mean '\(byKey[key]!)'?" }
        guard !ids.isEmpty else { return "write the id of an institution of the county" }
        return "write the id of an institution of the county: " + ids.prefix(12).joined(separator: ", ") + (ids.count > 12 ? ", …" : "")
    }

    /// The institutions in `<county folder>/institutions/`, for `existing`; files that do not load are left out.
    public static func existing(in folder: String, taxonomy: Taxonomy) -> [Institution] {
        let directory = InputLoader.join(folder, "institutions")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
        return names.compactMap { name in
            var ignored = Diagnostics()
            let path = InputLoader.join(directory, name)
            return InstitutionLoader.load(path: path, taxonomy: taxonomy, diagnostics: &ignored)
        }
    }
}
