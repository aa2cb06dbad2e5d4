import ArgumentParser
import Foundation
import OfferMapCore

struct Kit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Printable workshop material in <out>/<county>/kit/: A4 profile and assignment sheets per institution, an A3 poster.")

    @OptionGroup var input: InputOptions

    @Option(help: "Output root.")
    var out = "output"

    @Option(help: "Language: de or en (default: the county's, else de).")
    var lang: Language?

    @Option(help: "Date YYYY-MM-DD printed on the sheets (default: today).")
    var date: Day?

    @Option(help: "Folder with templates that replace the shipped ones file by file.")
    var templates: String?

    func run() async throws {
        var options = BuildOptions(date: date ?? .today)
        options.inputs = input.inputs
        options.out = out
        options.counties = input.counties
        options.language = lang
        options.templates = templates
        let result = try await Pipeline.kit(options) { printError($0) }
        if report(result.diagnostics, strict: false) || result.blocked {
            printError("offermap: nothing written; fix the problems above and run again")
            throw ExitCode(1)
        }
        for landscape in result.landscapes {
            print("\(landscape.county.id): kit for \(landscape.county.institutions.count) institutions → \(out)/\(landscape.county.id)/kit/all-sheets.html, poster.html")
        }
    }
}
