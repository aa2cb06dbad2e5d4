import Foundation
import Testing
@testable import OfferMapModel
@testable import OfferMapInput
@testable import OfferMapClassifier
@testable import OfferMapWeights
@testable import OfferMapAnalysis
@testable import OfferMapRender
@testable import OfferMapCore

@Suite struct SpreadsheetTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/spreadsheet")

    func table(_ bytes: [UInt8]) -> (SheetTable?, [Diagnostic]) {
        var diagnostics = Diagnostics()
        let table = SheetReader.read(Data(bytes), path: "t.csv", diagnostics: &diagnostics)
        return (table, diagnostics.sorted)
    }

    func table(_ text: String) -> (SheetTable?, [Diagnostic]) { table(Array(text.utf8)) }

    func institutions(_ text: String) -> ([Institution], [Diagnostic]) {
        var diagnostics = Diagnostics()
        let table = SheetReader.read(Data(text.utf8), path: "t.csv", diagnostics: &diagnostics)!
        let taxonomy = InputLoader.taxonomy(file: nil, inputs: "/nonexistent-offermap-inputs", diagnostics: &diagnostics)
        let result = SheetImport(taxonomy: taxonomy, path: "t.csv").institutions(table, diagnostics: &diagnostics)
        return (result, diagnostics.sorted)
    }

    /// Every file under a fixture folder, keyed by its path below it.
    func files(_ folder: URL, under prefix: String) -> [String: String] {
        var result: [String: String] = [:]
        for path in FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [] {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[prefix + path] = try! String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
            }
        }
        return result
    }

    func json(_ scratch: Scratch) -> String {
        let landscape = scratch.landscape()
        return LandscapeJSON.make(landscape, audience: .internal, wording: landscape.wording)
    }

    @Test func detectsTheDelimiterFromTheHeaderLine() {
        #expect(table("Name;Typ;Angebot\na,b;c;d\n").0?.delimiter == ";")
        #expect(table("Name,Typ,Angebot\na;b,c,d\n").0?.delimiter == ",")
        #expect(table("Name\tTyp\tAngebot\n").0?.delimiter == "\t")
        #expect(table("\"Name;Kurz\",Typ,Angebot\n").0?.delimiter == ",")
        let excel = table("sep=,\nName,Typ\nA,B\n").0
        #expect(excel?.delimiter == ",")
        #expect(excel?.header.cells == ["Name", "Typ"])
        #expect(excel?.rows.first?.number == 2)
    }

    @Test func readsQuotedCellsWithDelimitersQuotesAndLineBreaks() {
        let (parsed, problems) = table("Name;Angebot\r\n\"A;B\";\"sagt \"\"hallo\"\"\r\nzweite Zeile\"\r\nC;D\nE;\"F\nG\"")
        #expect(problems.isEmpty)
        #expect(parsed?.rows.map(\.cells) == [["A;B", "sagt \"hallo\"\nzweite Zeile"], ["C", "D"], ["E", "F\nG"]])
        #expect(parsed?.rows.map(\.number) == [2, 3, 4])
        let (_, unclosed) = self.table("Name;Angebot\nA;B\nC;\"offen\n")
        #expect(unclosed.briefs == ["t.csv:3:1: sheet.unclosed-quote"])
        #expect(unclosed.first?.severity == .error)
    }

    @Test func decodesWindows1252AndUTF8WithBOM() {
        let latin = Array("Name;Angebot\r\nX;".utf8) + [0xE4, 0xF6, 0xFC, 0xDF, 0x20, 0x80, 0x20, 0x84, 0x78, 0x93, 0x20, 0x96] + [0x0D, 0x0A]
        let (decoded, problems) = table(latin)
        #expect(problems.isEmpty)
        #expect(decoded?.encoding == "Windows-1252")
        #expect(decoded?.rows.first?.cells == ["X", "äöüß € „x“ –"])
        let bom = table([0xEF, 0xBB, 0xBF] + Array("Name;Angebot\nWeiß;Ü\n".utf8)).0
        #expect(bom?.encoding == "UTF-8")
        #expect(bom?.header.cells == ["Name", "Angebot"])
        #expect(bom?.rows.first?.cells == ["Weiß", "Ü"])
        #expect(Windows1252.encode("äöüß € „x“") == [0xE4, 0xF6, 0xFC, 0xDF, 0x20, 0x80, 0x20, 0x84, 0x78, 0x93])
        #expect(self.table([0xFF, 0xFE, 0x4E, 0x00]).1.first?.id == .utf16)
    }

    @Test func takesBackTheApostropheThatNeutralisedAFormula() {
        let row = [CSV.cell("=SUMME(A1)"), CSV.cell("-5 €"), CSV.cell("'zitiert'"), CSV.cell(SheetExport.protect("'=kein Formel")), CSV.cell(SheetExport.protect("''+zwei"))]
        let (parsed, _) = table("A;B;C;D;E\n" + row.joined(separator: ";") + "\n")
        #expect(parsed?.rows.first?.cells == ["=SUMME(A1)", "-5 €", "'zitiert'", "'=kein Formel", "''+zwei"])
    }

    @Test func matchesGermanAndEnglishHeaders() {
        #expect(SheetColumn.matching("ZIELGRUPPEN") == .targetGroups)
        #expect(SheetColumn.matching("target groups") == .targetGroups)
        #expect(SheetColumn.matching("E-Mail") == .email)
        #expect(SheetColumn.matching("Gemeinden des Angebots") == .offerMunicipalities)
        #expect(SheetColumn.matching("Ueber uns") == .body)
        #expect(SheetColumn.matching("Institution") == .name)
        let german = institutions("Name;Typ;Angebot;Beschreibung;Phasen;Kategorien;Sprachen;Kosten;Format;Ansprechpartner;Telefon;Website\n"
            + "IHK;Kammer;Sprechtag;Für alle;Vorgründung & Planung;beratung;Deutsch;kostenlos;telefonisch;Eva Muster;0561 1;https://ihk.example\n")
        let english = institutions("Institution,Type,Offer,Description,Phases,Categories,Languages,Cost,Format,Contact,Phone,Website\n"
            + "IHK,chamber,Sprechtag,Für alle,pre-founding & planning,advice & coaching,german,free,by phone,Eva Muster,0561 1,https://ihk.example\n")
        #expect(german.1.isEmpty && english.1.isEmpty, "\(german.1) \(english.1)")
        #expect(InstitutionFile.text(german.0[0]) == InstitutionFile.text(english.0[0]))
        #expect(InstitutionFile.text(german.0[0]).contains("phone: \"0561 1\""))
        let unknown = institutions("Name;Typ;Angebot;Zielgrupe\nA;kammer;B;alle\n").1
        #expect(unknown.briefs == ["t.csv:1:4: sheet.unknown-column"])
        #expect(unknown.first?.severity == .warning)
        #expect(unknown.first?.suggestion?.contains("'Zielgruppen'") == true)
    }

    @Test func readsListsSeparatedBySemicolonsCommasAndLabelsWithCommas() {
        let (result, problems) = institutions("""
        Name;Typ;Angebot;Phasen;Kategorien;Zielgruppen;Sprachen
        A;kammer;Eins;vorgruendung, gruendung;Recht, Steuern & Formalitäten, Beratung & Coaching;"Frauen; migrant";de, tr
        A;kammer;Zwei;"vorgruendung; gruendung";"recht;beratung";;Deutsch Arabisch
        """)
        #expect(problems.isEmpty, "\(problems)")
        let offers = result[0].offers
        #expect(offers.map(\.phases) == [["vorgruendung", "gruendung"], ["vorgruendung", "gruendung"]])
        #expect(offers.map(\.categories) == [["recht", "beratung"], ["recht", "beratung"]])
        #expect(offers.map(\.targetGroups) == [["frauen", "migrant"], ["alle"]])
        #expect(offers.map(\.languages) == [["de", "tr"], ["de", "ar"]])
    }

    @Test func refusesUnknownIdsWithRowNumberAndSuggestion() {
        let (result, problems) = institutions("""
        Name;Typ;Angebot;Phasen;Kategorien;Kosten
        A;kammer;Gut;gruendung;recht;free
        A;kammer;"Zwei
        Zeilen";gruendun;rechtt;gratis
        B;kamer;Drei;;;
        A;verein;Vier;;;
        """)
        #expect(problems.briefs == [
            "t.csv:3:4: input.unknown-phase",
            "t.csv:3:5: input.unknown-category",
            "t.csv:3:6: input.unknown-cost",
            "t.csv:4:2: input.unknown-type",
            "t.csv:5:2: sheet.conflicting-cell",
        ])
        #expect(problems.allSatisfy { $0.severity == .error })
        for (problem, suggested) in zip(problems, ["'gruendung'", "'recht'", "free, reduced, paid", "'kammer'"]) {
            #expect(problem.suggestion?.contains(suggested) == true, "\(problem.formatted)")
        }
        #expect(result.map(\.id) == ["a"])
        #expect(result[0].offers.map(\.title) == ["Gut"])
    }

    @Test func readsContactCells() {
        let contacts = [
            Contact(name: "Erika Beispiel", role: "Gründung", email: "e@x.example", phone: "+49 561 1", languages: ["de", "tr"], isPublic: true),
            Contact(name: "Paul Privat", email: "p@x.example"),
        ]
        for language in Language.allCases {
            let cell = ContactCell.text(contacts, language)
            let (result, problems) = institutions("Name;Typ;Angebot;Ansprechpartner\nA;kammer;B;\"\(cell)\"\n")
            #expect(problems.isEmpty)
            #expect(result.first?.contacts == contacts)
        }
        #expect(ContactCell.text(contacts, .de) == "Erika Beispiel; Rolle: Gründung; E-Mail: e@x.example; Telefon: +49 561 1; Sprachen: Deutsch, Türkisch; öffentlich\nPaul Privat; E-Mail: p@x.example")
        let loose = institutions("Name;Typ;Angebot;Ansprechpartner\nA;kammer;B;\"Eva; eva@x.example; 0561 12 34; public: ja\"\n")
        #expect(loose.0.first?.contacts == [Contact(name: "Eva", email: "eva@x.example", phone: "0561 12 34", isPublic: true)])
        let bad = institutions("Name;Typ;Angebot;Ansprechpartner;E-Mail\nA;kammer;B;\"Eva\nOtto\";x@y.example\nC;kammer;D;\"Eva; Raum 3\";\n").1
        #expect(bad.briefs == ["t.csv:2:5: sheet.ambiguous-contact", "t.csv:3:4: sheet.bad-contact"])
    }

    @Test func writesQuotedYAMLThatLoadsBackUnchanged() {
        var institution = Institution(id: "odd", name: "Name: mit # und \"Quotes\" \\ und 'Apostroph'", type: "verein", location: SourceLocation(path: ""))
        institution.short = "null"
        institution.address = "- Liste?\tTab"
        var offer = Offer(id: "yes", title: "yes", location: SourceLocation(path: ""))
        offer.description = "[nicht, eine Liste]\n{auch: nicht}\n---\nEnde"
        offer.url = "@handle"
        institution.offers = [offer, Offer(id: "zweites", title: "Zweites: Angebot", location: SourceLocation(path: ""))]
        institution.body = "---\nText mit Linie"
        let scratch = Scratch(["k/county.yaml": countyYAML, "k/institutions/odd.md": InstitutionFile.text(institution)])
        let (counties, problems) = scratch.load()
        #expect(problems.isEmpty, "\(problems)")
        let loaded = counties[0].institutions[0]
        #expect(loaded.name == institution.name && loaded.short == "null" && loaded.address == institution.address)
        #expect(loaded.offers.map(\.title) == ["yes", "Zweites: Angebot"])
        #expect(loaded.offers.map(\.id) == ["yes", "zweites"])
        #expect(loaded.offers[0].description == offer.description && loaded.offers[0].url == "@handle")
        #expect(loaded.body == institution.body)
    }

    @Test func neverWritesOutsideTheCountyAndOverwritesOnlyWithForce() throws {
        let scratch = Scratch([:])
        scratch.write("v1.csv", "Institution-ID;Name;Typ;Angebot\nwfg;WFG;wirtschaftsfoerderung;Beratung\n")
        scratch.write("v2.csv", "Institution-ID;Name;Typ;Angebot\nwfg;WFG;wirtschaftsfoerderung;Neue Beratung\n")
        scratch.write("evil.csv", "Institution-ID;Name;Typ;Angebot\n../../evil;WFG;verein;X\n")
        #expect(throws: UsageError.self) { try SheetImport.run(file: scratch.path("v1.csv"), county: "../k", inputs: scratch.root, force: true) }
        #expect(throws: UsageError.self) { try SheetImport.run(file: scratch.path("nope.csv"), county: "k", inputs: scratch.root, force: true) }
        let evil = try SheetImport.run(file: scratch.path("evil.csv"), county: "k", inputs: scratch.root, force: true)
        #expect(evil.diagnostics.hasErrors && evil.written.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("k")))

        let first = try SheetImport.run(file: scratch.path("v1.csv"), county: "k", inputs: scratch.root, force: false)
        #expect(first.written.map(\.path) == [scratch.path("k/institutions/wfg.md")])
        #expect(first.createdCounty == scratch.path("k/county.yaml"))
        #expect(scratch.read("k/county.yaml") == "name: \"k\"\n")
        let before = scratch.read("k/institutions/wfg.md")
        let again = try SheetImport.run(file: scratch.path("v1.csv"), county: "k", inputs: scratch.root, force: false)
        #expect(again.unchanged == [scratch.path("k/institutions/wfg.md")] && !again.diagnostics.hasErrors)
        let refused = try SheetImport.run(file: scratch.path("v2.csv"), county: "k", inputs: scratch.root, force: false)
        #expect(refused.diagnostics.sorted.briefs == ["\(scratch.path("k/institutions/wfg.md")):1:1: import.file-differs"])
        #expect(refused.diagnostics.sorted.first?.suggestion?.contains("--force") == true)
        #expect(scratch.read("k/institutions/wfg.md") == before)
        let forced = try SheetImport.run(file: scratch.path("v2.csv"), county: "k", inputs: scratch.root, force: true)
        #expect(!forced.diagnostics.hasErrors)
        #expect(scratch.read("k/institutions/wfg.md")?.contains("Neue Beratung") == true)
        #expect(scratch.load().1.isEmpty)
    }

    @Test func importResolvesAReferenceToAnInstitutionTheCountyHasByItsName() throws {
        let scratch = Scratch([
            "k/county.yaml": countyYAML,
            "k/institutions/ihk-kassel.md": institution("name: IHK Kassel-Marburg\nshort: IHK\ntype: kammer\noffers:\n  - title: Beratung"),
        ])
        scratch.write("t.csv", "Institution-ID;Name;Typ;Angebot;Verweist auf\nmbe;MBE;integration;Sprechstunde;IHK Kassel-Marburg\n")
        let result = try SheetImport.run(file: scratch.path("t.csv"), county: "k", inputs: scratch.root, force: false)
        #expect(!result.diagnostics.hasErrors)
        #expect(scratch.read("k/institutions/mbe.md")?.contains(#"refers_to: ["ihk-kassel"]"#) == true)
    }

    @Test func excelFileGivesTheSameLandscapeAsHandWrittenFiles() throws {
        let handwritten = Scratch(files(SpreadsheetTests.fixtures.appendingPathComponent("handwritten"), under: ""))
        let imported = Scratch(["grenzkreis/county.yaml": "name: Grenzkreis\n"])
        let csv = SpreadsheetTests.fixtures.appendingPathComponent("excel-windows-1252.csv").path
        let result = try SheetImport.run(file: csv, county: "grenzkreis", inputs: imported.root, force: false)
        #expect(result.diagnostics.all.isEmpty, "\(result.diagnostics.sorted.map(\.formatted))")
        #expect(result.table?.encoding == "Windows-1252" && result.table?.delimiter == ";")
        #expect(result.written.count == 3)
        #expect(handwritten.load().1.isEmpty)
        #expect(imported.load().1.isEmpty, "imported files load with diagnostics: \(imported.load().1)")
        #expect(json(imported) == json(handwritten))
        #expect(json(imported).contains("Gründerstammtisch „Mut zum Start“"))
        let contacts = imported.load().0[0].institutions.flatMap(\.contacts)
        #expect(contacts.contains(Contact(name: "Jürgen Weiß", email: "j.weiss@wfg.example", phone: "05651 12345")))
    }

    @Test func goldenCountyRoundTripsThroughAWindows1252Spreadsheet() async throws {
        let golden = GoldenTests.folder.appendingPathComponent("inputs")
        var diagnostics = Diagnostics()
        let original = try InputLoader.load(inputs: golden.path, diagnostics: &diagnostics)[0]
        let exported = SheetExport.csv(original)
        #expect(exported.hasPrefix("\u{FEFF}Institution-ID;Name;Kurzname;Typ;Angebots-ID;Angebot;"))
        #expect(exported.contains(";;;;alle;Deutsch;") && !exported.contains("kaffee-und-kuchen;Kaffee und Kuchen;;orientierung"))
        let bytes = try #require(Windows1252.encode(String(exported.dropFirst())))

        let fresh = Scratch([
            "taxonomy.yaml": try String(contentsOf: golden.appendingPathComponent("taxonomy.yaml"), encoding: .utf8),
            "musterkreis/taxonomy.yaml": try String(contentsOf: golden.appendingPathComponent("musterkreis/taxonomy.yaml"), encoding: .utf8),
            "musterkreis/county.yaml": try String(contentsOf: golden.appendingPathComponent("musterkreis/county.yaml"), encoding: .utf8),
        ])
        fresh.writeBytes("excel.csv", bytes)
        let result = try SheetImport.run(file: fresh.path("excel.csv"), county: "musterkreis", inputs: fresh.root, force: false)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.sorted.map(\.formatted))")
        #expect(result.table?.encoding == "Windows-1252")

        func build(_ inputs: String) async throws -> [String: String] {
            var options = BuildOptions(date: Day("2026-11-25")!)
            options.classifiers = testClassifiers
            options.inputs = inputs
            var diagnostics = Diagnostics()
            let counties = try await Pipeline.load(options, diagnostics: &diagnostics)
            let landscapes = await Pipeline.analyse(counties, options: options, diagnostics: &diagnostics)
            return await Pipeline.render(landscapes, options: options, templates: Templates(diagnostics: &diagnostics)).files
        }
        let before = try await build(golden.path), after = try await build(fresh.root)
        #expect(after["musterkreis/landscape.json"] == before["musterkreis/landscape.json"])
        #expect(after["musterkreis/report.md"] == before["musterkreis/report.md"])
        let again = try InputLoader.load(inputs: fresh.root, diagnostics: &diagnostics)[0]
        #expect(SheetExport.csv(again) == exported)
    }

    @Test func refersToNamesAnInstitutionAlreadyInTheCounty() {
        var diagnostics = Diagnostics()
        let taxonomy = InputLoader.taxonomy(file: nil, inputs: "/nonexistent-offermap-inputs", diagnostics: &diagnostics)
        var ihk = Institution(id: "ihk-kassel", name: "IHK Kassel-Marburg", type: "kammer", location: SourceLocation(path: "ihk-kassel.md"))
        ihk.short = "IHK"
        let hwk = Institution(id: "hwk-kassel", name: "Handwerkskammer Kassel", type: "kammer", location: SourceLocation(path: "hwk-kassel.md"))
        var importer = SheetImport(taxonomy: taxonomy, path: "t.csv")
        importer.existing = [ihk, hwk]
        let text = "Name;Typ;Angebot;Verweist auf\nWFG;wirtschaftsfoerderung;Beratung;IHK, Handwerkskammer Kassel, hwk-kassel\n"
            + "Verein;verein;Treff;Handwerkskamer Kasel\nZweiter Verein;verein;Treff;Kreishandwerkerschaft\n"
        let table = SheetReader.read(Data(text.utf8), path: "t.csv", diagnostics: &diagnostics)!
        let result = importer.institutions(table, diagnostics: &diagnostics)
        #expect(result.first { $0.id == "wfg" }?.refersTo.map(\.id) == ["ihk-kassel", "hwk-kassel"])
        let hints = diagnostics.sorted.filter { $0.id == .brokenReferral }.map { $0.suggestion ?? "" }
        #expect(hints.count == 2)
        #expect(hints.first == "did you mean 'hwk-kassel'?")
        #expect(hints.last?.contains("hwk-kassel, ihk-kassel") == true, "\(hints)")
        #expect(!hints.contains { $0.contains("handwerkskamer") || $0.contains("kreishandwerkerschaft") })
    }

    /// With German column names the values are German, and every one of them reads back as the same id.
    @Test func germanExportOfTheSampleCountiesRoundTrips() throws {
        var diagnostics = Diagnostics()
        let counties = try InputLoader.load(inputs: repositoryRoot.appendingPathComponent("inputs").path, diagnostics: &diagnostics)
        #expect(counties.count == 3)
        for county in counties {
            let exported = SheetExport.csv(county)
            #expect(exported.contains(";kostenlos;vor Ort;") && exported.contains("Deutsch"))
            #expect(!exported.contains(";free;") && !exported.contains(";in-person;") && !exported.contains(";de;"))
            var local = Diagnostics()
            let table = try #require(SheetReader.read(Data(exported.utf8), path: "t.csv", diagnostics: &local))
            var importer = SheetImport(taxonomy: county.taxonomy, path: "t.csv")
            importer.existing = county.institutions
            let again = importer.institutions(table, diagnostics: &local)
            #expect(!local.hasErrors, "\(local.sorted.prefix(3).map(\.formatted))")
            for (before, after) in zip(county.institutions, again) {
                var before = before
                before.body = before.body.trimmingCharacters(in: .newlines)
                #expect(InstitutionFile.text(after) == InstitutionFile.text(before), "\(before.id)")
            }
        }
    }
}
