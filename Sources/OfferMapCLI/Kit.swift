import OfferMapModel
import OfferMapInput
import OfferMapClassifier
import OfferMapAnalysis
import OfferMapRender
import ArgumentParser
import Foundation
import OfferMapCore

struct Kit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Printable workshop material in <out>/<county>/kit/: A4 profile and assignment sheets per institution, an A3 poster.")

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let result = try await Pipeline.kit(output.options(input)) { input.reporting.say($0) }
        try output.finish(result, input)
        for landscape in result.landscapes {
            print("\(landscape.county.id): kit for \(landscape.county.institutions.count) institutions → \(output.out)/\(landscape.county.id)/kit/all-sheets.html, poster.html")
        }
    }
}
