import OfferMapModel
import OfferMapInput
import OfferMapClassifier
import OfferMapAnalysis
import OfferMapRender
import ArgumentParser
import Foundation
import OfferMapCore

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Institution files from a spreadsheet: one row per offer, rows of one institution grouped into one file.",
        discussion: """
        Reads CSV as Excel and LibreOffice save it: ';' or ',' (detected), UTF-8 with or without BOM \
        or Windows-1252, headers in German or English. Writes <inputs>/<county>/institutions/<id>.md \
        only when every row is fine; otherwise it lists each problem with its row number and writes nothing. \
        Existing files are changed only with --force, and then only in the lines of the values the table \
        changes (comments, fields of columns the table lacks and the text below the front matter stay); \
        files the table does not name are left alone.
        """)

    @Argument(help: "The CSV file (Excel: 'CSV (Trennzeichen-getrennt)' or 'CSV UTF-8').")
    var file: String

    @Option(help: "County id; the files go to <inputs>/<county>/institutions/.")
    var county: String

    @OptionGroup var folder: InputsFolder
    var inputs: String { folder.inputs }

    @Flag(help: "Change institution files that already exist (only the values the table changes).")
    var force = false

    func run() throws {
        let result = try SheetImport.run(file: file, county: county, inputs: inputs, force: force)
        if folder.reporting.report(result.diagnostics, strict: false) {
            folder.reporting.say("offermap: nothing written; fix the problems above and run again")
            throw ExitCode(1)
        }
        if let table = result.table {
            print("\(file): \(table.rows) rows, \(table.encoding), separated by '\(table.delimiter == "\t" ? "tab" : table.delimiter)'")
        }
        for (path, offers) in result.written { print("wrote \(path) (\(offers) offer\(offers == 1 ? "" : "s"))") }
        for path in result.replacedWhole { print("replaced \(path) as a whole: it could not be changed line by line, so its comments are gone") }
        for path in result.unchanged { print("unchanged \(path)") }
        if let path = result.createdCounty { print("created \(path) with the county id as its name; put the county's full name there") }
        for path in result.untouched { print("not in the table, left as it was: \(path)") }
    }
}
