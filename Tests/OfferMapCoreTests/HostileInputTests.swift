import Foundation
import Testing
@testable import OfferMapModel
@testable import OfferMapInput
@testable import OfferMapClassifier
@testable import OfferMapWeights
@testable import OfferMapAnalysis
@testable import OfferMapRender
@testable import OfferMapCore

/// Inputs that must end in a diagnostic, never in a crash, a hang or runaway memory.
@Suite struct HostileInputTests {
    func diagnose(_ text: String) -> [Diagnostic] {
        diagnose(Data(text.utf8))
    }

    func diagnose(_ data: Data) -> [Diagnostic] {
        var diagnostics = Diagnostics()
        let taxonomy = shippedTaxonomy()
        _ = InstitutionLoader.parse(data, id: "x", path: "x.md", taxonomy: taxonomy, diagnostics: &diagnostics)
        return diagnostics.sorted
    }

    @Test func billionLaughsIsRefused() {
        var yaml = "name: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        for level in 1...12 {
            yaml += "l\(level): &l\(level) [" + Array(repeating: "*\(level == 1 ? "a" : "l\(level - 1)")", count: 9).joined(separator: ", ") + "]\n"
        }
        let result = diagnose(institution(yaml + "type: verein\noffers: *l12"))
        #expect(result.first?.id == .yamlAnchor)
        #expect(result.first?.location.line == 2)
    }

    @Test func deepNestingIsRefused() {
        let flow = diagnose(institution("name: " + String(repeating: "[", count: 100_000)))
        #expect(flow.first?.id == .deepNesting)
        let block = diagnose(institution("name: x\noffers:\n" + (0..<2000).map { String(repeating: " ", count: $0) + "- " }.joined(separator: "\n")))
        #expect(block.first?.id == .deepIndentation)
        let dashes = diagnose(institution("name: x\noffers: \n" + String(repeating: "- ", count: 50_000) + "x"))
        #expect([.deepNesting, .deepIndentation].contains(dashes.first?.id))
    }

    @Test func hugeFileIsRefusedBeforeParsing() {
        let big = Data(count: 60 * 1_048_576)
        let result = diagnose(big)
        #expect(result.map(\.id) == [.fileTooLarge])
        #expect(result[0].message.contains("60 MB"))
    }

    @Test func binaryGarbageIsNotText() {
        var generator = SplitMix(seed: 7)
        let bytes = (0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let result = diagnose(Data(bytes))
        #expect(result.count == 1)
        #expect(result[0].severity == .error)
        #expect([.binaryFile, .notUTF8].contains(result[0].id), "\(result[0].formatted)")
    }

    @Test func veryLongLinesAreFine() {
        let long = String(repeating: "Beratung ", count: 200_000)
        let result = diagnose(institution("name: X\ntype: verein\noffers:\n  - title: T\n    description: \(long)\n    phases: [vorgruendung]\n    categories: [beratung]"))
        #expect(result.isEmpty)
    }

    @Test func plainTextWithAmpersandsAndStarsIsNotAnAlias() {
        let result = diagnose(institution("name: Beratung & Coaching *neu*\ntype: verein\noffers:\n  - title: \"*Stern* & Co\"\n    phases: [vorgruendung]\n    categories: [beratung]"))
        #expect(result.isEmpty)
    }
}

/// A small deterministic random generator for tests.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
