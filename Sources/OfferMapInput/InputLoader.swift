import OfferMapModel
import Foundation

/// A problem with the command line rather than the input files (exit code 2).
public struct UsageError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Discovers and loads every county under the inputs folder, in sorted order.
public enum InputLoader {
    /// The default taxonomy: `<inputs>/taxonomy.yaml`, or the one shipped in the binary.
    /// `shipped` is the text of the taxonomy compiled into the binary (`Shipped.taxonomy`, passed down from the pipeline).
    static func defaultTaxonomy(inputs: String, shipped: String, diagnostics: inout Diagnostics) -> Fields? {
        let path = join(inputs, "taxonomy.yaml")
        if FileManager.default.fileExists(atPath: path) {
            return TaxonomyLoader.load(URL(fileURLWithPath: path), path: path, diagnostics: &diagnostics)
        }
        return shippedTaxonomyFields(shipped, diagnostics: &diagnostics)
    }

    /// A taxonomy from the text of the shipped file.
    public static func shippedTaxonomy(_ text: String, diagnostics: inout Diagnostics) -> Taxonomy {
        guard let fields = shippedTaxonomyFields(text, diagnostics: &diagnostics) else { return Taxonomy() }
        return TaxonomyLoader.taxonomy(base: fields, diagnostics: &diagnostics)
    }

    static func shippedTaxonomyFields(_ text: String, diagnostics: inout Diagnostics) -> Fields? {
        let document = YAMLDocument(path: "<shipped>/taxonomy.yaml", lineOffset: 0)
        guard let node = document.parse(text, diagnostics: &diagnostics) else { return nil }
        return Fields(node, document, what: "the taxonomy", diagnostics: &diagnostics)
    }

    /// `file`, else the default taxonomy of `inputs` (the shipped one where the folder has none).
    public static func taxonomy(file: String?, inputs: String, shipped: String, diagnostics: inout Diagnostics) -> Taxonomy {
        let base: Fields?
        if let file {
            base = TaxonomyLoader.load(URL(fileURLWithPath: file), path: file, diagnostics: &diagnostics)
        } else {
            base = defaultTaxonomy(inputs: inputs, shipped: shipped, diagnostics: &diagnostics)
        }
        guard let base else { return Taxonomy() }
        return TaxonomyLoader.taxonomy(base: base, diagnostics: &diagnostics)
    }

    /// County ids in sorted order: every folder with a county.yaml.
    public static func countyIDs(inputs: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: inputs, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UsageError("the inputs folder '\(inputs)' does not exist; give another with --inputs DIR")
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: inputs)) ?? []
        return names.sorted().filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: join(inputs, name), isDirectory: &isDirectory) && isDirectory.boolValue
                && (FileManager.default.fileExists(atPath: join(inputs, name, "county.yaml"))
                    || FileManager.default.fileExists(atPath: join(inputs, name, "institutions")))
        }
    }

    /// A county whose own files are read, with the institution files still to load.
    struct Plan: Sendable {
        var county: County
        var files: [String]
    }

    /// Loads the selected counties (all when `selection` is empty), one file after the other.
    public static func load(inputs: String, selection: [String] = [], shipped: String, diagnostics: inout Diagnostics) throws -> [County] {
        let plans = try plan(inputs: inputs, selection: selection, shipped: shipped, diagnostics: &diagnostics)
        let loaded = plans.map { plan in plan.files.map { loadFile($0, taxonomy: plan.county.taxonomy) } }
        return finish(plans, loaded, diagnostics: &diagnostics)
    }

    /// The same, with the institution files of all counties read in parallel.
    public static func load(inputs: String, selection: [String] = [], threads: Int, shipped: String,
                            diagnostics: inout Diagnostics) async throws -> [County] {
        let chosen = try counties(inputs: inputs, selection: selection)
        guard let base = defaultTaxonomy(inputs: inputs, shipped: shipped, diagnostics: &diagnostics) else { return [] }
        let planned = await Parallel.map(chosen, threads: threads) { id in
            var problems = Diagnostics()
            return (planCounty(inputs: inputs, id: id, base: base, diagnostics: &problems), problems)
        }
        for (_, problems) in planned { diagnostics.append(contentsOf: problems) }
        let plans = planned.map(\.0)
        let work = plans.flatMap { plan in plan.files.map { (path: $0, taxonomy: plan.county.taxonomy) } }
        // small tasks, so that no core is left with a long last one
        var results = await Parallel.map(work, threads: threads, perTask: 32) { loadFile($0.path, taxonomy: $0.taxonomy) }[...]
        let loaded = plans.map { plan -> [(Institution?, Diagnostics)] in
            defer { results = results.dropFirst(plan.files.count) }
            return Array(results.prefix(plan.files.count))
        }
        return finish(plans, loaded, diagnostics: &diagnostics)
    }

    static func plan(inputs: String, selection: [String], shipped: String, diagnostics: inout Diagnostics) throws -> [Plan] {
        let chosen = try counties(inputs: inputs, selection: selection)
        guard let base = defaultTaxonomy(inputs: inputs, shipped: shipped, diagnostics: &diagnostics) else { return [] }
        return chosen.map { planCounty(inputs: inputs, id: $0, base: base, diagnostics: &diagnostics) }
    }

    /// The ids of the selected counties (all when `selection` is empty); an unknown one is a usage error.
    static func counties(inputs: String, selection: [String]) throws -> [String] {
        let available = try countyIDs(inputs: inputs)
        for id in selection where !available.contains(id) {
            let hint = Suggestion.didYouMean(id, in: available).map { "; \($0)" } ?? ""
            throw UsageError("unknown county '\(id)'\(hint) (counties in \(inputs): \(available.joined(separator: ", ")))")
        }
        return selection.isEmpty ? available : available.filter(selection.contains)
    }

    static func loadFile(_ path: String, taxonomy: Taxonomy) -> (Institution?, Diagnostics) {
        var diagnostics = Diagnostics()
        let institution = InstitutionLoader.load(path: path, taxonomy: taxonomy, diagnostics: &diagnostics)
        return (institution, diagnostics)
    }

    static func finish(_ plans: [Plan], _ loaded: [[(Institution?, Diagnostics)]], diagnostics: inout Diagnostics) -> [County] {
        zip(plans, loaded).map { plan, results in
            var county = plan.county
            for (institution, problems) in results {
                diagnostics.append(contentsOf: problems)
                if let institution { county.institutions.append(institution) }
            }
            checkReferences(county, diagnostics: &diagnostics)
            return county
        }
    }

    static func planCounty(inputs: String, id: String, base: Fields, diagnostics: inout Diagnostics) -> Plan {
        let folder = join(inputs, id)
        let countyPath = join(folder, "county.yaml")
        if !Slug.isValid(id) {
            diagnostics.error(.badCountyID, SourceLocation(path: folder), "the folder name '\(id)' is not a valid county id",
                              suggestion: "rename it to '\(Slug.make(id))'")
        }
        var override: Fields?
        let taxonomyPath = join(folder, "taxonomy.yaml")
        if FileManager.default.fileExists(atPath: taxonomyPath) {
            override = TaxonomyLoader.load(URL(fileURLWithPath: taxonomyPath), path: taxonomyPath, diagnostics: &diagnostics)
        }
        let taxonomy = TaxonomyLoader.taxonomy(base: base, override: override, diagnostics: &diagnostics)
        var county = County(id: id, name: id, taxonomy: taxonomy, location: SourceLocation(path: countyPath))
        readCountyFile(countyPath, into: &county, diagnostics: &diagnostics)

        let institutionsFolder = join(folder, "institutions")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: institutionsFolder)) ?? []).sorted()
        var files: [String] = []
        for name in names where !name.hasPrefix(".") {
            let path = join(institutionsFolder, name)
            if name.hasSuffix(".md") {
                files.append(path)
            } else {
                diagnostics.warning(.ignoredFile, SourceLocation(path: path), "ignored: institution files end in '.md'",
                                    suggestion: name.contains(".") ? nil : "rename it to '\(name).md'")
            }
        }
        if names.isEmpty {
            diagnostics.warning(.noInstitutions, SourceLocation(path: institutionsFolder), "the county has no institution files yet",
                                suggestion: "add one file per institution: \(institutionsFolder)/<id>.md")
        }
        return Plan(county: county, files: files)
    }

    static func readCountyFile(_ path: String, into county: inout County, diagnostics: inout Diagnostics) {
        guard FileManager.default.fileExists(atPath: path) else {
            diagnostics.error(.missingCountyFile, SourceLocation(path: path), "the county has no county.yaml", suggestion: "create it with at least a line 'name: …'")
            return
        }
        guard let text = TextFile.read(URL(fileURLWithPath: path), path: path, diagnostics: &diagnostics) else { return }
        if text.isBlank {
            diagnostics.error(.emptyFile, SourceLocation(path: path), "the file is empty", suggestion: "add at least a line 'name: …'")
            return
        }
        let document = YAMLDocument(path: path, lineOffset: 0)
        guard let node = document.parse(text, diagnostics: &diagnostics),
              let fields = Fields(node, document, what: "the county", diagnostics: &diagnostics) else { return }
        fields.checkKeys(known: ["name", "state", "language", "municipalities", "logo", "accent"], diagnostics: &diagnostics)
        county.name = fields.text("name", required: true, diagnostics: &diagnostics) ?? county.id
        county.state = fields.text("state", diagnostics: &diagnostics)
        county.municipalities = fields.list("municipalities", diagnostics: &diagnostics)?.map(\.0) ?? []
        readBranding(fields, folder: (path as NSString).deletingLastPathComponent, into: &county, diagnostics: &diagnostics)
        if let language = fields.text("language", diagnostics: &diagnostics) {
            county.language = Language(rawValue: language)
            if county.language == nil {
                diagnostics.error(.unsupportedReportLanguage, fields.location(of: "language"), "report language '\(language)' is not available", suggestion: "use de or en")
            }
        }
    }

    /// `accent: "#1d4f91"` and `logo: logo.svg` (a file in the county's folder).
    static func readBranding(_ fields: Fields, folder: String, into county: inout County, diagnostics: inout Diagnostics) {
        if let text = fields.text("accent", diagnostics: &diagnostics) {
            if let color = Branding.color(text) {
                county.branding.accent = color
                let ratio = Branding.contrastWithWhite(color)
                if ratio < 4.5 {
                    diagnostics.warning(.lowContrast, fields.location(of: "accent"),
                                        "white text on the accent colour \(color) has a contrast of \(ratio.formatted(digits: 1)):1; WCAG AA needs 4.5:1",
                                        suggestion: "choose a darker colour, e.g. '\(Branding.darkened(color, toReach: 4.5))'")
                }
            } else {
                diagnostics.error(.badColour, fields.location(of: "accent"), "accent must be a colour like \"#1d4f91\", found '\(text)'",
                                  suggestion: "write it in quotes: accent: \"#1d4f91\"")
            }
        }
        guard let name = fields.text("logo", diagnostics: &diagnostics) else { return }
        let location = fields.location(of: "logo")
        let fileExtension = (name as NSString).pathExtension.lowercased()
        guard !name.hasPrefix("/"), !name.split(separator: "/").contains(".."), let mime = Branding.logoTypes[fileExtension] else {
            diagnostics.error(.badLogo, location, "logo must be a PNG, JPEG, SVG or WebP file in the county's folder, found '\(name)'",
                              suggestion: "put the file next to county.yaml and write logo: logo.png")
            return
        }
        let path = join(folder, name)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? -1
        guard size >= 0, let data = size <= Branding.maximumLogoBytes ? FileManager.default.contents(atPath: path) : nil else {
            diagnostics.error(size < 0 ? .missingLogo : .largeLogo, location, size < 0 ? "logo file '\(path)' does not exist" : "logo file '\(path)' is larger than 1 MB",
                              suggestion: size < 0 ? "put the file next to county.yaml" : "use a smaller image")
            return
        }
        county.branding.logo = Branding.Logo(fileName: (name as NSString).lastPathComponent, mimeType: mime, data: data)
    }

    /// `refers_to` must name an institution of the same county.
    static func checkReferences(_ county: County, diagnostics: inout Diagnostics) {
        let ids = county.institutions.map(\.id)
        for institution in county.institutions {
            for reference in institution.refersTo {
                if reference.id == institution.id {
                    diagnostics.warning(.selfReferral, reference.location, "'\(institution.id)' refers to itself", suggestion: "remove it from refers_to")
                } else if !ids.contains(reference.id) {
                    diagnostics.warning(.brokenReferral, reference.location, "refers_to names '\(reference.id)', which is not an institution of \(county.name)",
                                        suggestion: Suggestion.didYouMean(reference.id, in: ids) ?? "the id is the institution's file name without .md")
                }
            }
        }
    }

    static func join(_ parts: String...) -> String {
        parts.dropFirst().reduce(parts[0]) { $0.hasSuffix("/") ? $0 + $1 : $0 + "/" + $1 }
    }
}
