import ArgumentParser
import Foundation
import OfferMapCore

struct Compare: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare counties side by side: key figures, matrices, and who covers elsewhere what is weak here.")

    @OptionGroup var input: InputOptions

    @Option(help: "Output root; the comparison goes to <out>/compare/.")
    var out = "output"

    @Option(help: "Language: de or en.")
    var lang: Language?

    @Option(help: "Report date YYYY-MM-DD (default: today).")
    var date: Day?

    @Option(help: "Folder with templates that replace the shipped ones file by file.")
    var templates: String?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() async throws {
        var options = BuildOptions(date: date ?? .today)
        options.inputs = input.inputs
        options.out = out
        options.counties = input.counties
        options.language = lang
        options.strict = strict
        options.templates = templates
        let result = try await Pipeline.compare(options) { printError($0) }
        if report(result.diagnostics, strict: strict) || result.blocked {
            printError("offermap: nothing written; fix the problems above and run again")
            throw ExitCode(1)
        }
        print("compared \(result.landscapes.count) counties → \(out)/compare/")
    }
}
