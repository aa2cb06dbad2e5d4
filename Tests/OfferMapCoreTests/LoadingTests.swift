import Testing
@testable import OfferMapModel
@testable import OfferMapInput
@testable import OfferMapClassifier
@testable import OfferMapWeights
@testable import OfferMapAnalysis
@testable import OfferMapRender
@testable import OfferMapCore

@Suite struct LoadingTests {
    @Test func loadsAnInstitutionWithAllFields() {
        let scratch = Scratch([
            "k/county.yaml": countyYAML + "municipalities: [Eschwege, Sontra]\nlanguage: de\n",
            "k/institutions/wfg.md": institution("""
            name: Wirtschaftsförderung
            short: WFG
            type: wirtschaftsfoerderung
            website: https://wfg.example
            updated: 2026-05-14
            contacts:
              - name: Erika Beispiel
                email: e@wfg.example
                phone: "0000 123"
                languages: [de, en]
                public: true
            refers_to: [mbe]
            offers:
              - title: Gründungsberatung
                phases: [vorgruendung]
                categories: [beratung]
                target_groups: [migrant]
                languages: [de, tr]
                cost: free
                format: outreach
              - title: Gründungsberatung
            """, body: "Die **WFG** hilft.\n"),
            "k/institutions/mbe.md": institution("name: MBE\ntype: integration\noffers:\n  - title: Sprachkurs\n"),
        ])
        let (counties, diagnostics) = scratch.load()
        #expect(diagnostics.isEmpty)
        let county = counties[0]
        #expect(county.name == "Testkreis")
        #expect(county.municipalities == ["Eschwege", "Sontra"])
        #expect(county.institutions.map(\.id) == ["mbe", "wfg"])
        let wfg = county.institutions[1]
        #expect(wfg.short == "WFG")
        #expect(wfg.updated == Day(year: 2026, month: 5, day: 14))
        #expect(wfg.contacts.first?.isPublic == true)
        #expect(wfg.contacts.first?.phone == "0000 123")
        #expect(wfg.refersTo.map(\.id) == ["mbe"])
        #expect(wfg.offers.map(\.id) == ["gruendungsberatung", "gruendungsberatung-2"])
        #expect(wfg.offers[0].targetGroups == ["migrant"])
        #expect(wfg.offers[0].languages == ["de", "tr"])
        #expect(wfg.offers[1].targetGroups == ["alle"])
        #expect(wfg.offers[1].languages == ["de"])
        #expect(wfg.offers[1].phases == nil)
        #expect(wfg.body == "Die **WFG** hilft.")
        #expect(wfg.bodyLine == 24)
        #expect(wfg.offers[0].location.line == 15)
    }

    @Test func reportsEveryProblemWithLineAndColumn() {
        let scratch = Scratch([
            "k/county.yaml": countyYAML,
            "k/institutions/a.md": institution("""
            name: A
            type: kammmer
            offers:
              - title: X
                categories: [finanzierun]
                phases: [vorgruendung]
            """),
            "k/institutions/b.md": institution("type: verein\noffers:\n  - description: ohne Titel\n"),
        ])
        let (_, diagnostics) = scratch.load()
        #expect(diagnostics.contains { $0.hasSuffix("a.md:3:7: error: unknown institution type 'kammmer'; did you mean 'kammer'?") })
        #expect(diagnostics.contains { $0.hasSuffix("a.md:6:18: error: unknown category 'finanzierun'; did you mean 'finanzierung'?") })
        #expect(diagnostics.contains { $0.contains("b.md:2:1: error: the institution has no 'name'") })
        #expect(diagnostics.contains { $0.contains("b.md:4:5: error: an offer has no 'title'") })
    }

    @Test func unknownIdsInEveryListGetASuggestion() {
        let scratch = Scratch([
            "k/county.yaml": "state: Hessen\n",
            "k/institutions/a.md": institution("""
            name: A
            type: verein
            offers:
              - title: X
                phases: [vorgruendun]
                categories: [beratung]
                target_groups: [migranten]
                languages: [de, arr]
                cost: fre
                format: onlin
            """),
        ])
        let (_, diagnostics) = scratch.load()
        let text = diagnostics.joined(separator: "\n")
        #expect(text.contains("k/county.yaml:1:1: error: the county has no 'name'; add a line 'name: …'"))
        #expect(text.contains("a.md:6:14: error: unknown phase 'vorgruendun'; did you mean 'vorgruendung'?"))
        #expect(text.contains("a.md:8:21: error: unknown target group 'migranten'; did you mean 'migrant'?"))
        #expect(text.contains("a.md:9:21: error: unknown language code 'arr'; did you mean 'ar'?"))
        #expect(text.contains("a.md:10:11: error: unknown cost 'fre'; did you mean 'free'?"))
        #expect(text.contains("a.md:11:13: error: unknown format 'onlin'; did you mean 'online'?"))
    }

    @Test func refusesBrokenFiles() {
        let scratch = Scratch([
            "k/county.yaml": countyYAML,
            "k/institutions/empty.md": "",
            "k/institutions/open.md": "---\nname: X\ntype: verein\n",
            "k/institutions/yaml.md": institution("name: [unclosed\ntype: verein"),
            "k/institutions/tabs.md": institution("name: T\ntype: verein\noffers:\n\t- title: X"),
            "k/institutions/dup.md": institution("name: D\nname: E\ntype: verein\noffers:\n  - title: X"),
            "k/institutions/Bad_Name.md": institution("name: B\ntype: verein\noffers:\n  - title: X"),
            "k/institutions/types.md": institution("name: T\ntype: verein\noffers:\n  - title: X\n    phases: vorgruendung\n    languages: de\n  - title: [Y]"),
        ])
        scratch.writeBytes("k/institutions/latin.md", Array("---\nname: K".utf8) + [0xF6] + Array("ln\ntype: verein\n---\n".utf8))
        let (_, diagnostics) = scratch.load()
        let text = diagnostics.joined(separator: "\n")
        #expect(text.contains("empty.md:1:1: error: the file is empty"))
        #expect(text.contains("open.md:4:1: error: the front matter is not closed"))
        #expect(text.contains("yaml.md:3:5: error: invalid YAML"))
        #expect(text.contains("tabs.md:5:1: error: tab character in indentation"))
        #expect(text.contains("dup.md:2:1: error: duplicate key 'name'"))
        #expect(text.contains("Bad_Name.md:1:1: error: the file name 'Bad_Name.md' is not a valid institution id; rename it to 'bad-name.md'"))
        #expect(text.contains("types.md:6:13: error: 'phases' must be a list"))
        #expect(text.contains("types.md:7:16: error: 'languages' must be a list"))
        #expect(text.contains("types.md:8:12: error: 'title' must be a single text"))
        #expect(text.contains("latin.md:2:8: error: the file is not UTF-8; it looks like Windows-1252"))
    }

    @Test func acceptsByteOrderMarkAndWindowsLineEnds() {
        let scratch = Scratch(["k/county.yaml": countyYAML])
        let text = institution("name: W\ntype: verein\noffers:\n  - title: Stammtisch für Gründer", body: "Text\n")
        scratch.writeBytes("k/institutions/w.md", [0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        let (counties, diagnostics) = scratch.load()
        #expect(diagnostics.isEmpty)
        #expect(counties[0].institutions[0].offers[0].title == "Stammtisch für Gründer")
    }

    @Test func warnsAboutUnknownReferencesWithSuggestion() {
        let scratch = Scratch([
            "k/county.yaml": countyYAML,
            "k/institutions/wfg.md": institution("name: W\ntype: wirtschaftsfoerderung\nrefers_to: [ihk-kasel]\noffers:\n  - title: X"),
            "k/institutions/ihk-kassel.md": institution("name: I\ntype: kammer\noffers:\n  - title: Y"),
        ])
        let (_, diagnostics) = scratch.load()
        #expect(diagnostics.contains { $0.contains("wfg.md:4:13: warning: refers_to names 'ihk-kasel'") && $0.contains("did you mean 'ihk-kassel'?") })
    }

    @Test func rejectsDuplicateOfferIDsAndBadSlugs() {
        let scratch = Scratch([
            "k/county.yaml": countyYAML,
            "k/institutions/x.md": institution("name: X\ntype: verein\noffers:\n  - title: A\n    id: same\n  - title: B\n    id: same\n  - title: C\n    id: Not_A_Slug"),
        ])
        let (_, diagnostics) = scratch.load()
        #expect(diagnostics.contains { $0.contains("x.md:8:9: error: offer id 'same' is used twice") })
        #expect(diagnostics.contains { $0.contains("x.md:10:9: error: 'Not_A_Slug' is not a valid offer id") })
    }

    @Test func countyTaxonomyReplacesDefaultKeyByKey() {
        let scratch = Scratch([
            "k/county.yaml": countyYAML,
            "k/taxonomy.yaml": "expected:\n  orientierung: [information]\nthresholds:\n  overlap: 2\n",
            "k/institutions/x.md": institution("name: X\ntype: verein\noffers:\n  - title: A\n    phases: [orientierung]\n    categories: [information]"),
        ])
        let (counties, diagnostics) = scratch.load()
        #expect(diagnostics.isEmpty)
        let taxonomy = counties[0].taxonomy
        #expect(taxonomy.phaseIDs.count == 6)
        #expect(taxonomy.expected == ["orientierung": ["information"]])
        #expect(taxonomy.thresholds.overlap == 2)
        #expect(taxonomy.thresholds.staleMonths == 12)
    }

    @Test func unknownRelatedCategoryIsAnErrorAtItsLine() {
        let scratch = Scratch([
            "k/county.yaml": countyYAML,
            "k/taxonomy.yaml": "categories:\n  - id: beratung\n    label: {de: Beratung, en: Advice}\n    related: [finanzierng]\n",
            "k/institutions/x.md": institution("name: X\ntype: verein\noffers:\n  - title: A\n    phases: [orientierung]\n    categories: [beratung]"),
        ])
        let (_, diagnostics) = scratch.load()
        #expect(diagnostics.contains { $0.contains("k/taxonomy.yaml:4:") && $0.contains("unknown category 'finanzierng' in 'related'") })
    }

    @Test func suggestsClosestId() {
        #expect(Suggestion.closest("finanzierun", in: ["finanzierung", "beratung"]) == "finanzierung")
        #expect(Suggestion.closest("xyz", in: ["finanzierung", "beratung"]) == nil)
        #expect(Slug.make("Gründungs-Beratung für Ärzte & Co.") == "gruendungs-beratung-fuer-aerzte-co")
    }
}
