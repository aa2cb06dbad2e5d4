import OfferMapModel
import OfferMapInput
import OfferMapClassifier
import OfferMapAnalysis
import OfferMapRender
import ArgumentParser
import Foundation
import OfferMapCore

struct Publish: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the public website into <out>/site/: pages, open data (CSV, JSON, HSDS 3). Only contacts with public: true.")

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Address the site will have, e.g. https://kreis.example/gruenden/ (adds sitemap.xml).")
    var baseURL: String?

    func validate() throws {
        if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
            throw ValidationError("--base-url must start with https:// or http://")
        }
    }

    func run() async throws {
        let result = try await Pipeline.publish(output.options(input), baseURL: baseURL) { input.reporting.say($0) }
        try output.finish(result, input)
        print("website with \(result.written.count) files → \(output.out)/site/index.html")
    }
}
