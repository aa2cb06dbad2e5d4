import Foundation
import Testing

/// Runs the built `offermap` binary as a user would and checks exit codes, messages and files.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

let binary: URL = {
    // The test bundle sits in the same build folder as the executable.
    var folder = Bundle.main.bundleURL
    while folder.path != "/" {
        let candidate = folder.appendingPathComponent("offermap")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue { return candidate }
        folder = folder.deletingLastPathComponent()
    }
    fatalError("offermap binary not found next to \(Bundle.main.bundleURL.path); run swift build first")
}()

func offermap(_ arguments: [String], in directory: String) throws -> Run {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
}

/// A working folder with `inputs/` copied from the golden fixture.
func workspace() throws -> String {
    let folder = NSTemporaryDirectory() + "offermap-cli-" + UUID().uuidString
    let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("OfferMapCoreTests/Fixtures/golden/inputs")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: fixture.path, toPath: folder + "/inputs")
    return folder
}

/// Standard error of a run with `--diagnostics json`, which must be one JSON array of objects.
func jsonDiagnostics(_ run: Run) throws -> [[String: Any]] {
    let value = try JSONSerialization.jsonObject(with: Data(run.stderr.utf8))
    return try #require(value as? [[String: Any]], "not an array of objects: \(run.stderr)")
}

/// `path:line:column: id` of each diagnostic: what the tests compare, not the words.
func briefs(_ diagnostics: [[String: Any]]) -> [String] {
    diagnostics.map { "\($0["path"] ?? "?"):\($0["line"] ?? "?"):\($0["column"] ?? "?"): \($0["id"] ?? "?")" }
}

func contents(of folder: String) -> [String: Data] {
    var result: [String: Data] = [:]
    for path in FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? [] {
        if let data = FileManager.default.contents(atPath: folder + "/" + path) { result[path] = data }
    }
    return result
}

@Suite struct CommandLineTests {
    @Test func buildWritesEveryFormatAndExitsZero() throws {
        let folder = try workspace()
        let run = try offermap(["build", "--date", "2026-11-25"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("musterkreis: 5 institutions, 10 offers"))
        for file in ["report.md", "report.html", "landscape.json", "matrix.csv"] {
            #expect(FileManager.default.fileExists(atPath: folder + "/output/musterkreis/" + file))
        }
        #expect(run.stderr.contains("inputs/musterkreis/institutions/mso-kulturverein.md:11:5: warning: "))
        let json = try offermap(["build", "--date", "2026-11-25", "--diagnostics", "json"], in: folder)
        #expect(json.status == 0)
        #expect(briefs(try jsonDiagnostics(json)) == [
            "inputs/musterkreis/institutions/mso-kulturverein.md:11:5: input.unclassified-offer",
            "inputs/musterkreis/institutions/wfg.md:14:18: input.broken-referral",
        ])
    }

    @Test func noArgumentsMeansBuild() throws {
        let folder = try workspace()
        let run = try offermap([], in: folder)
        #expect(run.status == 0)
        #expect(FileManager.default.fileExists(atPath: folder + "/output/musterkreis/report.html"))
    }

    @Test func sameInputsAndDateGiveIdenticalFiles() throws {
        let folder = try workspace()
        _ = try offermap(["build", "--date", "2026-11-25", "--out", "a"], in: folder)
        _ = try offermap(["build", "--date", "2026-11-25", "--out", "b"], in: folder)
        let a = contents(of: folder + "/a"), b = contents(of: folder + "/b")
        #expect(a.count == 4)
        #expect(a == b)
    }

    @Test func inputErrorsExitOneAndLeaveOutputUntouched() throws {
        let folder = try workspace()
        #expect(try offermap(["build", "--date", "2026-11-25"], in: folder).status == 0)
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: folder + "/output/musterkreis/notes.txt"))
        let before = contents(of: folder + "/output")
        let file = folder + "/inputs/musterkreis/institutions/ihk.md"
        var text = try String(contentsOfFile: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "categories: [recht]", with: "categories: [rechtt]")
            .replacingOccurrences(of: "type: kammer", with: "type: chamber")
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        let run = try offermap(["build", "--date", "2026-12-01"], in: folder)
        #expect(run.status == 1)
        // Text: compiler form, one a line, sorted.
        let lines = run.stderr.split(separator: "\n").map(String.init)
        let type = lines.firstIndex { $0.hasPrefix("inputs/musterkreis/institutions/ihk.md:4:7: error: ") }
        let category = lines.firstIndex { $0.hasPrefix("inputs/musterkreis/institutions/ihk.md:12:18: error: ") }
        #expect(type != nil && category != nil && type! < category!, "\(run.stderr)")
        let json = try offermap(["build", "--date", "2026-12-01", "--diagnostics", "json"], in: folder)
        #expect(json.status == 1)
        #expect(briefs(try jsonDiagnostics(json).filter { $0["severity"] as? String == "error" }) == [
            "inputs/musterkreis/institutions/ihk.md:4:7: input.unknown-type",
            "inputs/musterkreis/institutions/ihk.md:12:18: input.unknown-category",
        ])
        #expect(contents(of: folder + "/output") == before)
    }

    @Test func oddFolderNamesNeverLeadOutsideTheOutputFolder() throws {
        let folder = try workspace()
        let odd = folder + "/inputs/Böser Kreis"
        try FileManager.default.createDirectory(atPath: odd + "/institutions", withIntermediateDirectories: true)
        try Data("name: X\n".utf8).write(to: URL(fileURLWithPath: odd + "/county.yaml"))
        let run = try offermap(["build", "--out", "out/inner", "--diagnostics", "json"], in: folder)
        #expect(run.status == 1)
        let refused = try jsonDiagnostics(run).first { $0["id"] as? String == "input.bad-county-id" }
        #expect(refused?["path"] as? String == "inputs/Böser Kreis")
        #expect((refused?["suggestion"] as? String)?.contains("'boeser-kreis'") == true)
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    }

    @Test func jsonDiagnosticsAreOneDocumentWithIdsPositionsAndNotes() throws {
        let folder = try workspace()
        let file = folder + "/inputs/musterkreis/institutions/ihk.md"
        var text = try String(contentsOfFile: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "type: kammer\n", with: "type: kammer\ntype: verein\n")
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        for command in [["validate"], ["build"], ["compare"], ["kit"], ["publish"], ["export", "--out", "-"]] {
            let run = try offermap(command + ["--diagnostics", "json"], in: folder)
            #expect(run.status == 1, "\(command)")
            let diagnostics = try jsonDiagnostics(run).filter { $0["id"] as? String == "input.duplicate-key" }
            #expect(briefs(diagnostics) == ["inputs/musterkreis/institutions/ihk.md:5:1: input.duplicate-key"], "\(command)")
            let duplicate = try #require(diagnostics.first)
            #expect(duplicate["severity"] as? String == "error")
            #expect(duplicate["message"] as? String != nil && duplicate["suggestion"] as? String != nil)
            let notes = try #require(duplicate["notes"] as? [[String: Any]])
            #expect(briefs(notes.map { $0.merging(["id": "note"]) { a, _ in a } }) == ["inputs/musterkreis/institutions/ihk.md:4:1: note"])
            #expect(notes.first?["message"] as? String != nil)
        }
        let textRun = try offermap(["validate"], in: folder)
        #expect(textRun.status == 1)
        let lines = textRun.stderr.split(separator: "\n").map(String.init)
        let at = try #require(lines.firstIndex { $0.hasPrefix("inputs/musterkreis/institutions/ihk.md:5:1: error: ") }, "\(textRun.stderr)")
        #expect(lines[at + 1].hasPrefix("inputs/musterkreis/institutions/ihk.md:4:1: note: "))

        let clean = try workspace()
        let fine = try offermap(["build", "--strict", "--diagnostics", "json"], in: clean)
        #expect(fine.status == 1)
        #expect(try jsonDiagnostics(fine).map { $0["severity"] as? String } == ["warning", "warning"])
        try Data("{\"id\": \"a\", \"title\": \"Gründungsberatung\"}\n".utf8).write(to: URL(fileURLWithPath: clean + "/ok.jsonl"))
        let none = try offermap(["classify", "ok.jsonl", "--diagnostics", "json"], in: clean)
        #expect(none.status == 0)
        #expect(try jsonDiagnostics(none).isEmpty)
        try Data("{\"id\": \"a\"}\n[1]\n".utf8).write(to: URL(fileURLWithPath: clean + "/bad.jsonl"))
        let bad = try offermap(["classify", "bad.jsonl", "--diagnostics", "json"], in: clean)
        #expect(bad.status == 1)
        #expect(briefs(try jsonDiagnostics(bad)) == ["bad.jsonl:2:1: jsonl.not-an-object"])
        #expect(try offermap(["validate", "--diagnostics", "xml"], in: clean).status == 2)
    }

    @Test func strictTurnsWarningsIntoFailure() throws {
        let folder = try workspace()
        let run = try offermap(["build", "--strict"], in: folder)
        #expect(run.status == 1)
        #expect(!FileManager.default.fileExists(atPath: folder + "/output"))
    }

    @Test func usageErrorsExitTwo() throws {
        let folder = try workspace()
        #expect(try offermap(["build", "--no-such-option"], in: folder).status == 2)
        let county = try offermap(["build", "--county", "musterkries"], in: folder)
        #expect(county.status == 2)
        #expect(county.stderr.contains("did you mean 'musterkreis'?"))
        #expect(try offermap(["build", "--date", "2026-13-01"], in: folder).status == 2)
        #expect(try offermap(["build", "--inputs", "nowhere"], in: folder).status == 2)
        #expect(try offermap(["--help"], in: folder).status == 0)
    }

    @Test func formatAndValidateWriteOnlyWhatIsAsked() throws {
        let folder = try workspace()
        #expect(try offermap(["validate"], in: folder).status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder + "/output"))
        #expect(try offermap(["build", "--format", "md,csv", "--out", "o"], in: folder).status == 0)
        #expect(Set(contents(of: folder + "/o/musterkreis").keys) == ["report.md", "matrix.csv"])
    }

    @Test func englishAndPublicReports() throws {
        let folder = try workspace()
        let run = try offermap(["build", "--lang", "en", "--audience", "public", "--format", "md"], in: folder)
        #expect(run.status == 0)
        let report = try String(contentsOfFile: folder + "/output/musterkreis/report.md", encoding: .utf8)
        #expect(report.contains("# Founding support in Musterkreis"))
        #expect(!report.contains("Paul Privat"))
    }
}
