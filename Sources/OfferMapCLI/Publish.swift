import ArgumentParser
import Foundation
import OfferMapCore

struct Publish: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the public website into <out>/site/: pages, open data (CSV, JSON, HSDS 3). Only contacts with public: true.")

    @OptionGroup var input: InputOptions

    @Option(help: "Output root; the website goes to <out>/site/.")
    var out = "output"

    @Option(help: "Address the site will have, e.g. https://kreis.example/gruenden/ (adds sitemap.xml).")
    var baseURL: String?

    @Option(help: "Language: de or en.")
    var lang: Language?

    @Option(help: "Date YYYY-MM-DD printed on the pages (default: today).")
    var date: Day?

    @Option(help: "Folder with templates that replace the shipped ones file by file.")
    var templates: String?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func validate() throws {
        if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
            throw ValidationError("--base-url must start with https:// or http://")
        }
    }

    func run() async throws {
        var options = BuildOptions(date: date ?? .today)
        options.inputs = input.inputs
        options.out = out
        options.counties = input.counties
        options.language = lang
        options.strict = strict
        options.templates = templates
        let result = try await Pipeline.publish(options, baseURL: baseURL) { printError($0) }
        if report(result.diagnostics, strict: strict) || result.blocked {
            printError("offermap: nothing written; fix the problems above and run again")
            throw ExitCode(1)
        }
        print("website with \(result.written.count) files → \(out)/site/index.html")
    }
}
