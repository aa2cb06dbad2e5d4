import Foundation
import Testing

/// `offermap export --csv` and `offermap import` as a user runs them.
@Suite struct ImportExportTests {
    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func exportWritesSemicolonUTF8WithBOMInGermanOrEnglish() throws {
        let folder = try workspace()
        let run = try offermap(["export", "--csv"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "wrote output/musterkreis/offers.csv (10 offers)\n")
        let data = try #require(FileManager.default.contents(atPath: folder + "/output/musterkreis/offers.csv"))
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("Institution-ID;Name;Kurzname;Typ;Angebots-ID;Angebot;Beschreibung;Phasen;Kategorien;"))
        #expect(text.contains("\r\nwfg;Wirtschaftsförderung Musterkreis;WFG;Wirtschaftsförderung;"))
        #expect(text.contains(";kostenlos;vor Ort;") && !text.contains(";free;"))
        let english = try offermap(["export", "--csv", "--lang", "en", "--out", "-", "--county", "musterkreis"], in: folder)
        #expect(english.stdout.hasPrefix("\u{FEFF}Institution ID;Name;Short name;Type;Offer ID;Offer;Description;Phases;Categories;"))
        #expect(english.stdout.contains(";WFG;wirtschaftsfoerderung;") && english.stdout.contains(";free;in-person;"))
        #expect(try offermap(["export", "--help"], in: folder).stdout.contains("UTF-8 with BOM"))
        #expect(try offermap(["export", "--county", "nowhere"], in: folder).status == 2)
    }

    @Test func importRoundTripsAndReplacesFilesOnlyWithForce() throws {
        let folder = try workspace()
        #expect(try offermap(["export", "--csv", "--out", "t.csv"], in: folder).status == 0)
        let file = folder + "/inputs/musterkreis/institutions/ihk.md"
        let before = read(file)
        let same = try offermap(["import", "t.csv", "--county", "musterkreis"], in: folder)
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.stdout.contains("t.csv: 10 rows, UTF-8, separated by ';'"))

        var table = try #require(read(folder + "/t.csv"))
        table = table.replacingOccurrences(of: "Businessplan-Sprechtag;", with: "Businessplan-Sprechtag am Montag;")
        try Data(table.utf8).write(to: URL(fileURLWithPath: folder + "/t.csv"))
        let refused = try offermap(["import", "t.csv", "--county", "musterkreis"], in: folder)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("inputs/musterkreis/institutions/ihk.md:1:1: error: "))
        let json = try offermap(["import", "t.csv", "--county", "musterkreis", "--diagnostics", "json"], in: folder)
        #expect(json.status == 1)
        #expect(briefs(try jsonDiagnostics(json)) == ["inputs/musterkreis/institutions/ihk.md:1:1: import.file-differs"])
        #expect(refused.stderr.contains("nothing written"))
        #expect(read(file) == before)

        let forced = try offermap(["import", "t.csv", "--county", "musterkreis", "--force"], in: folder)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout.contains("wrote inputs/musterkreis/institutions/ihk.md (2 offers)"))
        #expect(forced.stdout.contains("unchanged inputs/musterkreis/institutions/wfg.md"))
        #expect(read(file)?.contains("title: \"Businessplan-Sprechtag am Montag\"") == true)
        #expect(try offermap(["validate"], in: folder).status == 0)
    }

    @Test func importListsEveryRefusedRowAndWritesNothing() throws {
        let folder = try workspace()
        let csv = "Name;Typ;Angebot;Phasen;Kategorien\r\nNeue Stelle;verein;Sprechstunde;gruendun;beratung\r\nAndere;kammer;Kurs;gruendung;finanzierun\r\n"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: folder + "/neu.csv"))
        let run = try offermap(["import", "neu.csv", "--county", "neukreis", "--diagnostics", "json"], in: folder)
        #expect(run.status == 1)
        let diagnostics = try jsonDiagnostics(run)
        #expect(briefs(diagnostics).prefix(2) == ["neu.csv:2:4: input.unknown-phase", "neu.csv:3:5: input.unknown-category"])
        for (diagnostic, suggested) in zip(diagnostics, ["'gruendung'", "'finanzierung'"]) {
            #expect((diagnostic["suggestion"] as? String)?.contains(suggested) == true)
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/inputs/neukreis"))

        try Data(csv.replacingOccurrences(of: "gruendun;", with: "gruendung;").replacingOccurrences(of: "finanzierun\r", with: "finanzierung\r").utf8)
            .write(to: URL(fileURLWithPath: folder + "/neu.csv"))
        let fixed = try offermap(["import", "neu.csv", "--county", "neukreis"], in: folder)
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(fixed.stdout.contains("wrote inputs/neukreis/institutions/neue-stelle.md (1 offer)"))
        #expect(fixed.stdout.contains("created inputs/neukreis/county.yaml"))
        #expect(try offermap(["validate"], in: folder).status == 0)
    }

    @Test func importUsageErrorsExitTwo() throws {
        let folder = try workspace()
        try Data("Name;Typ;Angebot\n".utf8).write(to: URL(fileURLWithPath: folder + "/t.csv"))
        #expect(try offermap(["import", "missing.csv", "--county", "musterkreis"], in: folder).status == 2)
        let bad = try offermap(["import", "t.csv", "--county", "../elsewhere"], in: folder)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("not a valid county id"))
        #expect(try offermap(["import", "t.csv"], in: folder).status == 2)
        #expect(try offermap(["import", "t.csv", "--county", "k", "--inputs", "nowhere"], in: folder).status == 2)
    }
}
