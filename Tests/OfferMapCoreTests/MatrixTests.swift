import Testing
@testable import OfferMapModel
@testable import OfferMapInput
@testable import OfferMapClassifier
@testable import OfferMapWeights
@testable import OfferMapAnalysis
@testable import OfferMapRender
@testable import OfferMapCore

/// An offer line with explicit labels, for fixtures.
func offer(_ title: String, _ phase: String, _ category: String, groups: String = "alle", languages: String = "de") -> String {
    "  - title: \(title)\n    phases: [\(phase)]\n    categories: [\(category)]\n    target_groups: [\(groups)]\n    languages: [\(languages)]"
}

func inst(_ id: String, type: String = "verein", refers: [String] = [], updated: String? = "2026-10-01", offers: [String]) -> (String, String) {
    var front = "name: \(id.uppercased())\ntype: \(type)\n"
    if !refers.isEmpty { front += "refers_to: [\(refers.joined(separator: ", "))]\n" }
    if let updated { front += "updated: \(updated)\n" }
    front += "offers:\n" + offers.joined(separator: "\n")
    return ("k/institutions/\(id).md", institution(front))
}

func county(_ institutions: [(String, String)], taxonomy: String? = nil) -> Scratch {
    var files = Dictionary(uniqueKeysWithValues: institutions)
    files["k/county.yaml"] = countyYAML
    if let taxonomy { files["k/taxonomy.yaml"] = taxonomy }
    return Scratch(files)
}

@Suite struct MatrixTests {
    /// Expected: orientierung × information and × beratung; overlap at 3.
    let taxonomy = "expected:\n  orientierung: [information, beratung]\n  vorgruendung: [beratung]\n"

    @Test func gapWhenExpectedAndNobodyOffers() {
        let landscape = county([inst("a", offers: [offer("Info", "orientierung", "information")])], taxonomy: taxonomy).landscape()
        #expect(landscape.cell("orientierung", "beratung")?.status == .gap)
        #expect(landscape.cell("orientierung", "information")?.status != .gap)
    }

    @Test func thinWhenExpectedAndOneInstitution() {
        let landscape = county([inst("a", offers: [offer("Info", "orientierung", "information"), offer("Info 2", "orientierung", "information")])],
                               taxonomy: taxonomy).landscape()
        let cell = landscape.cell("orientierung", "information")!
        #expect(cell.status == .thin)
        #expect(cell.n == 1)
        #expect(cell.offers == ["a/info", "a/info-2"])
    }

    @Test func coveredWhenTwoOrWhenNotExpected() {
        let landscape = county([
            inst("a", offers: [offer("Info", "orientierung", "information"), offer("Raum", "gruendung", "raeume")]),
            inst("b", offers: [offer("Info", "orientierung", "information")]),
        ], taxonomy: taxonomy).landscape()
        #expect(landscape.cell("orientierung", "information")?.status == .covered)
        #expect(landscape.cell("gruendung", "raeume")?.status == .covered)
        #expect(landscape.cell("wachstum", "raeume")?.status == .empty)
    }

    @Test func overlapOnlyWhenTargetGroupsMeet() {
        let shared = county([
            inst("a", offers: [offer("BP", "vorgruendung", "beratung", groups: "migrant")]),
            inst("b", offers: [offer("BP", "vorgruendung", "beratung", groups: "alle")]),
            inst("c", offers: [offer("BP", "vorgruendung", "beratung", groups: "migrant, frauen")]),
        ], taxonomy: taxonomy).landscape()
        #expect(shared.cell("vorgruendung", "beratung")?.status == .overlap)
        let apart = county([
            inst("a", offers: [offer("BP", "vorgruendung", "beratung", groups: "migrant")]),
            inst("b", offers: [offer("BP", "vorgruendung", "beratung", groups: "frauen")]),
            inst("c", offers: [offer("BP", "vorgruendung", "beratung", groups: "jugend")]),
        ], taxonomy: taxonomy).landscape()
        #expect(apart.cell("vorgruendung", "beratung")?.status == .covered)
    }

    @Test func summaryCountsCoveredExpectedCells() {
        let landscape = county([inst("a", offers: [offer("Info", "orientierung", "information")])], taxonomy: taxonomy).landscape()
        #expect(landscape.summary.expectedCells == 3)
        #expect(landscape.summary.coveredExpected == 1)
        #expect(abs(landscape.summary.coverage - 1.0 / 3.0) < 1e-9)
    }
}

@Suite struct FindingTests {
    let taxonomy = "expected:\n  orientierung: [information]\n  vorgruendung: [beratung]\n"

    func kinds(_ landscape: Landscape) -> [FindingKind] { landscape.findings.map(\.kind) }

    @Test func matrixFindingsFollowStatuses() {
        let landscape = county([
            inst("a", offers: [offer("BP", "vorgruendung", "beratung")]),
            inst("b", offers: [offer("BP", "gruendung", "recht")]),
        ], taxonomy: taxonomy).landscape()
        let gap = landscape.findings.first { $0.kind == .gap }
        #expect(gap?.cell == CellKey("orientierung", "information"))
        #expect(landscape.message(gap)?.contains("„Orientierung & Idee“") == true)
        let thin = landscape.findings.first { $0.kind == .thin }
        #expect(thin?.institutions == ["a"])
        #expect(!kinds(landscape).contains(.overlap))
    }

    @Test func unclassifiedOffersAreListedAndStayOutOfTheMatrix() {
        let landscape = county([inst("a", offers: ["  - title: Kaffee und Kuchen", offer("BP", "vorgruendung", "beratung")])],
                               taxonomy: taxonomy).landscape()
        #expect(landscape.unclassified.map(\.fullID) == ["a/kaffee-und-kuchen"])
        #expect(landscape.findings.contains { $0.kind == .unclassified && $0.offers == ["a/kaffee-und-kuchen"] })
        #expect(!landscape.cells.contains { $0.offers.contains("a/kaffee-und-kuchen") })
        let clean = county([inst("a", offers: [offer("BP", "vorgruendung", "beratung")])], taxonomy: taxonomy).landscape()
        #expect(!kinds(clean).contains(.unclassified))
    }

    @Test func languageGapOnlyWhenEverythingIsGerman() {
        let german = county([inst("a", offers: [offer("BP", "vorgruendung", "beratung")])], taxonomy: taxonomy).landscape()
        #expect(german.findings.contains { $0.kind == .languageGap && $0.cell?.category == "beratung" })
        let mixed = county([inst("a", offers: [offer("BP", "vorgruendung", "beratung", languages: "de, ar")])], taxonomy: taxonomy).landscape()
        #expect(!kinds(mixed).contains(.languageGap))
    }

    @Test func unlinkedHandoverBetweenAdjacentPhases() {
        let unlinked = county([
            inst("a", offers: [offer("BP", "vorgruendung", "beratung")]),
            inst("b", offers: [offer("Start", "gruendung", "beratung")]),
        ], taxonomy: taxonomy).landscape()
        let handover = unlinked.findings.first { $0.kind == .unlinkedHandover }
        #expect(handover?.cells == [CellKey("vorgruendung", "beratung"), CellKey("gruendung", "beratung")])
        let linked = county([
            inst("a", refers: ["b"], offers: [offer("BP", "vorgruendung", "beratung")]),
            inst("b", offers: [offer("Start", "gruendung", "beratung")]),
        ], taxonomy: taxonomy).landscape()
        #expect(!kinds(linked).contains(.unlinkedHandover))
        let bridged = county([
            inst("a", offers: [offer("BP", "vorgruendung", "beratung"), offer("Start", "gruendung", "beratung")]),
            inst("b", offers: [offer("Start", "gruendung", "beratung")]),
        ], taxonomy: taxonomy).landscape()
        #expect(!kinds(bridged).contains(.unlinkedHandover))
    }

    @Test func isolatedIntegrationUntilLinkedEitherWay() {
        let isolated = county([
            inst("mbe", type: "integration", offers: [offer("Sprache", "orientierung", "sprache")]),
            inst("wfg", type: "wirtschaftsfoerderung", offers: [offer("BP", "vorgruendung", "beratung")]),
        ], taxonomy: taxonomy).landscape()
        #expect(isolated.findings.filter { $0.kind == .isolatedIntegration }.map(\.institutions) == [["mbe"]])
        let linkedBack = county([
            inst("mbe", type: "mso", offers: [offer("Sprache", "orientierung", "sprache")]),
            inst("wfg", type: "wirtschaftsfoerderung", refers: ["mbe"], offers: [offer("BP", "vorgruendung", "beratung")]),
        ], taxonomy: taxonomy).landscape()
        #expect(!kinds(linkedBack).contains(.isolatedIntegration))
    }

    @Test func brokenReferralAndStale() {
        let landscape = county([
            inst("a", refers: ["nobody"], updated: "2025-10-01", offers: [offer("BP", "vorgruendung", "beratung")]),
            inst("b", updated: nil, offers: [offer("BP", "vorgruendung", "beratung")]),
            inst("c", updated: "2025-11-25", offers: [offer("BP", "vorgruendung", "beratung")]),
        ], taxonomy: taxonomy).landscape(date: "2026-11-25")
        #expect(landscape.findings.filter { $0.kind == .brokenReferral }.map(\.institutions) == [["a"]])
        #expect(landscape.findings.filter { $0.kind == .stale }.map(\.institutions) == [["a"], ["b"]])
    }

    /// A cell that rests only on proposed labels below 0.7 is marked uncertain; confirmed labels never are; the
    /// review lists the least sure offers first.
    @Test func uncertainCellsRestOnGuesses() {
        let guessed = "  - title: Sprechstunde Behördenbriefe\n    description: Wir lesen Briefe vom Amt gemeinsam, auf Arabisch."
        let sure = "  - title: Gründungszuschuss\n    description: Antrag auf Gründungszuschuss bei der Agentur für Arbeit, Auszahlung ab dem Start."
        let landscape = county([inst("a", offers: [guessed, sure]), inst("b", offers: [offer("BP", "vorgruendung", "beratung")])],
                               taxonomy: taxonomy).landscape()
        for cell in landscape.cells where cell.n > 0 {
            let offers = landscape.offers.filter { cell.offers.contains($0.fullID) }
            #expect(cell.uncertain == offers.allSatisfy { $0.confidence(cell.key) < Cell.confidence }, "\(cell.key)")
            if offers.allSatisfy({ $0.institutionID == "b" }) { #expect(!cell.uncertain) }
        }
        let machine = landscape.offers.filter { $0.institutionID == "a" && !$0.isUnclassified }
        #expect(machine.allSatisfy { offer in offer.phases.allSatisfy { offer.probabilities[.phase($0)] != nil } })
        let view = ReportView(landscape: landscape, audience: .internal, texts: .shipped(.de))
        let confidences = view.review().map { $0.isUnclassified ? -1 : $0.confidence }
        #expect(confidences == confidences.sorted())
        #expect(view.review().allSatisfy { $0.institutionID == "a" })
    }

    @Test func messagesFollowTheLanguage() {
        let scratch = county([inst("a", offers: [offer("BP", "vorgruendung", "beratung")])], taxonomy: taxonomy)
        let english = scratch.landscape(language: .en)
        #expect(english.message(english.findings.first { $0.kind == .gap })?.contains("nobody offers “Information & events”") == true)
    }
}
