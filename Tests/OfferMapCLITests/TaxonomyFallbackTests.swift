import Foundation
import Testing

/// `classify`, `eval` and `explain` find a taxonomy the way `validate` does, and `explain` speaks the county's language.
@Suite struct TaxonomyFallbackTests {
    /// A folder without inputs/: the shipped taxonomy is used, not "inputs/taxonomy.yaml: cannot read the file".
    @Test func classifyAndEvalWorkWithoutAnInputsFolder() throws {
        let folder = NSTemporaryDirectory() + "offermap-noinputs-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let line = #"{"id": "x", "title": "Gründungszuschuss", "description": "Antrag bei der Agentur", "phases": ["gruendung"], "categories": ["finanzierung"]}"#
        try Data((line + "\n").utf8).write(to: URL(fileURLWithPath: folder + "/offers.jsonl"))
        let classified = try offermap(["classify", "offers.jsonl"], in: folder)
        #expect(classified.status == 0, "\(classified.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(classified.stdout.utf8)) as? [String: Any]
        #expect((object?["categories"] as? [String])?.contains("finanzierung") == true)
        let evidence = object?["evidence"] as? [[String: Any]] ?? []
        #expect(evidence.contains { ($0["words"] as? [String])?.contains("Gründungszuschuss") == true })
        let evaluated = try offermap(["eval", "offers.jsonl"], in: folder)
        #expect(evaluated.status == 0, "\(evaluated.stderr)")
        #expect(evaluated.stdout.contains("micro-F1"))
    }

    @Test func explainFollowsTheCountyLanguageAndLang() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let german = try offermap(["explain", "mso-kulturverein"], in: folder)
        #expect(german.status == 0, "\(german.stderr)")
        #expect(german.stdout.contains("in der Datei angegeben") || german.stdout.contains("erkannt an") || german.stdout.contains("Stichwort"))
        #expect(!german.stdout.contains("phase:") && !german.stdout.contains("category:"))
        let english = try offermap(["explain", "mso-kulturverein", "--lang", "en"], in: folder)
        #expect(english.status == 0)
        #expect(english.stdout.contains("given in the file") || english.stdout.contains("keyword"))
        #expect(!english.stdout.contains("Angebotsart"))
        let county = folder + "/inputs/musterkreis/county.yaml"
        try Data((try String(contentsOfFile: county, encoding: .utf8) + "\nlanguage: en\n").utf8).write(to: URL(fileURLWithPath: county))
        let byCounty = try offermap(["explain", "mso-kulturverein"], in: folder)
        #expect(byCounty.stdout.contains("phase „") == false && !byCounty.stdout.contains("Angebotsart"))
    }
}
