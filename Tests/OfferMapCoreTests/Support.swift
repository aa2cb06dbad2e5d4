import Foundation
@testable import OfferMapModel
import OfferMapResources
@testable import OfferMapInput
@testable import OfferMapClassifier
@testable import OfferMapWeights
@testable import OfferMapAnalysis
@testable import OfferMapRender
@testable import OfferMapCore

/// A throwaway inputs folder: the shipped taxonomy plus the given files; removed when the test ends.
final class Scratch {
    let root: String

    init(_ files: [String: String], taxonomy: Bool = true) {
        root = NSTemporaryDirectory() + "offermap-test-" + UUID().uuidString
        var all = files
        if taxonomy && all["taxonomy.yaml"] == nil { all["taxonomy.yaml"] = Shipped.taxonomy }
        for (path, content) in all { write(path, content) }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    func write(_ path: String, _ content: String) {
        let full = root + "/" + path
        try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! Data(content.utf8).write(to: URL(fileURLWithPath: full))
    }

    func writeBytes(_ path: String, _ bytes: [UInt8]) {
        let full = root + "/" + path
        try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! Data(bytes).write(to: URL(fileURLWithPath: full))
    }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: root + "/" + path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Loads all counties; returns them with the diagnostics, sorted.
    func load() -> ([County], [Diagnostic]) {
        var diagnostics = Diagnostics()
        let counties = (try? InputLoader.load(inputs: root, diagnostics: &diagnostics)) ?? []
        return (counties, diagnostics.sorted)
    }

    func landscape(date: String = "2026-11-25", language: Language = .de) -> Landscape {
        let (counties, _) = load()
        return Analysis.landscape(of: counties[0], date: Day(date)!, language: language, classifier: classifier(counties[0].taxonomy))
    }

    func path(_ relative: String) -> String { root + "/" + relative }
}

/// An institution file from a few front-matter lines.
func institution(_ front: String, body: String = "") -> String {
    "---\n" + front + "\n---\n" + body
}

let countyYAML = "name: Testkreis\nstate: Hessen\n"

/// The shipped default taxonomy (as embedded in the binary).
func shippedTaxonomy() -> Taxonomy {
    var diagnostics = Diagnostics()
    return InputLoader.shippedTaxonomy(Shipped.taxonomy, diagnostics: &diagnostics)
}

/// Classifiers by taxonomy, made once for all tests (a classifier for a taxonomy of its own trains, which takes
/// seconds in a debug build).
let testClassifiers = ClassifierCache()

func classifier(_ taxonomy: Taxonomy) -> Classifier { testClassifiers.classifier(for: taxonomy) }

extension Landscape {
    var wording: Wording { Wording(landscape: self, texts: .shipped(language)) }
    func message(_ finding: Finding?) -> String? { finding.map(wording.message) }
    func step(_ finding: Finding?) -> String? { finding.flatMap(wording.nextStep) }
}

/// What tests compare of a diagnostic: its kind and its place, not its words.
extension Diagnostic {
    /// `path:line:column: id`
    var brief: String { "\(location.formatted): \(id)" }
}

extension [Diagnostic] {
    var briefs: [String] { map(\.brief) }

    /// The diagnostic of this kind whose place ends with `place`, e.g. "a.md:3:7".
    func first(_ id: DiagnosticID, at place: String) -> Diagnostic? {
        first { $0.id == id && $0.location.formatted.hasSuffix(place) }
    }

    func contains(_ id: DiagnosticID, at place: String) -> Bool { first(id, at: place) != nil }
}

/// The fields landscape.json writes, for short asserts.
extension Evidence {
    var source: String { EvidenceJSON.source(self) }
    var term: String { EvidenceJSON.term(self) }
    var field: String { EvidenceJSON.field(self) }
}

/// The repository's root folder, for the sample inputs and the docs.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
