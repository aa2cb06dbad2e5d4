import Foundation
import Testing
@testable import OfferMapModel
@testable import OfferMapInput
@testable import OfferMapClassifier
@testable import OfferMapWeights
@testable import OfferMapAnalysis
@testable import OfferMapRender
@testable import OfferMapCore

/// docs/templates.md must name every value the templates receive, so that a county
/// restyling its report knows what it can use.
@Suite struct TemplateDocsTests {
    /// Every key of a context, nested keys as "parent.child" (list items share their list's name).
    static func keys(_ value: Any, prefix: String = "") -> Set<String> {
        var result = Set<String>()
        if let dictionary = value as? [String: Any] {
            for (key, child) in dictionary where !(prefix.isEmpty && key == "t") {
                let path = prefix.isEmpty ? key : prefix + "." + key
                result.insert(path)
                result.formUnion(keys(child, prefix: path))
            }
        } else if let array = value as? [Any] {
            for item in array { result.formUnion(keys(item, prefix: prefix)) }
        }
        return result
    }

    func contexts() async throws -> [String: [String: Any]] {
        var options = BuildOptions(date: Day("2026-11-25")!)
        options.classifiers = testClassifiers
        options.inputs = GoldenTests.folder.appendingPathComponent("inputs").path
        var diagnostics = Diagnostics()
        let counties = try await Pipeline.load(options, diagnostics: &diagnostics)
        let landscapes = await Pipeline.analyse(counties, options: options, diagnostics: &diagnostics)
        let landscape = landscapes[0]
        let texts = Texts.shipped(.de)
        let site = SiteView(landscapes: landscapes, texts: texts, date: options.date)
        let kit = KitView(landscape: landscape, texts: texts)
        let comparison = Comparison(landscapes)
        return [
            "report": ReportView(landscape: landscape, audience: .internal, texts: texts).context(),
            "compare": CompareView(comparison: comparison, texts: texts, date: options.date, shown: ["musterkreis"]).context(),
            "kit-sheets": kit.sheets(landscape.county.institutions),
            "kit-poster": kit.poster(),
            "site-index": site.index(), "site-county": site.county(landscape), "site-offers": site.offers(landscape),
            "site-institution": site.institution(landscape.county.institutions[0], landscape), "site-finder": site.finder(),
        ]
    }

    @Test func everyValueIsDocumented() async throws {
        let docs = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/templates.md"), encoding: .utf8)
        var missing: [String] = []
        for (name, context) in try await contexts() {
            // An institution page's `institution` holds what a report's `institutions` entries hold.
            for key in TemplateDocsTests.keys(context).sorted()
            where !docs.contains("`\(key)`") && !docs.contains("`\(key.replacingOccurrences(of: "institution.", with: "institutions."))`") {
                missing.append("\(name): \(key)")
            }
        }
        #expect(missing.isEmpty, "not in docs/templates.md: \(missing.joined(separator: ", "))")
    }
}
