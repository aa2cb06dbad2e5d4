import Foundation
import Testing
@testable import OfferMapModel
@testable import OfferMapInput
@testable import OfferMapAnalysis
@testable import OfferMapRender
@testable import OfferMapCore

/// The sample counties of inputs/, mapped into a scratch folder.
struct Samples {
    let scratch = Scratch([:], taxonomy: false)
    var options = BuildOptions(date: Day("2026-12-05")!)

    init() {
        options.classifiers = testClassifiers
        options.inputs = repositoryRoot.appendingPathComponent("inputs").path
        options.out = scratch.path("out")
    }

    func build() async throws -> [Landscape] { try await Pipeline.build(options).landscapes }

    func read(_ path: String) -> String { scratch.read("out/" + path) ?? "" }
}

/// Next steps and overlaps on the sample counties speak only of institutions that do the same thing.
@Suite struct SampleWordingTests {
    @Test func nextStepsPairOnlyInstitutionsThatCanStandInForEachOther() async throws {
        let landscapes = try await Samples().build()
        for landscape in landscapes {
            for finding in landscape.findings {
                guard case .adjacentPhase(_, let ids)? = finding.nextStep, finding.kind == .thin else { continue }
                let types = finding.institutions.compactMap { landscape.institution($0)?.type }
                for id in ids {
                    let type = landscape.institution(id)?.type ?? ""
                    #expect(types.allSatisfy { StandIn.canStandIn(type, for: $0) }, "\(finding.institutions) paired with \(id)")
                }
            }
        }
        let werra = try #require(landscapes.first { $0.county.id == "werra-meissner" })
        let steps = werra.findings.compactMap(werra.step).joined(separator: "\n")
        #expect(!steps.contains("ABH und MBE"))
        #expect(!steps.contains("ABH sollte mit"), "an authority is asked to stand in: \(steps)")
        #expect(!steps.contains(" und WFG sollten"), "the old doubled list")
    }

    /// A step that asks an institution to add a kind of support names only types that can give it.
    @Test func nextStepsAskOnlyTypesThatGiveThatSupport() async throws {
        for landscape in try await Samples().build() {
            for finding in landscape.findings {
                guard case .relatedCategory(_, let ids)? = finding.nextStep, let cell = finding.cell else { continue }
                for id in ids {
                    #expect(NextSteps.gives(landscape.institution(id)?.type ?? "", cell.category), "\(id) asked for \(cell.category)")
                }
            }
        }
        let goettingen = try #require(try await Samples().build().first { $0.county.id == "landkreis-goettingen" })
        let steps = goettingen.findings.compactMap(goettingen.step).joined(separator: "\n")
        #expect(!steps.contains("Bei HWK gibt es in „Gründung & Start“ schon „Recht, Steuern & Formalitäten“"), "\(steps)")
    }

    @Test func anOverlapNamesOnlyOffersOfTheSameKind() async throws {
        let landscapes = try await Samples().build()
        let werra = try #require(landscapes.first { $0.county.id == "werra-meissner" })
        // a women's café, recognition advice and an interpreter pool all touch "Sprache & Übersetzung"
        #expect(werra.cell("orientierung", "sprache")?.status == .covered)
        for landscape in landscapes {
            for finding in landscape.findings where finding.kind == .overlap {
                #expect(finding.institutions.count >= 3)
                #expect(!finding.institutions.contains { landscape.institution($0)?.type == "behoerde" })
                let cell = try #require(landscape.cell(finding.cell!))
                #expect(Set(finding.institutions).isSubset(of: cell.institutions))
            }
        }
    }

    @Test func theMarkdownReportSaysWhatItShows() async throws {
        let samples = Samples()
        _ = try await samples.build()
        for county in ["kreis-offenbach", "landkreis-goettingen", "werra-meissner"] {
            let text = samples.read("\(county)/report.md")
            #expect(text.contains("Fett gedruckte Zahlen"))
            #expect(!text.contains("Umrandete Felder"))
            #expect(!text.lowercased().contains("abgedeckt: abgedeckt"))
        }
    }

    @Test func theComparisonNamesLanguagesNotCodes() async throws {
        let samples = Samples()
        _ = try await Pipeline.compare(samples.options)
        let page = samples.read("compare/compare.html")
        #expect(page.contains("Arabisch"))
        #expect(!page.contains("(ar,"))
    }
}

@Suite struct OverlapKindTests {
    let taxonomy = "expected:\n  vorgruendung: [beratung]\n"

    @Test func differentKindsOfOfferAreNoOverlap() {
        let mixed = county([
            inst("a", type: "integration", offers: [offer("Dolmetscherpool", "orientierung", "sprache", groups: "migrant")]),
            inst("b", type: "integration", offers: [offer("Anerkennung", "orientierung", "anerkennung, sprache", groups: "migrant")]),
            inst("c", type: "integration", offers: [offer("Sprachkurs", "orientierung", "qualifizierung, sprache", groups: "migrant")]),
        ], taxonomy: taxonomy).landscape()
        #expect(mixed.cell("orientierung", "sprache")?.status == .covered)
        #expect(!mixed.findings.contains { $0.kind == .overlap })
    }

    @Test func institutionsThatCannotStandInAreNoOverlap() {
        let types = county([
            inst("a", type: "behoerde", offers: [offer("Sprechstunde", "gruendung", "aufenthalt", groups: "migrant")]),
            inst("b", type: "integration", offers: [offer("Beratung", "gruendung", "aufenthalt", groups: "migrant")]),
            inst("c", type: "mso", offers: [offer("Begleitung", "gruendung", "aufenthalt", groups: "migrant")]),
        ], taxonomy: taxonomy).landscape()
        #expect(types.cell("gruendung", "aufenthalt")?.status == .covered)
    }

    @Test func theFindingNamesTheAlikeOnly() {
        let landscape = county([
            inst("a", type: "kammer", offers: [offer("BP", "vorgruendung", "beratung")]),
            inst("b", type: "wirtschaftsfoerderung", offers: [offer("BP", "vorgruendung", "beratung")]),
            inst("c", type: "bildung", offers: [offer("BP", "vorgruendung", "beratung", groups: "studierende")]),
            inst("d", type: "behoerde", offers: [offer("Amt", "vorgruendung", "beratung")]),
        ], taxonomy: taxonomy).landscape()
        let overlap = landscape.findings.first { $0.kind == .overlap }
        #expect(overlap?.institutions == ["a", "b", "c"])
        #expect(landscape.message(overlap)?.contains("3 Einrichtungen") == true)
    }
}
