import Foundation

public enum OutputFormat: String, Sendable, CaseIterable {
    case md, html, json, csv

    var fileName: String {
        switch self {
        case .md: "report.md"
        case .html: "report.html"
        case .json: "landscape.json"
        case .csv: "matrix.csv"
        }
    }
}

public struct BuildOptions: Sendable {
    public var inputs = "inputs"
    public var out = "output"
    public var counties: [String] = []
    public var formats: [OutputFormat] = OutputFormat.allCases
    public var language: Language?
    public var audience: Audience = .internal
    public var strict = false
    public var date: Day
    public var templates: String?

    public init(date: Day) {
        self.date = date
    }
}

public struct BuildResult: Sendable {
    public var diagnostics: Diagnostics
    public var written: [String] = []
    public var landscapes: [Landscape] = []
    /// True when errors (or, with --strict, warnings) stopped the build before anything was written.
    public var blocked = false
}

/// The stages of `offermap build`, in order:
/// load (discover, parse, validate) → classify (labels, matrix, findings) → render → write.
public enum Pipeline {
    public static let stages = ["load", "classify", "render", "write"]

    public static func load(_ options: BuildOptions, diagnostics: inout Diagnostics) throws -> [County] {
        try InputLoader.load(inputs: options.inputs, selection: options.counties, diagnostics: &diagnostics)
    }

    public static func analyse(_ counties: [County], options: BuildOptions, diagnostics: inout Diagnostics) -> [Landscape] {
        counties.map { county in
            let language = options.language ?? county.language ?? .de
            let landscape = Analysis.landscape(of: county, date: options.date, texts: Texts.shipped(language))
            diagnostics.append(contentsOf: Analysis.warnings(landscape))
            return landscape
        }
    }

    public static func render(_ landscapes: [Landscape], options: BuildOptions, templates: Templates) -> OutputWriter {
        var writer = OutputWriter(root: options.out)
        for landscape in landscapes {
            let texts = Texts.shipped(landscape.language)
            let view = ReportView(landscape: landscape, audience: options.audience, texts: texts)
            let context = options.formats.contains(.md) || options.formats.contains(.html) ? view.context() : [:]
            for format in options.formats {
                let content: String
                switch format {
                case .md: content = templates.render("report.md", context)
                case .html: content = templates.render("report.html", context)
                case .json: content = LandscapeJSON.make(landscape, audience: options.audience).serialized()
                case .csv: content = MatrixCSV.make(landscape)
                }
                writer.add("\(landscape.county.id)/\(format.fileName)", content)
            }
        }
        return writer
    }

    /// Runs every stage; reports progress as "[i/n] stage".
    public static func build(_ options: BuildOptions, progress: (String) -> Void = { _ in }) throws -> BuildResult {
        var diagnostics = Diagnostics()
        func stop() -> Bool { diagnostics.hasErrors || (options.strict && diagnostics.hasWarnings) }
        progress("[1/4] load")
        let counties = try load(options, diagnostics: &diagnostics)
        let templates = Templates(overrides: options.templates, diagnostics: &diagnostics)
        if diagnostics.hasErrors { return BuildResult(diagnostics: diagnostics, blocked: true) }
        progress("[2/4] classify")
        let landscapes = analyse(counties, options: options, diagnostics: &diagnostics)
        if stop() { return BuildResult(diagnostics: diagnostics, landscapes: landscapes, blocked: true) }
        progress("[3/4] render")
        let writer = render(landscapes, options: options, templates: templates)
        progress("[4/4] write")
        let written = try writer.commit()
        return BuildResult(diagnostics: diagnostics, written: written, landscapes: landscapes)
    }
}

extension Texts {
    private static let cache: [Language: Texts] = {
        var result: [Language: Texts] = [:]
        for language in Language.allCases {
            result[language] = try? Texts(language: language, yaml: Shipped.translations[language.rawValue] ?? "")
        }
        return result
    }()

    /// The translations compiled into the binary.
    public static func shipped(_ language: Language) -> Texts {
        cache[language]!
    }
}

extension Day {
    /// Today in the local time zone.
    public static var today: Day {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)
    }
}

extension Pipeline {
    /// At most this many counties get a heatmap and a difference list when none are chosen.
    public static let heatmapLimit = 8

    /// `offermap compare`: load → classify → compare → write `<out>/compare/`.
    public static func compare(_ options: BuildOptions, progress: (String) -> Void = { _ in }) throws -> BuildResult {
        var diagnostics = Diagnostics()
        progress("[1/4] load")
        let counties = try load(options, diagnostics: &diagnostics)
        let templates = Templates(overrides: options.templates, diagnostics: &diagnostics)
        if diagnostics.hasErrors { return BuildResult(diagnostics: diagnostics, blocked: true) }
        progress("[2/4] classify")
        let landscapes = analyse(counties, options: options, diagnostics: &diagnostics)
        if diagnostics.hasErrors || (options.strict && diagnostics.hasWarnings) {
            return BuildResult(diagnostics: diagnostics, landscapes: landscapes, blocked: true)
        }
        progress("[3/4] compare")
        let comparison = Comparison(landscapes)
        let shown = options.counties.isEmpty ? comparison.mostDifferent(limit: heatmapLimit) : options.counties
        let texts = Texts.shipped(options.language ?? .de)
        let context = CompareView(comparison: comparison, texts: texts, date: options.date,
                                  shown: landscapes.map(\.county.id).filter(shown.contains)).context()
        var writer = OutputWriter(root: options.out)
        writer.add("compare/compare.md", templates.render("compare.md", context))
        writer.add("compare/compare.html", templates.render("compare.html", context))
        writer.add("compare/compare.json", CompareJSON.make(comparison, date: options.date).serialized())
        progress("[4/4] write")
        return BuildResult(diagnostics: diagnostics, written: try writer.commit(), landscapes: landscapes)
    }
}

extension Pipeline {
    /// `offermap publish`: load → classify → pages and open data → write `<out>/site/`.
    public static func publish(_ options: BuildOptions, baseURL: String?, progress: (String) -> Void = { _ in }) throws -> BuildResult {
        var diagnostics = Diagnostics()
        progress("[1/4] load")
        let counties = try load(options, diagnostics: &diagnostics)
        let templates = Templates(overrides: options.templates, diagnostics: &diagnostics)
        if diagnostics.hasErrors { return BuildResult(diagnostics: diagnostics, blocked: true) }
        progress("[2/4] classify")
        let landscapes = analyse(counties, options: options, diagnostics: &diagnostics)
        if diagnostics.hasErrors || (options.strict && diagnostics.hasWarnings) {
            return BuildResult(diagnostics: diagnostics, landscapes: landscapes, blocked: true)
        }
        progress("[3/4] render")
        let texts = Texts.shipped(options.language ?? .de)
        let pages = SiteBuilder.pages(landscapes, comparison: Comparison(landscapes), templates: templates, texts: texts,
                                      date: options.date, baseURL: baseURL)
        var writer = OutputWriter(root: options.out)
        for (path, content) in pages { writer.add("site/" + path, content) }
        progress("[4/4] write")
        return BuildResult(diagnostics: diagnostics, written: try writer.commit(), landscapes: landscapes)
    }
}

extension Pipeline {
    /// `offermap kit`: printable workshop material in `<out>/<county>/kit/`.
    public static func kit(_ options: BuildOptions, progress: (String) -> Void = { _ in }) throws -> BuildResult {
        var diagnostics = Diagnostics()
        progress("[1/4] load")
        let counties = try load(options, diagnostics: &diagnostics)
        let templates = Templates(overrides: options.templates, diagnostics: &diagnostics)
        if diagnostics.hasErrors { return BuildResult(diagnostics: diagnostics, blocked: true) }
        progress("[2/4] classify")
        let landscapes = analyse(counties, options: options, diagnostics: &diagnostics)
        if diagnostics.hasErrors || (options.strict && diagnostics.hasWarnings) {
            return BuildResult(diagnostics: diagnostics, landscapes: landscapes, blocked: true)
        }
        progress("[3/4] render")
        var writer = OutputWriter(root: options.out)
        for landscape in landscapes {
            let view = KitView(landscape: landscape, texts: Texts.shipped(options.language ?? landscape.language))
            let folder = "\(landscape.county.id)/kit/"
            writer.add(folder + "all-sheets.html", templates.render("kit-sheets.html", view.sheets(landscape.county.institutions)))
            for institution in landscape.county.institutions {
                writer.add(folder + "\(institution.id).html", templates.render("kit-sheets.html", view.sheets([institution])))
            }
            writer.add(folder + "poster.html", templates.render("kit-poster.html", view.poster()))
        }
        progress("[4/4] write")
        return BuildResult(diagnostics: diagnostics, written: try writer.commit(), landscapes: landscapes)
    }
}
