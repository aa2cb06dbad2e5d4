import Foundation
import Testing
@testable import OfferMapModel
@testable import OfferMapInput
@testable import OfferMapClassifier
@testable import OfferMapWeights
@testable import OfferMapAnalysis
@testable import OfferMapRender
@testable import OfferMapCore

@Suite struct KitTests {
    func kit() async throws -> (Scratch, BuildResult) {
        let scratch = Scratch([:], taxonomy: false)
        try FileManager.default.copyItem(atPath: GoldenTests.folder.appendingPathComponent("inputs").path, toPath: scratch.path("inputs"))
        var options = BuildOptions(date: Day("2026-11-25")!)
        options.classifiers = testClassifiers
        options.inputs = scratch.path("inputs")
        options.out = scratch.path("out")
        return (scratch, try await Pipeline.kit(options))
    }

    @Test func sheetsPerInstitutionAndAPoster() async throws {
        let (scratch, result) = try await kit()
        #expect(!result.blocked)
        for id in ["gewerbeamt", "hwk", "ihk", "mso-kulturverein", "wfg"] {
            #expect(scratch.read("out/musterkreis/kit/\(id).html") != nil)
        }
        let all = scratch.read("out/musterkreis/kit/all-sheets.html")!
        #expect(all.contains("size: A4 portrait"))
        #expect(all.components(separatedBy: "<section class=\"sheet\">").count - 1 == 10)
        #expect(scratch.read("out/musterkreis/kit/poster.html")!.contains("size: A3 landscape"))
    }

    @Test func assignmentSheetTicksTheCurrentClassification() async throws {
        let (scratch, _) = try await kit()
        let wfg = scratch.read("out/musterkreis/kit/wfg.html")!
        let matrix = wfg.components(separatedBy: "<table class=\"grid\">")[1].components(separatedBy: "</table>")[0]
        // WFG: vorgruendung × beratung, vorgruendung × finanzierung, orientierung × information.
        #expect(matrix.components(separatedBy: "☒").count - 1 == 3)
        #expect(matrix.components(separatedBy: "☐").count - 1 == 57)
    }

    @Test func sheetsAreInternalAndShowContacts() async throws {
        let (scratch, _) = try await kit()
        #expect(scratch.read("out/musterkreis/kit/wfg.html")!.contains("Paul Privat"))
    }
}
