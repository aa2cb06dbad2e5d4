import Foundation
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

    /// `updated:` takes the date as a German office writes it, as import does; nonsense stays an error at its line.
    @Test func updatedTakesGermanDates() {
        let scratch = Scratch([
            "k/county.yaml": countyYAML,
            "k/institutions/a.md": institution("name: A\ntype: verein\nupdated: 14.05.2026\noffers:\n  - title: Beratung"),
            "k/institutions/b.md": institution("name: B\ntype: verein\nupdated: 4.5.2026\noffers:\n  - title: Beratung"),
            "k/institutions/c.md": institution("name: C\ntype: verein\nupdated: 31.02.2026\noffers:\n  - title: Beratung"),
        ])
        let (counties, diagnostics) = scratch.load()
        #expect(counties[0].institution("a")?.updated == Day("2026-05-14"))
        #expect(counties[0].institution("b")?.updated == Day("2026-05-04"))
        #expect(diagnostics.map(\.id) == [.badDate], "\(diagnostics)")
        #expect(diagnostics.first?.location.path.hasSuffix("k/institutions/c.md") == true && diagnostics.first?.location.line == 4)
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
        #expect(diagnostics.first(.unknownType, at: "a.md:3:7")?.suggestion?.contains("'kammer'") == true)
        #expect(diagnostics.first(.unknownCategory, at: "a.md:6:18")?.suggestion?.contains("'finanzierung'") == true)
        #expect(diagnostics.contains(.missingField, at: "b.md:2:1"))
        #expect(diagnostics.contains(.missingField, at: "b.md:4:5"))
        #expect(diagnostics.filter { [.unknownType, .unknownCategory, .missingField].contains($0.id) }.allSatisfy { $0.severity == .error })
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
        #expect(diagnostics.first(.missingField, at: "k/county.yaml:1:1")?.suggestion?.contains("name: …") == true)
        let expected: [(DiagnosticID, String, String)] = [
            (.unknownPhase, "a.md:6:14", "vorgruendung"), (.unknownTargetGroup, "a.md:8:21", "migrant"),
            (.unknownLanguage, "a.md:9:21", "ar"), (.unknownCost, "a.md:10:11", "free"), (.unknownFormat, "a.md:11:13", "online"),
        ]
        for (id, place, suggested) in expected {
            #expect(diagnostics.first(id, at: place)?.suggestion?.contains("'\(suggested)'") == true, "\(id) at \(place): \(diagnostics.briefs)")
        }
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
        #expect(diagnostics.contains(.emptyFile, at: "empty.md:1:1"))
        #expect(diagnostics.contains(.unclosedFrontMatter, at: "open.md:4:1"))
        #expect(diagnostics.contains(.invalidYAML, at: "yaml.md:3:5"))
        #expect(diagnostics.contains(.tabIndentation, at: "tabs.md:5:1"))
        #expect(diagnostics.contains(.duplicateKey, at: "dup.md:3:1"))
        #expect(diagnostics.first(.badInstitutionID, at: "Bad_Name.md:1:1")?.suggestion?.contains("'bad-name.md'") == true)
        #expect(diagnostics.contains(.expectedList, at: "types.md:6:13"))
        #expect(diagnostics.contains(.expectedList, at: "types.md:7:16"))
        #expect(diagnostics.contains(.expectedText, at: "types.md:8:12"))
        #expect(diagnostics.first(.notUTF8, at: "latin.md:2:8")?.message.contains("Windows-1252") == true)
    }

    @Test func duplicateKeyIsReportedAtTheRepeatWithANoteAtTheFirst() {
        let scratch = Scratch([
            "k/county.yaml": countyYAML,
            "k/institutions/dup.md": institution("name: D\nname: E\ntype: verein\noffers:\n  - title: X"),
        ])
        let (_, diagnostics) = scratch.load()
        #expect(diagnostics.filter { $0.id == .duplicateKey }.briefs.map { $0.hasSuffix("dup.md:3:1: input.duplicate-key") } == [true])
        let duplicate = diagnostics.first(.duplicateKey, at: "dup.md:3:1")
        #expect(duplicate?.notes.map(\.location) == [SourceLocation(path: scratch.path("k/institutions/dup.md"), line: 2, column: 1)])
    }

    @Test func everyRepeatedKeyIsFoundInNestedFlowAndQuotedMappings() {
        var diagnostics = Diagnostics()
        let text = institution("""
        name: D
        type: verein
        offers:
          - title: X
            "title": Y
            cost: free
            cost: paid
            cost: reduced
          - {title: Z, title: W}
        """)
        _ = InstitutionLoader.parse(Data(text.utf8), id: "d", path: "d.md", taxonomy: shippedTaxonomy(), diagnostics: &diagnostics)
        let found = diagnostics.sorted.map { "\($0.brief) after \($0.notes.map(\.location.formatted))" }
        #expect(found == [
            "d.md:6:5: input.duplicate-key after [\"d.md:5:5\"]",
            "d.md:8:5: input.duplicate-key after [\"d.md:7:5\"]",
            "d.md:9:5: input.duplicate-key after [\"d.md:7:5\"]",
            "d.md:10:16: input.duplicate-key after [\"d.md:10:6\"]",
        ])
    }

    @Test func notesFollowInCompilerFormAndInJSON() {
        let note = Diagnostic.Note(SourceLocation(path: "a.md", line: 2, column: 1), "first defined here")
        let diagnostic = Diagnostic(.duplicateKey, .error, SourceLocation(path: "a.md", line: 3, column: 1), "duplicate key 'name'",
                                    suggestion: "merge the two entries", notes: [note])
        #expect(diagnostic.formatted == "a.md:3:1: error: duplicate key 'name'; merge the two entries\na.md:2:1: note: first defined here")
        #expect(diagnostic.json == .object([
            "id": .string("input.duplicate-key"), "severity": .string("error"), "path": .string("a.md"), "line": .int(3), "column": .int(1),
            "message": .string("duplicate key 'name'"), "suggestion": .string("merge the two entries"),
            "notes": .array([.object(["path": .string("a.md"), "line": .int(2), "column": .int(1), "message": .string("first defined here")])]),
        ]))
        let plain = Diagnostic(.unknownField, .warning, SourceLocation(path: "b.md"), "unknown field 'x'")
        #expect(plain.formatted == "b.md:1:1: warning: unknown field 'x'")
        guard case .object(let members) = plain.json else { Issue.record("not an object"); return }
        #expect(members["suggestion"] == nil && members["notes"] == .array([]))
    }

    @Test func everyDiagnosticIDIsListedOnceAndDotted() {
        #expect(Set(DiagnosticID.all).count == DiagnosticID.all.count)
        #expect(DiagnosticID.all.allSatisfy { $0.rawValue.split(separator: ".").count == 2 && Slug.isValid(String($0.rawValue.split(separator: ".")[1])) })
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
        let warning = diagnostics.first(.brokenReferral, at: "wfg.md:4:13")
        #expect(warning?.severity == .warning)
        #expect(warning?.suggestion?.contains("'ihk-kassel'") == true)
    }

    @Test func rejectsDuplicateOfferIDsAndBadSlugs() {
        let scratch = Scratch([
            "k/county.yaml": countyYAML,
            "k/institutions/x.md": institution("name: X\ntype: verein\noffers:\n  - title: A\n    id: same\n  - title: B\n    id: same\n  - title: C\n    id: Not_A_Slug"),
        ])
        let (_, diagnostics) = scratch.load()
        #expect(diagnostics.contains(.duplicateOfferID, at: "x.md:8:9"))
        #expect(diagnostics.contains(.badOfferID, at: "x.md:10:9"))
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
        #expect(diagnostics.contains { $0.id == .unknownCategory && $0.location.path.hasSuffix("k/taxonomy.yaml") && $0.location.line == 4 })
    }

    @Test func suggestsClosestId() {
        #expect(Suggestion.closest("finanzierun", in: ["finanzierung", "beratung"]) == "finanzierung")
        #expect(Suggestion.closest("xyz", in: ["finanzierung", "beratung"]) == nil)
        #expect(Slug.make("Gründungs-Beratung für Ärzte & Co.") == "gruendungs-beratung-fuer-aerzte-co")
    }

    /// German text is slugged by bytes, other letters by Characters; both give the same kind of slug.
    @Test func slugsOfGermanAndOtherLetters() {
        #expect(Slug.make("  Straße 7 + Größe!  ") == "strasse-7-groesse")
        #expect(Slug.make("Café Créateur") == "cafe-createur")
        #expect(Slug.make("Gru\u{308}ndung") == "gruendung")
        #expect(Slug.make("Zeynep Çelik, İzmir") == "zeynep-celik-izmir")
        #expect(Slug.make("Über " + String(repeating: "ä", count: 40)) == "ueber-" + String(repeating: "ae", count: 27))
        // upper case by bytes, and the letters whose lower case is ASCII or ß through Unicode's lowercasing
        #expect(Slug.make("ÄÖÜ-Beratung IHK") == "aeoeue-beratung-ihk")
        #expect(Slug.make("\u{212A}ELVIN \u{1E9E}") == "kelvin-ss")
        #expect(Slug.make("استشارة") == "")
        #expect(Slug.make("---") == "")
        #expect(["a", "a-b", "kreis-7", String(repeating: "x", count: 100)].allSatisfy(Slug.isValid))
        #expect(!["", "a--b", "-a", "a-", "ä", "A", "a_b", "a b", String(repeating: "x", count: 101)].contains(where: Slug.isValid))
    }
}
