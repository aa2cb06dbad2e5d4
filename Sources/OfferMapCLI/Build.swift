import OfferMapModel
import OfferMapInput
import OfferMapClassifier
import OfferMapAnalysis
import OfferMapRender
import ArgumentParser
import Foundation
import OfferMapCore

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write report.md, report.html, landscape.json and matrix.csv per county.")

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Comma-separated formats: md, html, json, csv.", transform: Build.formats)
    var format: [OutputFormat] = OutputFormat.allCases

    @Option(help: "internal (everything) or public (only contacts marked public: true).")
    var audience: Audience = .internal

    static func formats(_ text: String) throws -> [OutputFormat] {
        try text.split(separator: ",").map { part in
            guard let format = OutputFormat(rawValue: part.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("unknown format '\(part)'; use md, html, json, csv")
            }
            return format
        }
    }

    func run() async throws {
        var options = output.options(input)
        options.formats = format
        options.audience = audience
        let result = try await Pipeline.build(options) { input.reporting.say($0) }
        try output.finish(result, input)
        for landscape in result.landscapes {
            let s = landscape.summary
            print("\(landscape.county.id): \(s.institutions) institutions, \(s.offers) offers, \(s.coveredExpected)/\(s.expectedCells) expected cells covered → \(output.out)/\(landscape.county.id)/")
        }
    }
}

struct Validate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check every input file; write nothing.")

    @OptionGroup var input: InputOptions

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() async throws {
        var diagnostics = Diagnostics()
        var options = BuildOptions(date: .today)
        options.inputs = input.inputs
        options.counties = input.counties
        let counties = try await Pipeline.load(options, diagnostics: &diagnostics)
        if !diagnostics.hasErrors { _ = await Pipeline.analyse(counties, options: options, diagnostics: &diagnostics) }
        if input.reporting.report(diagnostics, strict: strict) { throw ExitCode(1) }
        let institutions = counties.reduce(0) { $0 + $1.institutions.count }
        print("\(counties.count) counties, \(institutions) institutions: no errors")
    }
}
