import OfferMapModel
import OfferMapResources
import OfferMapInput
import OfferMapClassifier
import OfferMapAnalysis
import OfferMapRender
import OfferMapWeights
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
    public static let defaultInputs = "inputs"
    public static let defaultOut = "output"

    public var inputs = BuildOptions.defaultInputs
    public var out = BuildOptions.defaultOut
    public var counties: [String] = []
    public var formats: [OutputFormat] = OutputFormat.allCases
    /// `--lang`; nil leaves each county its own (`Language.of`)
    public var language: Language?
    public var audience: Audience = .internal
    public var strict = false
    public var date: Day
    public var templates: String?
    /// Parallel tasks; 1 gives the single-threaded reference run.
    public var threads = Parallel.width
    /// `offermap serve`: reports link to the review pages.
    public var reviewPages = false
    /// Classifiers to reuse across runs; nil: the run makes its own.
    public var classifiers: ClassifierCache?

    public init(date: Day) {
        self.date = date
    }

    /// The language of pages that span several counties (the comparison, the site's start page): `--lang`, else the
    /// counties' language where they all have the same, else German.
    public func sharedLanguage(_ landscapes: [Landscape]) -> Language { sharedLanguage(landscapes.map(\.language)) }

    public func sharedLanguage(_ languages: [Language]) -> Language {
        language ?? (Set(languages).count == 1 ? languages[0] : .de)
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
/// `[1/4] load` (discover, parse, validate) → `[2/4] classify` (labels, matrix, findings) → `[3/4]` the
/// command's own step (render, compare, …) → `[4/4] write` (swap the finished folder into place).
/// Loading, classification and rendering run in parallel; results keep the input order,
/// so the output is byte-identical to a run with `threads: 1`.
public enum Pipeline {
    /// What a command's own step gets: the run's options, the analysed counties and the templates.
    public struct Run: Sendable {
        public let options: BuildOptions
        public let landscapes: [Landscape]
        public let templates: Templates
        /// The files a `perCounty` step staged, in county order, relative to the output root.
        public var countyFiles: [String] = []
    }

    /// What a command does with one county as soon as it is classified, on any core: it stages the county's files
    /// and returns their paths. It gets the county, the language of the pages shared by all, the templates, the staging folder.
    typealias CountyStep = @Sendable (_ landscape: Landscape, _ shared: Language, _ templates: Templates, _ staging: Staging) throws -> [String]

    /// Runs the shared stages around a command's own `step`, which fills the output writer.
    /// With `perCounty`, each county is classified and handed to it at once, on all cores; afterwards it keeps only the
    /// evidence given in the files, so that the evidence of all counties is never in memory together.
    /// `detail: .figures` analyses only what a comparison of counties shows (no evidence, no findings).
    static func run(_ options: BuildOptions, step name: String, streaming: Bool = false, detail: Analysis.Detail = .full, perCounty: CountyStep? = nil,
                    progress: (String) -> Void, _ step: (Run, inout OutputWriter) async throws -> Void) async throws -> BuildResult {
        var diagnostics = Diagnostics()
        progress("[1/4] load")
        let counties = try await load(options, diagnostics: &diagnostics)
        let templates = Templates(overrides: options.templates, diagnostics: &diagnostics)
        if diagnostics.hasErrors { return BuildResult(diagnostics: diagnostics, blocked: true) }
        progress("[2/4] classify")
        var writer = OutputWriter(root: options.out, streaming: streaming)
        var landscapes: [Landscape] = []
        var countyFiles: [String] = []
        if let perCounty {
            progress("[3/4] \(name)")
            let shared = options.sharedLanguage(counties.map { Language.of($0, option: options.language) })
            let staging = try writer.staging()
            let analyse = await analyser(counties, options: options, detail: .full)
            let done = await Parallel.map(counties, threads: options.threads, perTask: 1) { county in
                let landscape = analyse(county)
                return (landscape.withoutEvidence, Result { try perCounty(landscape, shared, templates, staging) })
            }
            for (landscape, files) in done {
                landscapes.append(landscape)
                do { countyFiles += try files.get() } catch { writer.discard(); throw error }
            }
            writer.staged(countyFiles)
            for landscape in landscapes { diagnostics.append(contentsOf: warnings(landscape)) }
        } else {
            landscapes = await analyse(counties, options: options, detail: detail, diagnostics: &diagnostics)
        }
        if diagnostics.hasErrors || (options.strict && diagnostics.hasWarnings) {
            writer.discard()
            return BuildResult(diagnostics: diagnostics, blocked: true)
        }
        if perCounty == nil { progress("[3/4] \(name)") }
        try await step(Run(options: options, landscapes: landscapes, templates: templates, countyFiles: countyFiles), &writer)
        progress("[4/4] write")
        return BuildResult(diagnostics: diagnostics, written: try writer.commit(), landscapes: landscapes)
    }

    public static func load(_ options: BuildOptions, diagnostics: inout Diagnostics) async throws -> [County] {
        try await InputLoader.load(inputs: options.inputs, selection: options.counties, threads: options.threads, shipped: Shipped.taxonomy,
                                   diagnostics: &diagnostics)
    }

    /// Classifies every county, in its own language.
    public static func analyse(_ counties: [County], options: BuildOptions, detail: Analysis.Detail = .full, diagnostics: inout Diagnostics) async -> [Landscape] {
        let landscapes = await Parallel.map(counties, threads: options.threads, await analyser(counties, options: options, detail: detail))
        for landscape in landscapes { diagnostics.append(contentsOf: warnings(landscape)) }
        return landscapes
    }

    /// Classifies one of `counties` in its own language. Counties with the same classifier taxonomy share one
    /// classifier, made here before the counties are analysed side by side, each on all cores where it has to train.
    static func analyser(_ counties: [County], options: BuildOptions, detail: Analysis.Detail) async -> @Sendable (County) -> Landscape {
        let classifiers = options.classifiers ?? ClassifierCache()
        let keys = await Parallel.map(counties, threads: options.threads) { Classifier.key($0.taxonomy) }
        var byCounty: [String: Classifier] = [:]
        for (county, key) in zip(counties, keys) { byCounty[county.id] = classifiers.classifier(for: county.taxonomy, key: key) }
        return { [byCounty] county in
            Analysis.landscape(of: county, date: options.date, language: Language.of(county, option: options.language),
                               classifier: byCounty[county.id]!, detail: detail)
        }
    }

    /// Warnings for offers that fit nothing, at the offer's line.
    static func warnings(_ landscape: Landscape) -> Diagnostics {
        var diagnostics = Diagnostics()
        for offer in landscape.unclassified {
            let missing = [offer.phases.isEmpty ? "phase" : nil, offer.categories.isEmpty ? "category" : nil].compactMap { $0 }
            diagnostics.warning(.unclassifiedOffer, offer.offer.location,
                                "offer '\(offer.offer.title)' could not be given a \(missing.joined(separator: " or ")); it is listed for review",
                                suggestion: "add \(missing.map { $0 == "phase" ? "phases: [...]" : "categories: [...]" }.joined(separator: " and ")) to the offer")
        }
        return diagnostics
    }
}

/// Classifiers by what they read of a taxonomy: one per distinct taxonomy, made once (with the shipped weights where
/// they fit). A run makes its own; a caller that runs the pipeline again and again (tests, a server) can keep one.
public final class ClassifierCache: @unchecked Sendable {
    private let lock = NSLock()
    private var byKey: [String: Classifier] = [:]

    public init() {}

    /// `key`: `Classifier.key(taxonomy)`, when worked out before.
    public func classifier(for taxonomy: Taxonomy, key: String? = nil) -> Classifier {
        let key = key ?? Classifier.key(taxonomy)
        lock.lock()
        defer { lock.unlock() }
        if let known = byKey[key] { return known }
        let made = ShippedClassifier.make(taxonomy)
        byKey[key] = made
        return made
    }
}

extension Day {
    /// Today in the local time zone.
    public static var today: Day {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)
    }
}

/// The loaders with the taxonomy compiled into the binary as the default, for the commands.
extension InputLoader {
    public static func load(inputs: String, selection: [String] = [], diagnostics: inout Diagnostics) throws -> [County] {
        try load(inputs: inputs, selection: selection, shipped: Shipped.taxonomy, diagnostics: &diagnostics)
    }

    /// `file`, else the default taxonomy of `inputs`, else the shipped one.
    public static func taxonomy(file: String?, inputs: String, diagnostics: inout Diagnostics) -> Taxonomy {
        taxonomy(file: file, inputs: inputs, shipped: Shipped.taxonomy, diagnostics: &diagnostics)
    }
}

extension SheetImport {
    public static func run(file: String, county: String, inputs: String, force: Bool) throws -> ImportResult {
        try run(file: file, county: county, inputs: inputs, shipped: Shipped.taxonomy, force: force)
    }
}
