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
        #expect(run.stdout.contains("musterkreis: 5 institutions, 9 offers"))
        for file in ["report.md", "report.html", "landscape.json", "matrix.csv"] {
            #expect(FileManager.default.fileExists(atPath: folder + "/output/musterkreis/" + file))
        }
        #expect(run.stderr.contains("mso-kulturverein.md:11:5: warning: offer 'Kaffee und Kuchen'"))
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
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains("inputs/musterkreis/institutions/ihk.md:4:7: error: unknown institution type 'chamber'; use one of: wirtschaftsfoerderung, kammer, arbeitsagentur, integration, mso, behoerde, bildung, finanzinstitut, verein, sonstige"))
        #expect(lines.contains("inputs/musterkreis/institutions/ihk.md:12:18: error: unknown category 'rechtt'; did you mean 'recht'?"))
        #expect(contents(of: folder + "/output") == before)
    }

    @Test func oddFolderNamesNeverLeadOutsideTheOutputFolder() throws {
        let folder = try workspace()
        let odd = folder + "/inputs/Böser Kreis"
        try FileManager.default.createDirectory(atPath: odd + "/institutions", withIntermediateDirectories: true)
        try Data("name: X\n".utf8).write(to: URL(fileURLWithPath: odd + "/county.yaml"))
        let run = try offermap(["build", "--out", "out/inner"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("inputs/Böser Kreis: error: ") || run.stderr.contains("inputs/Böser Kreis:1:1: error: the folder name 'Böser Kreis' is not a valid county id; rename it to 'boeser-kreis'"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
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
