import OfferMapModel
import OfferMapInput
import OfferMapClassifier
import OfferMapAnalysis
import OfferMapRender
import ArgumentParser
import Foundation
import OfferMapCore

/// What every writing command takes besides the inputs.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output root: a county's files go to <out>/<county-id>/, the comparison to <out>/compare/, the website to <out>/site/.")
    var out = BuildOptions.defaultOut

    @Option(help: "Language: de or en (default: the county's, else de).")
    var lang: Language?

    @Option(help: "Date YYYY-MM-DD printed in the output (default: today); decides staleness.")
    var date: Day?

    @Option(help: "Folder with templates that replace the shipped ones file by file (see docs/templates.md).")
    var templates: String?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: ArgumentHelp("Parallel tasks (default: one per core).", visibility: .hidden))
    var threads: Int?

    func options(_ input: InputOptions) -> BuildOptions {
        var options = BuildOptions(date: date ?? .today)
        options.inputs = input.inputs
        options.counties = input.counties
        options.out = out
        options.language = lang
        options.templates = templates
        options.strict = strict
        if let threads { options.threads = max(1, threads) }
        return options
    }

    /// Prints the diagnostics; fails with exit code 1 when the run was stopped.
    func finish(_ result: BuildResult, _ input: InputOptions) throws {
        Leftovers.keep(result)
        if input.reporting.report(result.diagnostics, strict: strict) || result.blocked {
            input.reporting.say("offermap: nothing written; fix the problems above and run again")
            throw ExitCode(1)
        }
    }
}

/// What a command ran on, left for the end of the process to take back at once: freeing the counties object by
/// object, right before the process ends anyway, took about 0.15 s of a 3.6 s comparison of 20,000 institutions.
enum Leftovers {
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ value: Any) { kept.append(value) }
}
