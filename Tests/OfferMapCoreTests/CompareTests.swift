import Foundation
import Testing
@testable import OfferMapModel
@testable import OfferMapInput
@testable import OfferMapClassifier
@testable import OfferMapWeights
@testable import OfferMapAnalysis
@testable import OfferMapRender
@testable import OfferMapCore

@Suite struct CompareTests {
    /// Three counties: "nord" strong in pre-founding advice, "sued" with a gap there,
    /// "west" with its own categories (one extra, several missing).
    static func inputs() -> Scratch {
        var files: [String: String] = [:]
        func add(_ county: String, _ name: String, _ institutions: [(String, String)]) {
            files["\(county)/county.yaml"] = "name: \(name)\n"
            for (path, text) in institutions { files[path.replacingOccurrences(of: "k/", with: "\(county)/")] = text }
        }
        add("nord", "Kreis Nord", [
            inst("wfg", type: "wirtschaftsfoerderung", refers: ["mbe"], offers: [offer("Businessplan-Beratung", "vorgruendung", "beratung")]),
            inst("ihk", type: "kammer", offers: [offer("Gründungssprechtag", "vorgruendung", "beratung"), offer("Gewerbe", "gruendung", "recht")]),
            inst("mbe", type: "integration", offers: [offer("Beratung auf Arabisch", "orientierung", "information", languages: "de, ar")]),
        ])
        add("sued", "Kreis Süd", [
            inst("amt", type: "behoerde", offers: [offer("Gewerbeanmeldung", "gruendung", "recht")]),
            inst("verein", type: "mso", offers: [offer("Treff", "orientierung", "information", languages: "tr")]),
        ])
        add("west", "Kreis West", [
            inst("hub", type: "verein", offers: [offer("Digitalberatung", "vorgruendung", "digital")]),
        ])
        files["west/taxonomy.yaml"] = """
        categories:
          - id: beratung
            label: {de: "Beratung & Coaching", en: "Advice & coaching"}
          - id: recht
            label: {de: "Recht", en: "Law"}
          - id: information
            label: {de: "Information", en: "Information"}
          - id: digital
            label: {de: "Digitalisierung", en: "Digitalisation"}
        expected:
          vorgruendung: [beratung]
        """
        return Scratch(files)
    }

    func run() async throws -> (Comparison, [String: String]) {
        let scratch = CompareTests.inputs()
        var options = BuildOptions(date: Day("2026-11-25")!)
        options.classifiers = testClassifiers
        options.inputs = scratch.root
        options.out = scratch.root + "/out"
        let result = try await Pipeline.compare(options)
        #expect(!result.blocked, "\(result.diagnostics.sorted.map(\.formatted))")
        var files: [String: String] = [:]
        for name in ["compare.md", "compare.html", "compare.json"] { files[name] = scratch.read("out/compare/\(name)") }
        return (Comparison(result.landscapes), files)
    }

    /// The comparison analyses only labels and matrix; its figures match what each county's own report finds.
    @Test func figuresEqualEachCountysOwnSummary() async throws {
        let (comparison, _) = try await run()
        var options = BuildOptions(date: Day("2026-11-25")!)
        options.classifiers = testClassifiers
        let scratch = CompareTests.inputs()
        options.inputs = scratch.root
        var diagnostics = Diagnostics()
        let counties = try await Pipeline.load(options, diagnostics: &diagnostics)
        withExtendedLifetime(scratch) {}
        let reports = await Pipeline.analyse(counties, options: options, diagnostics: &diagnostics)
        #expect(reports.map(\.county.id) == comparison.landscapes.map(\.county.id))
        for (figures, landscape) in zip(comparison.figures, reports) {
            #expect(figures.summary.institutions == landscape.summary.institutions)
            #expect(figures.summary.offers == landscape.summary.offers)
            #expect(figures.summary.coveredExpected == landscape.summary.coveredExpected)
            #expect(figures.gaps == landscape.findings.filter { $0.kind == .gap }.count)
            #expect(figures.thin == landscape.findings.filter { $0.kind == .thin }.count)
            #expect(!landscape.findings.isEmpty)
        }
        #expect(comparison.landscapes.allSatisfy { $0.findings.isEmpty && $0.offers.allSatisfy { $0.evidence.allSatisfy(\.isGiven) } })
        let nord = comparison.figures.first { $0.id == "nord" }!
        #expect(nord.languages == ["ar"])
        #expect(nord.integrationLinked == 1 && nord.integrationTotal == 1)
    }

    @Test func differentTaxonomiesCompareOnSharedIDs() async throws {
        let (comparison, files) = try await run()
        #expect(comparison.phases == ["orientierung", "vorgruendung", "gruendung", "festigung", "wachstum", "nachfolge"])
        #expect(comparison.categories == ["information", "beratung", "recht"])
        #expect(comparison.uncomparedCategories.contains("digital"))
        #expect(comparison.uncomparedCategories.contains("finanzierung"))
        #expect(files["compare.md"]!.contains("Nicht verglichen, weil nicht alle Kreise sie verwenden: "))
        #expect(files["compare.md"]!.contains("Digitalisierung"))
    }

    @Test func weakHereCoveredElsewhereNamesWhoDoesIt() async throws {
        let (comparison, files) = try await run()
        let difference = comparison.differences.first { $0.county == "sued" && $0.phase == "vorgruendung" && $0.category == "beratung" }
        #expect(difference?.status == .gap)
        #expect(difference?.elsewhere.first?.county == "nord")
        #expect(difference?.elsewhere.first?.types == ["kammer", "wirtschaftsfoerderung"])
        #expect(files["compare.md"]!.contains("Kreis Nord: abgedeckt von 2 Einrichtungen (Kammer und Wirtschaftsförderung) – „Gründungssprechtag“, „Businessplan-Beratung“."))
    }

    @Test func cellByCellGolden() async throws {
        let (_, files) = try await run()
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/compare/compare.json")
        if ProcessInfo.processInfo.environment["OFFERMAP_RECORD"] != nil {
            try Data(files["compare.json"]!.utf8).write(to: url)
        }
        #expect(files["compare.json"] == (try String(contentsOf: url, encoding: .utf8)))
    }

    @Test func manyCountiesShowOnlyTheMostDifferentHeatmaps() async throws {
        var files: [String: String] = [:]
        for index in 0..<12 {
            let id = "k\(index)"
            files["\(id)/county.yaml"] = "name: Kreis \(index)\n"
            let phase = index < 10 ? "vorgruendung" : "nachfolge"
            files["\(id)/institutions/a.md"] = institution("name: A\ntype: kammer\nupdated: 2026-10-01\noffers:\n" + offer("X", phase, "beratung"))
        }
        let scratch = Scratch(files)
        var options = BuildOptions(date: Day("2026-11-25")!)
        options.classifiers = testClassifiers
        options.inputs = scratch.root
        options.out = scratch.root + "/out"
        let result = try await Pipeline.compare(options)
        let comparison = Comparison(result.landscapes)
        let shown = comparison.mostDifferent(limit: Comparison.heatmapLimit)
        #expect(shown.count == Comparison.heatmapLimit)
        #expect(shown.prefix(2).sorted() == ["k10", "k11"])
        let html = scratch.read("out/compare/compare.html")!
        #expect(html.components(separatedBy: "<figure>").count - 1 == Comparison.heatmapLimit)
        #expect(html.components(separatedBy: "<tr><th scope=\"row\">Kreis").count - 1 == 12)
    }
}

/// The comparison of the sample counties: full category names, quotation marks once, and cells weak everywhere said so.
@Suite struct SampleCompareTests {
    @Test func headersQuotesAndCellsWeakEverywhere() async throws {
        let samples = Samples()
        _ = try await Pipeline.compare(samples.options)
        let html = samples.read("compare/compare.html").replacingOccurrences(of: "\u{AD}", with: "")
        let markdown = samples.read("compare/compare.md")
        for label in shippedTaxonomy().categories.map(\.label.de) {
            #expect(html.contains("<th scope=\"col\">\(label.replacingOccurrences(of: "&", with: "&amp;"))</th>"), "\(label)")
            #expect(markdown.contains(" \(label) |"), "\(label)")
        }
        for text in [html, markdown] {
            #expect(!text.contains("Bera.") && !text.contains("Aufe."))
            #expect(!text.contains("„„") && !text.contains("““") && !text.contains("“.“"))
            #expect(text.contains("„Gründungsseminar ‚Fit für die Selbstständigkeit‘“"))
            #expect(text.contains("Kein Kreis deckt das ab."))
        }
    }

    @Test func quotationMarksInsideATitleBecomeSingle() {
        #expect(Texts.shipped(.de).quote("Seminar „Fit“") == "„Seminar ‚Fit‘“")
        #expect(Texts.shipped(.de).quote("Abend \"Ist das was?\"") == "„Abend ‚Ist das was?‘“")
        #expect(Texts.shipped(.en).quote("Seminar “Fit”") == "“Seminar ‘Fit’”")
    }
}
