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
        #expect(landscape.step(finding) == "Nächster Schritt: VEREIN und WFG zusammenbringen und den Verweis in ihren Dateien eintragen.")
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
        #expect(step == "Nächster Schritt: A und B sollten sich treffen und vereinbaren, wie sie Gründende von „Vorgründung & Planung“ nach „Gründung & Start“ weitergeben, und den Verweis in ihren Dateien eintragen.")
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

/// The referral diagram of the sample counties: full names, no loops within a column, fewer crossings, one
/// double-headed arrow for a mutual referral.
@Suite struct NetworkDiagramTests {
    func diagram(_ landscape: Landscape) -> NetworkDiagram {
        NetworkDiagram(network: landscape.network, name: { landscape.institution($0)?.name ?? $0 }, isolated: [], columnLabel: { $0.rawValue })
    }

    func samples() async throws -> [Landscape] { try await Samples().build() }

    @Test func boxesShowFullNamesWrapped() async throws {
        for landscape in try await samples() {
            let nodes = diagram(landscape).context()["nodes"] as! [[String: Any]]
            #expect(nodes.count == landscape.county.institutions.count)
            for node in nodes {
                let lines = (node["lines"] as! [[String: Any]]).map { $0["text"] as! String }
                #expect(lines.joined(separator: " ") == node["title"] as! String)
                #expect(lines.allSatisfy { $0.count <= NetworkDiagram.lineLength || !$0.contains(" ") })
            }
        }
    }

    @Test func mutualReferralsAreOneArrowWithTwoHeads() async throws {
        for landscape in try await samples() {
            let references = landscape.network.references
            let mutual = references.filter { r in references.contains { $0 == (r.to, r.from) } }.count / 2
            let edges = diagram(landscape).context()["edges"] as! [[String: Any]]
            #expect(edges.count == references.count - mutual)
            #expect(edges.filter { $0["both"] as! Bool }.count == mutual)
        }
    }

    /// Within a column an arc leaves and enters on the same side and bends outwards only.
    @Test func arcsWithinAColumnHaveNoLoops() async throws {
        for landscape in try await samples() {
            for edge in diagram(landscape).context()["edges"] as! [[String: Any]] {
                let numbers = (edge["d"] as! String).split(whereSeparator: { !"-0123456789".contains($0) }).compactMap { Int($0) }
                let (x1, c1, c2, x2) = (numbers[0], numbers[2], numbers[4], numbers[6])
                guard x1 == x2 else { continue }
                #expect(c1 == c2 && c1 != x1)
                #expect((0...(NetworkDiagram.x(2) + NetworkDiagram.nodeWidth + NetworkDiagram.margin)).contains(c1))
            }
        }
    }

    @Test func orderingReducesCrossings() async throws {
        func crossings(_ columns: [[String]], _ network: Network) -> Int {
            var position: [String: (Int, Int)] = [:]
            for (c, ids) in columns.enumerated() { for (row, id) in ids.enumerated() { position[id] = (c, row) } }
            let pairs = network.references.compactMap { r -> ((Int, Int), (Int, Int))? in
                guard let a = position[r.from], let b = position[r.to], a.0 != b.0 else { return nil }
                return a.0 < b.0 ? (a, b) : (b, a)
            }
            var count = 0
            for i in pairs.indices { for j in pairs.indices where j > i {
                let (p, q) = (pairs[i], pairs[j])
                if p.0.0 == q.0.0 && p.1.0 == q.1.0 && (p.0.1 - q.0.1) * (p.1.1 - q.1.1) < 0 { count += 1 }
            } }
            return count
        }
        var before = 0, after = 0
        for landscape in try await samples() {
            let network = landscape.network
            before += crossings(NetworkDiagram.sides.map { network.members($0).map(\.id) }, network)
            after += crossings(diagram(landscape).order(), network)
        }
        #expect(after < before * 3 / 4, "\(after) crossings after ordering, \(before) before")
    }
}
