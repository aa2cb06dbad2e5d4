import Foundation
import Testing
@testable import OfferMapModel
@testable import OfferMapInput
@testable import OfferMapClassifier
@testable import OfferMapWeights
@testable import OfferMapAnalysis
@testable import OfferMapRender
@testable import OfferMapCore

@Suite struct BrandingTests {
    func county(_ extra: String) -> Scratch {
        let scratch = Scratch([
            "k/county.yaml": countyYAML + extra,
            "k/institutions/a.md": institution("name: A\ntype: verein\nupdated: 2026-10-01\noffers:\n" + offer("BP", "vorgruendung", "beratung")),
        ])
        scratch.write("k/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>")
        return scratch
    }

    func html(_ scratch: Scratch) async -> String {
        var options = BuildOptions(date: Day("2026-11-25")!)
        options.classifiers = testClassifiers
        options.inputs = scratch.root
        options.formats = [.html]
        var diagnostics = Diagnostics()
        let counties = try! await Pipeline.load(options, diagnostics: &diagnostics)
        let landscapes = await Pipeline.analyse(counties, options: options, diagnostics: &diagnostics)
        return await Pipeline.render(landscapes, options: options, templates: Templates(diagnostics: &diagnostics)).files["k/report.html"]!
    }

    @Test func accentColourAndLogoReachTheReport() async {
        let scratch = county("accent: \"#0B5\"\nlogo: logo.svg\n")
        let (counties, diagnostics) = scratch.load()
        #expect(counties[0].branding.accent == "#00bb55")
        let warning = diagnostics.first(.lowContrast, at: "county.yaml:3:9")
        #expect(warning?.severity == .warning)
        #expect(warning?.suggestion?.contains("'#00873d'") == true)
        let report = await html(scratch)
        #expect(report.contains(":root { --accent: #00bb55; }"))
        #expect(report.contains("<img class=\"logo\" src=\"data:image/svg+xml;base64,"))
    }

    @Test func accentAndLogoReachTheCountyWebPages() async throws {
        let scratch = county("accent: \"#1d4f91\"\nlogo: logo.svg\n")
        var options = BuildOptions(date: Day("2026-11-25")!)
        options.classifiers = testClassifiers
        options.inputs = scratch.root
        options.out = scratch.path("out")
        _ = try await Pipeline.publish(options, baseURL: nil)
        for page in ["k/index.html", "k/offers.html", "k/embed.html", "k/institutions/a.html"] {
            #expect(scratch.read("out/site/\(page)")?.contains(":root { --accent: #1d4f91; }") == true, "\(page)")
        }
        #expect(scratch.read("out/site/k/index.html")!.contains("<img class=\"county-logo\" src=\"data:image/svg+xml;base64,"))
        #expect(scratch.read("out/site/index.html")?.contains("--accent: #1d4f91") == false)
    }

    @Test func darkAccentNeedsNoWarning() async {
        let (_, diagnostics) = county("accent: \"#1d4f91\"\n").load()
        #expect(diagnostics.isEmpty)
        #expect(Branding.contrastWithWhite(Branding.darkened("#00bb55", toReach: 4.5)) >= 4.5)
    }

    @Test func badColourAndLogoOutsideTheFolderAreErrors() async {
        let (_, diagnostics) = county("accent: blau\nlogo: ../../etc/passwd.png\n").load()
        #expect(diagnostics.first(.badColour, at: "county.yaml:3:9")?.severity == .error)
        #expect(diagnostics.first(.badLogo, at: "county.yaml:4:7")?.severity == .error)
        let (_, missing) = county("logo: fehlt.png\n").load()
        #expect(missing.contains { $0.id == .missingLogo && $0.severity == .error })
    }
}
