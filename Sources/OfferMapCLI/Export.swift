import OfferMapModel
import OfferMapInput
import OfferMapClassifier
import OfferMapAnalysis
import OfferMapRender
import ArgumentParser
import Foundation
import OfferMapCore

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The inputs of a county as one spreadsheet table, one row per offer (the way back from import).",
        discussion: """
        The CSV is separated by ';' and encoded as UTF-8 with BOM, so that Excel opens it with umlauts \
        and columns right. Cells a spreadsheet would run as a formula start with an apostrophe, which \
        import takes away again. Phases and categories appear only where the files give them.
        """)

    @Flag(help: "Write CSV (the only export format).")
    var csv = false

    @OptionGroup var folder: InputsFolder
    var inputs: String { folder.inputs }

    @Option(help: "The county to export (needed when the inputs hold several).")
    var county: String?

    @Option(help: "Output file, or - for standard output (default: output/<county>/offers.csv).")
    var out: String?

    @Option(help: "Language of the column names: de or en.")
    var lang: Language = .de

    func run() throws {
        var diagnostics = Diagnostics()
        let available = try InputLoader.countyIDs(inputs: inputs)
        guard let id = county ?? (available.count == 1 ? available[0] : nil) else {
            throw UsageError(available.isEmpty ? "no county in \(inputs)" : "several counties in \(inputs); choose one with --county (\(available.joined(separator: ", ")))")
        }
        let counties = try InputLoader.load(inputs: inputs, selection: [id], diagnostics: &diagnostics)
        if folder.reporting.report(diagnostics, strict: false) {
            folder.reporting.say("offermap: nothing written; fix the problems above and run again")
            throw ExitCode(1)
        }
        let text = SheetExport.csv(counties[0], language: lang)
        let target = out ?? "\(BuildOptions.defaultOut)/\(id)/offers.csv"
        if target == "-" {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let folder = (target as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        try Data(text.utf8).write(to: URL(fileURLWithPath: target), options: .atomic)
        print("wrote \(target) (\(counties[0].institutions.reduce(0) { $0 + $1.offers.count }) offers)")
    }
}
