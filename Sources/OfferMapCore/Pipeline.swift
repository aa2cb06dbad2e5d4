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
    /// Parallel tasks; 1 gives the single-threaded reference run.
    public var threads = Parallel.width

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

/// The stages of every command, in order:
/// load (discover, parse, validate) → classify (labels, matrix, findings) → render → write.
/// Loading, classification and rendering run in parallel; results keep the input order,
/// so the output is byte-identical to a run with `threads: 1`.
public enum Pipeline {
    public static func load(_ options: BuildOptions, diagnostics: inout Diagnostics) async throws -> [County] {
        try await InputLoader.load(inputs: options.inputs, selection: options.counties, threads: options.threads, diagnostics: &diagnostics)
    }

    public static func analyse(_ counties: [County], options: BuildOptions, diagnostics: inout Diagnostics) async -> [Landscape] {
        let landscapes = await Parallel.map(counties, threads: options.threads) { county in
            Analysis.landscape(of: county, date: options.date, texts: Texts.shipped(options.language ?? county.language ?? .de))
        }
        for landscape in landscapes { diagnostics.append(contentsOf: Analysis.warnings(landscape)) }
        return landscapes
    }

    public static func render(_ landscapes: [Landscape], options: BuildOptions, templates: Templates) async -> OutputWriter {
        let rendered = await Parallel.map(landscapes, threads: options.threads) { render($0, options: options, templates: templates) }
        var writer = OutputWriter(root: options.out)
        for (path, content) in rendered.joined() { writer.add(path, content) }
        return writer
    }

    /// One county's report files; the template values are built once for Markdown and HTML.
    static func render(_ landscape: Landscape, options: BuildOptions, templates: Templates) -> [(String, String)] {
        var context: [String: Any]?
        func reportContext() -> [String: Any] {
            if let context { return context }
            let made = ReportView(landscape: landscape, audience: options.audience, texts: Texts.shipped(landscape.language)).context()
            context = made
            return made
        }
        return options.formats.map { format in
            let content: String
            switch format {
            case .md: content = templates.render("report.md", reportContext())
            case .html: content = templates.render("report.html", reportContext())
            case .json: content = LandscapeJSON.make(landscape, audience: options.audience).serialized()
            case .csv: content = MatrixCSV.make(landscape)
            }
            return ("\(landscape.county.id)/\(format.fileName)", content)
        }
    }

    /// Load and classify, the first two stages of every command; nil landscapes when problems stop the run.
    static func prepare(_ options: BuildOptions, progress: (String) -> Void) async throws
        -> (landscapes: [Landscape]?, templates: Templates, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        progress("[1/4] load")
        let counties = try await load(options, diagnostics: &diagnostics)
        let templates = Templates(overrides: options.templates, diagnostics: &diagnostics)
        if diagnostics.hasErrors { return (nil, templates, diagnostics) }
        progress("[2/4] classify")
        let landscapes = await analyse(counties, options: options, diagnostics: &diagnostics)
        if diagnostics.hasErrors || (options.strict && diagnostics.hasWarnings) { return (nil, templates, diagnostics) }
        return (landscapes, templates, diagnostics)
    }

    /// `offermap build`: one report set per county. Counties are rendered a few at a time and
    /// staged right away, so memory does not grow with every rendered file.
    public static func build(_ options: BuildOptions, progress: (String) -> Void = { _ in }) async throws -> BuildResult {
        let (landscapes, templates, diagnostics) = try await prepare(options, progress: progress)
        guard let landscapes else { return BuildResult(diagnostics: diagnostics, blocked: true) }
        progress("[3/4] render")
        var writer = OutputWriter(root: options.out, streaming: true)
        for chunk in chunks(landscapes, options) {
            let rendered = await Parallel.map(Array(chunk), threads: options.threads) { render($0, options: options, templates: templates) }
            for (path, content) in rendered.joined() { try writer.stream(path, content) }
        }
        progress("[4/4] write")
        return BuildResult(diagnostics: diagnostics, written: try writer.commit(), landscapes: landscapes)
    }

    /// Groups of counties small enough to hold their rendered files, large enough to keep every core busy.
    static func chunks<T>(_ items: [T], _ options: BuildOptions) -> [ArraySlice<T>] {
        let size = max(8, options.threads * 8)
        return stride(from: 0, to: items.count, by: size).map { items[$0..<min($0 + size, items.count)] }
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

