import Foundation
import Testing
@testable import OfferMapModel
@testable import OfferMapInput
@testable import OfferMapClassifier
@testable import OfferMapAnalysis
@testable import OfferMapRender
@testable import OfferMapCore

/// The templates, translations and taxonomy compiled into the binary must equal the files
/// in the repository. If this fails, run `make embed`.
@Suite struct ShippedTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func file(_ path: String) throws -> String {
        try String(contentsOf: ShippedTests.root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func templatesMatchTheRepository() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: ShippedTests.root.appendingPathComponent("templates").path)
            .filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) }
        #expect(Set(names) == Set(Shipped.templates.keys))
        for name in names { #expect(Shipped.templates[name] == (try file("templates/\(name).mustache")), "run make embed") }
    }

    @Test func translationsAndTaxonomyMatchTheRepository() throws {
        for language in Language.allCases {
            #expect(Shipped.translations[language.rawValue] == (try file("templates/i18n/\(language.rawValue).yaml")), "run make embed")
        }
        #expect(Shipped.taxonomy == (try file("inputs/taxonomy.yaml")), "run make embed")
    }

    @Test func bothLanguagesHaveTheSameKeys() {
        #expect(Set(Texts.shipped(.de).entries.keys) == Set(Texts.shipped(.en).entries.keys))
    }

    @Test func ownTemplateReplacesOnlyItsNamesake() throws {
        let folder = NSTemporaryDirectory() + "offermap-templates-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let css = try file("templates/report.css.mustache").replacingOccurrences(of: "--accent: #1d4f91", with: "--accent: #7a0b47")
        try Data(css.utf8).write(to: URL(fileURLWithPath: folder + "/report.css.mustache"))
        var diagnostics = Diagnostics()
        let templates = Templates(overrides: folder, diagnostics: &diagnostics)
        #expect(diagnostics.all.isEmpty)
        let html = templates.render("report.html", ["title": "X", "t": Texts.shipped(.de).tree])
        #expect(html.contains("--accent: #7a0b47"))
        #expect(html.contains("<h1>X</h1>"))
        #expect(templates.render("report.css", [:]) == css)
        #expect(templates.render("compare.md", ["title": "Y"]).contains("# Y"))
    }

    @Test func brokenTemplateIsADiagnosticWithLine() throws {
        let folder = NSTemporaryDirectory() + "offermap-templates-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("line one\n{{#rows}}\n{{/cells}}\n".utf8).write(to: URL(fileURLWithPath: folder + "/report.md.mustache"))
        var diagnostics = Diagnostics()
        _ = Templates(overrides: folder, diagnostics: &diagnostics)
        #expect(diagnostics.all.count == 1)
        #expect(diagnostics.all.first?.location.path.hasSuffix("report.md.mustache") == true)
        #expect(diagnostics.all.first?.location.line == 3)
    }
}
