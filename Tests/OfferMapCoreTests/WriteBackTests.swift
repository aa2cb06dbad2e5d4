import Foundation
import Testing
@testable import OfferMapModel
@testable import OfferMapInput

/// Issue 17 points 4 and 6: writing labels (and imported fields) back changes only the lines it must.
@Suite struct WriteBackTests {
    static let file = """
        ---
        # Stand: Mai 2026, von Hand gepflegt
        name: "Gründerzentrum »Nord« & Co: 'Test'"
        type: wirtschaftsfoerderung
        offers:
          - title: Erstberatung
            id: erst
            phases: [vorgruendung, gruendung]   # von Frau K. bestätigt
            categories:
              - beratung
              - information
            cost: free

          # zweites Angebot
          - title: Förderkredite & Zuschüsse 🚀
            description: 'Mit "Zitaten", <b>Markup</b> und: Doppelpunkt'
        ---
        Körper mit <script>alert(1)</script> und --- Strichen.

        """

    func apply(_ edits: [LabelEdit], _ text: String = WriteBackTests.file) throws -> String {
        try LabelWriteBack.apply(edits, to: text, path: "inputs/k/institutions/gz.md")
    }

    @Test func replacesAFlowListWithinItsBracketsAndKeepsTheComment() throws {
        let out = try apply([LabelEdit(offer: "erst", phases: ["gruendung", "festigung"], categories: ["beratung", "information"])])
        #expect(out == WriteBackTests.file.replacingOccurrences(of: "phases: [vorgruendung, gruendung]   #", with: "phases: [gruendung, festigung]   #"))
    }

    @Test func replacesABlockListByBlockItemsInTheSameIndentation() throws {
        let out = try apply([LabelEdit(offer: "erst", phases: ["vorgruendung", "gruendung"], categories: ["finanzierung", "recht", "netzwerk"])])
        #expect(out == WriteBackTests.file.replacingOccurrences(of: """
                  - beratung
                  - information
            """, with: """
                  - finanzierung
                  - recht
                  - netzwerk
            """))
    }

    @Test func insertsAfterTheLastOfferBeforeTheClosingLineFoundByItsDerivedID() throws {
        let out = try apply([LabelEdit(offer: "foerderkredite-zuschuesse", phases: ["gruendung"], categories: ["finanzierung"])])
        #expect(out == """
            ---
            # Stand: Mai 2026, von Hand gepflegt
            name: "Gründerzentrum »Nord« & Co: 'Test'"
            type: wirtschaftsfoerderung
            offers:
              - title: Erstberatung
                id: erst
                phases: [vorgruendung, gruendung]   # von Frau K. bestätigt
                categories:
                  - beratung
                  - information
                cost: free

              # zweites Angebot
              - title: Förderkredite & Zuschüsse 🚀
                description: 'Mit "Zitaten", <b>Markup</b> und: Doppelpunkt'
                phases: [gruendung]
                categories: [finanzierung]
            ---
            Körper mit <script>alert(1)</script> und --- Strichen.

            """)
    }

    @Test func insertsAfterTrailingFieldsBeforeTheBlankLineAndComment() throws {
        let text = """
            ---
            name: X
            type: kammer
            offers:
              - title: Sprechtag
                cost: free
                format: in-person

              # nächstes
              - title: Nur ein Titel
              - title: Letztes
            ---

            """
        let out = try apply([LabelEdit(offer: "sprechtag", phases: [], categories: ["beratung"]),
                             LabelEdit(offer: "nur-ein-titel", phases: ["orientierung"], categories: [])], text)
        #expect(out == """
            ---
            name: X
            type: kammer
            offers:
              - title: Sprechtag
                cost: free
                format: in-person
                categories: [beratung]

              # nächstes
              - title: Nur ein Titel
                phases: [orientierung]
              - title: Letztes
            ---

            """)
    }

    @Test func anEmptyListRemovesTheKeyEvenOnTheItemsDashLine() throws {
        let text = """
            ---
            name: X
            type: kammer
            offers:
              - phases: [gruendung]
                title: A
                categories: [beratung]
              - title: B
                phases:
                  - gruendung
                # bleibt
                url: https://b.example
            ---
            """
        let out = try apply([LabelEdit(offer: "a", phases: [], categories: []), LabelEdit(offer: "b", phases: [], categories: [])], text)
        #expect(out == """
            ---
            name: X
            type: kammer
            offers:
              - title: A
              - title: B
                # bleibt
                url: https://b.example
            ---
            """)
    }

    @Test func removingTheKeyOnTheDashLineWhileChangingTheNextOne() throws {
        let text = "---\nname: X\ntype: kammer\noffers:\n  - phases: [gruendung]\n    categories: [beratung]\n    title: A\n---\n"
        let out = try apply([LabelEdit(offer: "a", phases: [], categories: ["recht"])], text)
        #expect(out == "---\nname: X\ntype: kammer\noffers:\n  - categories: [recht]\n    title: A\n---\n")
    }

    @Test func keepsCRLFLineEndings() throws {
        let crlf = WriteBackTests.file.replacingOccurrences(of: "\n", with: "\r\n")
        let out = try apply([LabelEdit(offer: "erst", phases: ["festigung"], categories: ["recht"]),
                             LabelEdit(offer: "foerderkredite-zuschuesse", phases: ["gruendung"], categories: [])], crlf)
        let expected = WriteBackTests.file
            .replacingOccurrences(of: "[vorgruendung, gruendung]", with: "[festigung]")
            .replacingOccurrences(of: "      - beratung\n      - information\n", with: "      - recht\n")
            .replacingOccurrences(of: "Doppelpunkt'\n", with: "Doppelpunkt'\n    phases: [gruendung]\n")
            .replacingOccurrences(of: "\n", with: "\r\n")
        #expect(out == expected)
        #expect(!out.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func keepsCommentsBlankLinesAndTheBodyAroundTheEditedLines() throws {
        let out = try apply([LabelEdit(offer: "erst", phases: ["gruendung"], categories: ["beratung", "information"])])
        for line in ["# Stand: Mai 2026, von Hand gepflegt", "  # zweites Angebot", "   # von Frau K. bestätigt", "    cost: free\n\n",
                     "Körper mit <script>alert(1)</script> und --- Strichen.\n"] {
            #expect(out.contains(line))
        }
        #expect(out.components(separatedBy: "\n").count == WriteBackTests.file.components(separatedBy: "\n").count)
    }

    @Test func keepsHostileTextElsewhereUnchanged() throws {
        let long = String(repeating: "Ünïcödé 🚀 \"quoted\" 'single' <b>&amp;</b> *star* !tag %pct @at `tick` {x: [y]} | > # ", count: 80)
        let text = """
            ---
            name: 'O''Brien & Söhne: "Gründung" {ja} [nein] #1'
            type: kammer
            address: "Straße 1\\n\\t<script>alert('x')</script> ☃"
            offers:
              - title: "Beratung: 100 % & mehr — ✨"
                description: >
                  \(long)
                  # kein Kommentar, sondern Text
                format: in-person
              - title: 'Zweites: "Angebot"'
                description: |
                  Zeile 1: a
                    - keine Liste
            ---
            # Überschrift mit ---

            \(long)
            ---
            ...
            """
        let out = try apply([LabelEdit(offer: "beratung-100-mehr", phases: ["gruendung"], categories: ["beratung"]),
                             LabelEdit(offer: "zweites-angebot", phases: ["festigung"], categories: [])], text)
        let expected = text
            .replacingOccurrences(of: "    format: in-person\n", with: "    format: in-person\n    phases: [gruendung]\n    categories: [beratung]\n")
            .replacingOccurrences(of: "        - keine Liste\n", with: "        - keine Liste\n    phases: [festigung]\n")
        #expect(out == expected)
    }

    @Test func anUnknownOfferIsAnErrorAtTheOffersLine() {
        #expect {
            try apply([LabelEdit(offer: "gibt-es-nicht", phases: ["gruendung"], categories: [])])
        } throws: { error in
            guard case .offerNotFound(let path, let line, let offer, let known) = error as? WriteBackError else { return false }
            return path == "inputs/k/institutions/gz.md" && line == 5 && offer == "gibt-es-nicht"
                && known == ["erst", "foerderkredite-zuschuesse"] && (error as! WriteBackError).description.hasPrefix("inputs/k/institutions/gz.md:5: error:")
        }
    }

    @Test func refusesIdsThatAreNotSlugsAndUnreadableFrontMatter() {
        #expect(throws: WriteBackError.notASlug(path: "inputs/k/institutions/gz.md", line: 6, id: "Gründung")) {
            try apply([LabelEdit(offer: "erst", phases: ["Gründung"], categories: [])])
        }
        #expect(throws: WriteBackError.notASlug(path: "inputs/k/institutions/gz.md", line: 6, id: "a]\n- b")) {
            try apply([LabelEdit(offer: "erst", phases: [], categories: ["a]\n- b"])])
        }
        #expect { try apply([LabelEdit(offer: "erst", phases: [], categories: [])], "---\nname: [unclosed\n---\n") } throws: { error in
            guard case .unreadable(_, let line, _, _) = error as? WriteBackError else { return false }
            return line >= 2
        }
        #expect { try apply([], "no front matter") } throws: { error in
            if case .unreadable(_, 1, _, _) = error as? WriteBackError { return true }
            return false
        }
    }

    // MARK: write

    func scratchFile(_ text: String) throws -> (folder: String, path: String) {
        let folder = NSTemporaryDirectory() + "offermap-writeback-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/gz.md"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return (folder, path)
    }

    func bytes(_ path: String) -> [UInt8] { [UInt8](FileManager.default.contents(atPath: path) ?? Data()) }

    @Test func writeReplacesTheFileAndUndoRestoresItsBytes() throws {
        let (folder, path) = try scratchFile(WriteBackTests.file)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let edits = [LabelEdit(offer: "erst", phases: ["gruendung"], categories: ["beratung", "information"]),
                     LabelEdit(offer: "foerderkredite-zuschuesse", phases: ["gruendung"], categories: ["finanzierung"])]
        let old = try LabelWriteBack.write(edits, path: path, expected: WriteBackTests.file, taxonomy: shippedTaxonomy())
        #expect(old == WriteBackTests.file)
        let new = try apply(edits)
        #expect(bytes(path) == Array(new.utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["gz.md"])
        try LabelWriteBack.restore(old, path: path, expected: new)
        #expect(bytes(path) == Array(WriteBackTests.file.utf8))
        // Undo by labels: the old flow list back, the inserted keys removed.
        _ = try LabelWriteBack.write(edits, path: path, expected: old, taxonomy: shippedTaxonomy())
        _ = try LabelWriteBack.write([LabelEdit(offer: "erst", phases: ["vorgruendung", "gruendung"], categories: ["beratung", "information"]),
                                      LabelEdit(offer: "foerderkredite-zuschuesse", phases: [], categories: [])],
                                     path: path, expected: new, taxonomy: shippedTaxonomy())
        #expect(bytes(path) == Array(WriteBackTests.file.utf8))
    }

    @Test func aFileChangedOnDiskIsNotWritten() throws {
        let (folder, path) = try scratchFile(WriteBackTests.file + "# von jemand anderem\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = bytes(path)
        #expect(throws: WriteBackError.changedOnDisk(path: path)) {
            try LabelWriteBack.write([LabelEdit(offer: "erst", phases: ["gruendung"], categories: [])], path: path,
                                     expected: WriteBackTests.file, taxonomy: shippedTaxonomy())
        }
        #expect(bytes(path) == before)
        #expect(throws: WriteBackError.changedOnDisk(path: path)) {
            try LabelWriteBack.restore("x", path: path, expected: WriteBackTests.file)
        }
        #expect(bytes(path) == before)
    }

    @Test func aResultTheLoaderRefusesIsNotWritten() throws {
        let (folder, path) = try scratchFile(WriteBackTests.file)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect {
            try LabelWriteBack.write([LabelEdit(offer: "erst", phases: ["gibt-es-nicht"], categories: [])], path: path,
                                     expected: WriteBackTests.file, taxonomy: shippedTaxonomy())
        } throws: { error in
            guard case .invalid(let at, let line, let problem, _) = error as? WriteBackError else { return false }
            return at == path && line == 8 && problem.contains("gibt-es-nicht")
        }
        #expect(bytes(path) == Array(WriteBackTests.file.utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["gz.md"])
    }

    @Test func writesOnlyRegularMarkdownFiles() throws {
        let (folder, path) = try scratchFile(WriteBackTests.file)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let link = folder + "/link.md", other = folder + "/gz.txt"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        try Data(WriteBackTests.file.utf8).write(to: URL(fileURLWithPath: other))
        try FileManager.default.createDirectory(atPath: folder + "/dir.md", withIntermediateDirectories: false)
        for target in [link, other, folder + "/dir.md", folder + "/missing.md"] {
            #expect {
                try LabelWriteBack.write([], path: target, expected: WriteBackTests.file, taxonomy: shippedTaxonomy())
            } throws: { error in
                if case .notAFile = error as? WriteBackError { return true }
                return false
            }
        }
        #expect(bytes(path) == Array(WriteBackTests.file.utf8))
    }

    // MARK: import --force

    func diff(_ a: String, _ b: String) -> [String] {
        let x = a.components(separatedBy: "\n"), y = b.components(separatedBy: "\n")
        guard x.count == y.count else { return ["line counts \(x.count) and \(y.count)"] }
        return zip(x, y).filter { $0 != $1 }.map { "-\($0)\n+\($1)" }
    }

    @Test func importForceKeepsCommentsAndPublicFalseAndChangesOnlyTheDescriptionLine() throws {
        let original = """
            ---
            # Von Hand gepflegt: bitte Kommentare behalten
            name: Wirtschaftsförderung Test
            type: wirtschaftsfoerderung
            contacts:
              - name: Erika Beispiel
                role: Beratung
                email: e@wfg.example
                public: false
            offers:
              - title: Erstberatung
                id: erst
                description: Alte Beschreibung
                phases: [gruendung]   # bestätigt
              - title: Sprechtag
                description: Jeden Dienstag
            ---
            Über uns.

            """
        let scratch = Scratch(["k/county.yaml": "name: K\n", "k/institutions/wfg.md": original])
        scratch.write("t.csv", """
            Institution-ID;Name;Typ;Ansprechpartner;Angebots-ID;Angebot;Beschreibung;Phasen
            wfg;Wirtschaftsförderung Test;wirtschaftsfoerderung;"Erika Beispiel; Rolle: Beratung; E-Mail: e@wfg.example";erst;Erstberatung;Neue Beschreibung;gruendung
            wfg;;;;;Sprechtag;Jeden Dienstag;

            """)
        let refused = try SheetImport.run(file: scratch.path("t.csv"), county: "k", inputs: scratch.root, force: false)
        #expect(refused.diagnostics.hasErrors)
        #expect(scratch.read("k/institutions/wfg.md") == original)
        let result = try SheetImport.run(file: scratch.path("t.csv"), county: "k", inputs: scratch.root, force: true)
        #expect(!result.diagnostics.hasErrors)
        #expect(result.written.map(\.path) == [scratch.path("k/institutions/wfg.md")] && result.replacedWhole.isEmpty)
        let after = try #require(scratch.read("k/institutions/wfg.md"))
        #expect(diff(original, after) == ["-    description: Alte Beschreibung\n+    description: \"Neue Beschreibung\""])
        let again = try SheetImport.run(file: scratch.path("t.csv"), county: "k", inputs: scratch.root, force: false)
        #expect(again.unchanged == [scratch.path("k/institutions/wfg.md")] && !again.diagnostics.hasErrors)
    }

    @Test func importForceChangesFieldsContactsAndOffersInPlaceAndKeepsCRLF() throws {
        let original = """
            ---
            # Kommentar oben
            name: Alte WFG
            type: wirtschaftsfoerderung
            website: https://wfg.example   # bleibt: die Tabelle hat keine Spalte Website
            contacts:
              - name: Erika Beispiel
                email: e@wfg.example
                public: false
            offers:
              - title: Erstberatung
                id: erst
                description: |
                  Bleibt: die Tabelle hat keine Spalte Beschreibung.
                cost: free
              # wird entfernt
              - title: Alt
                cost: free
            ---
            Über uns.

            """.replacingOccurrences(of: "\n", with: "\r\n")
        let scratch = Scratch(["k/county.yaml": "name: K\n", "k/institutions/wfg.md": original])
        scratch.write("t.csv", """
            Institution-ID;Name;Typ;Ansprechpartner;Angebots-ID;Angebot;Kosten;Phasen
            wfg;Neue WFG;wirtschaftsfoerderung;"Erika Beispiel; E-Mail: e@wfg.example; öffentlich
            Neue Person; Rolle: Test";erst;Erstberatung;paid;gruendung
            wfg;;;;;Neu;free;

            """)
        let result = try SheetImport.run(file: scratch.path("t.csv"), county: "k", inputs: scratch.root, force: true)
        #expect(!result.diagnostics.hasErrors && result.replacedWhole.isEmpty)
        #expect(scratch.read("k/institutions/wfg.md") == """
            ---
            # Kommentar oben
            name: "Neue WFG"
            type: wirtschaftsfoerderung
            website: https://wfg.example   # bleibt: die Tabelle hat keine Spalte Website
            contacts:
              - name: Erika Beispiel
                email: e@wfg.example
                public: true
              - name: "Neue Person"
                role: "Test"
                public: false
            offers:
              - title: Erstberatung
                id: erst
                description: |
                  Bleibt: die Tabelle hat keine Spalte Beschreibung.
                cost: paid
                phases: [gruendung]
              # wird entfernt
              - title: "Neu"
                id: neu
                cost: free
            ---
            Über uns.

            """.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(scratch.load().1.isEmpty)
    }

    // MARK: every file we have

    /// Every institution file of inputs/ and the test fixtures that loads: each offer's labels
    /// set, changed and removed in turn; the file must load as before but for those labels,
    /// keep its comments, and give the same lines with CRLF endings.
    @Test func labelsOfEveryOfferOfEveryShippedFileCanBeWrittenBack() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let taxonomy = shippedTaxonomy()
        var files = 0, offers = 0
        for folder in ["inputs", "Tests/OfferMapCoreTests/Fixtures"] {
            let root = repository.appendingPathComponent(folder)
            let paths = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
            for relative in paths.sorted() where relative.hasSuffix(".md") && relative.contains("institutions/") {
                let path = root.appendingPathComponent(relative).path
                guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else { continue }
                let id = String((path as NSString).lastPathComponent.dropLast(3))
                func load(_ text: String) -> Institution? {
                    var diagnostics = Diagnostics()
                    let institution = InstitutionLoader.parse(Data(text.utf8), id: id, path: path, taxonomy: taxonomy, diagnostics: &diagnostics)
                    return diagnostics.hasErrors ? nil : institution
                }
                guard let before = load(text) else { continue }
                files += 1
                for offer in before.offers {
                    offers += 1
                    for (phases, categories) in [(["festigung", "gruendung"], ["recht"]), ([], []), (["orientierung"], [])] {
                        let edit = LabelEdit(offer: offer.id, phases: phases, categories: categories)
                        let new = try LabelWriteBack.apply([edit], to: text, path: path)
                        var expected = before
                        let n = expected.offers.firstIndex { $0.id == offer.id }!
                        expected.offers[n].phases = phases.isEmpty ? nil : phases.map(PhaseID.init)
                        expected.offers[n].categories = categories.isEmpty ? nil : categories.map(CategoryID.init)
                        let after = try #require(load(new), "\(relative) \(offer.id)")
                        #expect(FieldWriteBack.same(after, expected), "\(relative) \(offer.id)")
                        let comments = { (text: String) in text.components(separatedBy: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") } }
                        #expect(comments(new) == comments(text), "\(relative) \(offer.id)")
                        let crlf = try LabelWriteBack.apply([edit], to: text.replacingOccurrences(of: "\n", with: "\r\n"), path: path)
                        #expect(crlf == new.replacingOccurrences(of: "\n", with: "\r\n"), "\(relative) \(offer.id)")
                    }
                }
            }
        }
        #expect(files > 50 && offers > 150)
    }
}
