import Testing
@testable import OfferMapModel
@testable import OfferMapInput
@testable import OfferMapClassifier
@testable import OfferMapWeights
@testable import OfferMapAnalysis
@testable import OfferMapRender
@testable import OfferMapCore

@Suite struct NetworkTests {
    let taxonomy = "expected:\n  orientierung: [information]\n  vorgruendung: [beratung]\n"

    func sample() -> Landscape {
        county([
            inst("wfg", type: "wirtschaftsfoerderung", refers: ["mbe"], offers: [offer("BP", "vorgruendung", "beratung", groups: "migrant", languages: "de, ar")]),
            inst("ihk", type: "kammer", offers: [offer("BP", "vorgruendung", "beratung")]),
            inst("mbe", type: "integration", offers: [offer("Info", "orientierung", "information", languages: "de, ar")]),
            inst("verein", type: "mso", offers: [offer("Treff", "orientierung", "netzwerk", languages: "ar")]),
            inst("amt", type: "behoerde", refers: ["ihk", "verein"], offers: [offer("Gewerbe", "gruendung", "recht")]),
        ], taxonomy: taxonomy).landscape()
    }

    @Test func sharesBridgesAndUnreferenced() {
        let network = Network(sample().county)
        #expect(network.linkedShare(.integration, to: .founding) == (1, 2))
        #expect(network.linkedShare(.founding, to: .integration) == (1, 2))
        #expect(network.bridges == ["amt", "mbe", "wfg"])
        #expect(network.unreferenced == ["amt", "wfg"])
        #expect(network.isolated.isEmpty)
    }

    @Test func unlinkedMsoShouldMeetTheAdvisorSharingItsLanguage() {
        let landscape = sample()
        let finding = landscape.findings.first { $0.kind == .isolatedIntegration }
        #expect(finding?.institutions == ["verein"])
        #expect(landscape.network.bestPartner(for: "verein", offers: landscape.offers) == "wfg")
        #expect(finding?.nextStep == .meet(partner: "wfg"))
        #expect(landscape.step(finding) == "Nächster Schritt: VEREIN und WFG zusammenbringen und den Verweis (refers_to) eintragen.")
    }

    @Test func gapsAndThinCellsNameTheClosestInstitution() {
        let landscape = county([
            inst("a", offers: [offer("Info", "vorgruendung", "information")]),
            inst("b", offers: [offer("BP", "vorgruendung", "beratung")]),
        ], taxonomy: taxonomy).landscape()
        let gap = landscape.findings.first { $0.kind == .gap }
        #expect(gap?.cell?.phase == "orientierung")
        #expect(landscape.step(gap)?.contains("Bei A gibt es „Information & Veranstaltungen“ schon in der Phase „Vorgründung & Planung“") == true)
        let thin = landscape.findings.first { $0.kind == .thin }
        #expect(thin?.institutions == ["b"])
        #expect(landscape.step(thin)?.contains("Bei A gibt es in „Vorgründung & Planung“ schon „Information & Veranstaltungen“") == true)
    }

    @Test func relatedCategoriesComeFromTheTaxonomy() {
        #expect(shippedTaxonomy().category("beratung")?.related == ["finanzierung", "qualifizierung", "information"])
        let own = taxonomy + """
        categories:
          - id: information
            label: {de: Information, en: Information}
          - id: beratung
            label: {de: Beratung, en: Advice}
            related: []
        """
        let landscape = county([
            inst("a", offers: [offer("Info", "vorgruendung", "information")]),
            inst("b", offers: [offer("BP", "vorgruendung", "beratung")]),
        ], taxonomy: own).landscape()
        let thin = landscape.findings.first { $0.kind == .thin }
        #expect(thin?.institutions == ["b"])
        #expect(landscape.step(thin)?.contains("Bei A") == false)
    }

    @Test func unlinkedHandoverSaysWhoShouldMeet() {
        let landscape = county([
            inst("a", offers: [offer("BP", "vorgruendung", "beratung")]),
            inst("b", offers: [offer("Start", "gruendung", "beratung")]),
        ], taxonomy: taxonomy).landscape()
        let step = landscape.step(landscape.findings.first { $0.kind == .unlinkedHandover })
        #expect(step == "Nächster Schritt: A und B sollten sich treffen und vereinbaren, wie sie Gründende von „Vorgründung & Planung“ nach „Gründung & Start“ weitergeben, und den Verweis (refers_to) eintragen.")
    }

    @Test func diagramIsDeterministicAndMarksIsolatedInstitutions() {
        let landscape = county([
            inst("wfg", type: "wirtschaftsfoerderung", offers: [offer("BP", "vorgruendung", "beratung")]),
            inst("mbe", type: "integration", offers: [offer("Info", "orientierung", "information")]),
        ], taxonomy: taxonomy).landscape()
        let view = NetworkView(landscape: landscape, texts: .shipped(.de))
        let diagram = view.diagram()
        let nodes = diagram["nodes"] as! [[String: Any]]
        #expect(nodes.map { $0["label"] as! String } == ["MBE", "WFG"])
        #expect(nodes.allSatisfy { $0["isolated"] as! Bool })
        #expect((nodes[0]["x"] as! Int) < (nodes[1]["x"] as! Int))
    }
}
