import OfferMapModel
import OfferMapInput
import OfferMapClassifier
import OfferMapAnalysis
import OfferMapRender
import ArgumentParser
import Foundation
import OfferMapCore

struct Compare: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare counties side by side: key figures, matrices, and who covers elsewhere what is weak here.")

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let result = try await Pipeline.compare(output.options(input)) { input.reporting.say($0) }
        try output.finish(result, input)
        print("compared \(result.landscapes.count) counties → \(output.out)/compare/")
    }
}
