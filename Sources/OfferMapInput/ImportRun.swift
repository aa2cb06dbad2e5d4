import OfferMapModel
import Foundation

/// What `offermap import` did, or why it wrote nothing.
public struct ImportResult: Sendable {
    public var diagnostics = Diagnostics()
    public var table: (delimiter: String, encoding: String, rows: Int)?
    /// Paths written, with the number of offers in each.
    public var written: [(path: String, offers: Int)] = []
    /// Files that already say what the table gives (perhaps formatted otherwise); left as they are.
    public var unchanged: [String] = []
    /// Existing files (among `written`) that could not be edited line by line and were written
    /// anew as a whole: their comments are gone.
    public var replacedWhole: [String] = []
    public var createdCounty: String?
    /// Institution files of the county that the table does not name; import leaves them alone.
    public var untouched: [String] = []
}

extension SheetImport {
    /// Reads the table, checks every row, and writes `<inputs>/<county>/institutions/<id>.md`
    /// only when no row has an error. Existing files are changed only with `force`, and then only
    /// in the lines of the values the table changes.
    /// `shipped`: the text of the taxonomy compiled into the binary, for inputs without their own.
    public static func run(file: String, county: String, inputs: String, shipped: String, force: Bool) throws -> ImportResult {
        guard Slug.isValid(county) else {
            throw UsageError("'\(county)' is not a valid county id; use lower-case letters, digits and hyphens, e.g. '\(Slug.make(county))'")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: inputs, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UsageError("the inputs folder '\(inputs)' does not exist; give another with --inputs DIR")
        }
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue,
              let data = FileManager.default.contents(atPath: file) else {
            throw UsageError("cannot read the spreadsheet file '\(file)'")
        }
        var result = ImportResult()
        let folder = InputLoader.join(inputs, county)
        let taxonomy = countyTaxonomy(inputs: inputs, folder: folder, shipped: shipped, diagnostics: &result.diagnostics)
        guard !result.diagnostics.hasErrors,
              let table = SheetReader.read(data, path: file, diagnostics: &result.diagnostics) else { return result }
        result.table = (String(table.delimiter), table.encoding, table.rows.count)
        var sheet = SheetImport(taxonomy: taxonomy, path: file)
        // "Verweist auf" may name an institution the county already has, by name or short name
        sheet.existing = SheetImport.existing(in: folder, taxonomy: taxonomy)
        let institutions = sheet.institutions(table, diagnostics: &result.diagnostics)
        guard !result.diagnostics.hasErrors else { return result }
        var ignored = Diagnostics()
        let columns = Set((sheet.columns(table.header, diagnostics: &ignored) ?? [:]).keys)

        var writer = OutputWriter(root: folder)
        for institution in institutions {
            let relative = "institutions/\(institution.id).md"
            let path = InputLoader.join(folder, relative)
            var text = InstitutionFile.text(institution)
            if FileManager.default.fileExists(atPath: path) {
                let update = existing(path, table: institution, columns: columns, taxonomy: taxonomy)
                if update.unchanged {
                    result.unchanged.append(path)
                    continue
                }
                if !force {
                    result.diagnostics.error(.fileDiffers, SourceLocation(path: path), "the file exists and the table gives something else",
                                             suggestion: "run the import again with --force to change it")
                    continue
                }
                if let edited = update.edited {
                    text = edited
                } else {
                    text = update.whole
                    result.replacedWhole.append(path)
                }
            }
            writer.add(relative, text)
            result.written.append((path, institution.offers.count))
        }
        let countyFile = InputLoader.join(folder, "county.yaml")
        if !FileManager.default.fileExists(atPath: countyFile) {
            writer.add("county.yaml", "name: \(InstitutionFile.quote(county))\n")
            result.createdCounty = countyFile
        }
        let ids = Set(institutions.map(\.id))
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: InputLoader.join(folder, "institutions"))) ?? []
        result.untouched = existing.sorted().filter { $0.hasSuffix(".md") && !ids.contains(String($0.dropLast(3))) }
            .map { InputLoader.join(folder, "institutions", $0) }
        guard !result.diagnostics.hasErrors else {
            result.written = []
            result.createdCounty = nil
            return result
        }
        if !writer.files.isEmpty { try writer.commit() }
        return result
    }

    /// What import does with an existing file. The table decides the fields of the columns it
    /// has; the file keeps the rest (fields of missing columns, fields of its offers the table has
    /// no column for). `unchanged`: the file says that already, so a table exported and imported
    /// again leaves hand-written files alone. Otherwise `edited` is the file with only the
    /// changed keys' lines written anew (comments, `public: false`, the body kept, see
    /// FieldWriteBack); nil when the file does not load or cannot be edited line by line, and
    /// then `whole` is the file written anew (comments lost).
    static func existing(_ path: String, table: Institution, columns: Set<SheetColumn>, taxonomy: Taxonomy)
        -> (unchanged: Bool, edited: String?, whole: String) {
        var ignored = Diagnostics()
        guard let data = FileManager.default.contents(atPath: path),
              let file = InstitutionLoader.parse(data, id: table.id, path: path, taxonomy: taxonomy, diagnostics: &ignored),
              !ignored.hasErrors else { return (false, nil, InstitutionFile.text(table)) }
        let target = FieldWriteBack.merged(file: file, table: table, columns: columns)
        if FieldWriteBack.same(file, target) { return (true, nil, "") }
        let text = String(decoding: data, as: UTF8.self)
        return (false, FieldWriteBack.apply(text, file: file, target: target, path: path, taxonomy: taxonomy), InstitutionFile.text(target))
    }

    /// The taxonomy the county's files are checked against: the default, with the county's own keys.
    static func countyTaxonomy(inputs: String, folder: String, shipped: String, diagnostics: inout Diagnostics) -> Taxonomy {
        guard let base = InputLoader.defaultTaxonomy(inputs: inputs, shipped: shipped, diagnostics: &diagnostics) else { return Taxonomy() }
        let path = InputLoader.join(folder, "taxonomy.yaml")
        let override = FileManager.default.fileExists(atPath: path)
            ? TaxonomyLoader.load(URL(fileURLWithPath: path), path: path, diagnostics: &diagnostics) : nil
        return TaxonomyLoader.taxonomy(base: base, override: override, diagnostics: &diagnostics)
    }
}
