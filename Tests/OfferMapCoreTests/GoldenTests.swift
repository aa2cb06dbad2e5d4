import Foundation
import Testing
@testable import OfferMapModel
@testable import OfferMapInput
@testable import OfferMapClassifier
@testable import OfferMapWeights
@testable import OfferMapAnalysis
@testable import OfferMapRender
@testable import OfferMapCore

/// Golden files of the fixture county in Fixtures/golden. After an intended change,
/// re-record them with `OFFERMAP_RECORD=1 swift test --filter GoldenTests` and review the diff.
@Suite struct GoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/golden")

    func build(_ audience: Audience = .internal) async throws -> [String: String] {
        var options = BuildOptions(date: Day("2026-11-25")!)
        options.classifiers = testClassifiers
        options.inputs = GoldenTests.folder.appendingPathComponent("inputs").path
        options.audience = audience
        var diagnostics = Diagnostics()
        let counties = try await Pipeline.load(options, diagnostics: &diagnostics)
        let landscapes = await Pipeline.analyse(counties, options: options, diagnostics: &diagnostics)
        let templates = Templates(diagnostics: &diagnostics)
        return await Pipeline.render(landscapes, options: options, templates: templates).files
    }

    func compare(_ actual: String, _ name: String) throws {
        let url = GoldenTests.folder.appendingPathComponent("expected/\(name)")
        if ProcessInfo.processInfo.environment["OFFERMAP_RECORD"] != nil {
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(name) differs from its golden file; re-record with OFFERMAP_RECORD=1 if intended")
    }

    @Test func reportMarkdown() async throws {
        try compare(try await build()["musterkreis/report.md"]!, "report.md")
    }

    @Test func landscapeJSON() async throws {
        try compare(try await build()["musterkreis/landscape.json"]!, "landscape.json")
    }

    @Test func matrixCSV() async throws {
        try compare(try await build()["musterkreis/matrix.csv"]!, "matrix.csv")
    }

    @Test func fixtureShowsEveryStatusAndFinding() async throws {
        var diagnostics = Diagnostics()
        let counties = try InputLoader.load(inputs: GoldenTests.folder.appendingPathComponent("inputs").path, diagnostics: &diagnostics)
        let landscape = Analysis.landscape(of: counties[0], date: Day("2026-11-25")!, language: .de, classifier: classifier(counties[0].taxonomy))
        #expect(Set(landscape.cells.map(\.status)) == Set(CellStatus.allCases))
        #expect(Set(landscape.findings.map(\.kind)) == Set(FindingKind.allCases))
    }

    @Test func publicAudienceHidesPrivateContacts() async throws {
        let files = try await build(.public)
        for (name, content) in files {
            #expect(!content.contains("Paul Privat"), "\(name) shows a private contact")
            #expect(!content.contains("p.privat@wfg.example"), "\(name) shows a private e-mail")
        }
        #expect(files["musterkreis/report.html"]!.contains("Erika Beispiel"))
        let internalFiles = try await build(.internal)
        #expect(internalFiles["musterkreis/report.html"]!.contains("Paul Privat"))
    }

    @Test func htmlIsSelfContainedAndInert() async throws {
        let html = try await build()["musterkreis/report.html"]!
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=\"http"))
        #expect(!html.contains("<link"))
        #expect(html.contains("<strong>WFG</strong>"))
        #expect(html.contains("Gründerabend &quot;Ist Selbstständigkeit etwas für mich?&quot;"))
    }

    @Test func outputIsDeterministic() async throws {
        let first = try await build()
        let second = try await build()
        #expect(first == second)
    }
}
