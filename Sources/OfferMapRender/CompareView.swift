import OfferMapModel
import OfferMapInput
import OfferMapAnalysis
/// The values the comparison templates receive.
package struct CompareView {
    package init(comparison: Comparison, texts: Texts, date: Day, shown: [String]) {
        self.comparison = comparison
        self.texts = texts
        self.date = date
        self.shown = shown
    }

    let comparison: Comparison
    let texts: Texts
    let date: Day
    /// Counties shown as heatmaps and in the difference view.
    let shown: [String]

    var language: Language { texts.language }

    func label(_ label: Label) -> String {
        comparison.landscapes.lazy.compactMap { $0.taxonomy.term(label)?.label.text(language) }.first ?? label.rawValue
    }

    func label(phase id: PhaseID) -> String { label(.phase(id)) }
    func label(category id: CategoryID) -> String { label(.category(id)) }

    func name(_ county: String) -> String {
        comparison.figures.first { $0.id == county }?.name ?? county
    }

    func typeLabel(_ id: String) -> String {
        comparison.landscapes.lazy.compactMap { $0.taxonomy.type(id)?.label.text(language) }.first ?? id
    }

    package func context() -> [String: Any] {
        let total = comparison.landscapes.count
        let sorted = comparison.figures.sorted { ($0.summary.coverage, $0.name) < ($1.summary.coverage, $1.name) }
        return [
            "t": texts.tree,
            "lang": language.rawValue,
            "title": texts("compare.title"),
            "date": texts("report.date", ["date": texts.date(date)]),
            "counties": sorted.map(row),
            "heatmaps_note": shown.count < total ? texts("compare.heatmaps_some", ["n": String(shown.count), "total": String(total)]) : "",
            "heatmaps": shown.compactMap(heatmap),
            "differences": shown.compactMap(differences),
            "not_compared": notCompared(),
            "legend": CellStatus.allCases.map { ["status": $0.rawValue, "label": texts("status.\($0.rawValue)")] },
        ]
    }

    func row(_ figures: CountyFigures) -> [String: Any] {
        [
            "id": figures.id, "name": figures.name,
            "institutions": figures.summary.institutions, "offers": figures.summary.offers,
            "covered": "\(figures.summary.coveredExpected)/\(figures.summary.expectedCells)",
            "coverage": texts.percent(figures.summary.coverage),
            "gaps": figures.gaps, "thin": figures.thin, "overlaps": figures.overlaps,
            "languages": figures.languages.isEmpty ? texts("network.none") : "\(figures.languages.count) (\(figures.languages.map(texts.languageName).sorted().joined(separator: ", ")))",
            "integration": figures.integrationTotal == 0 ? texts("network.none") : "\(figures.integrationLinked)/\(figures.integrationTotal)",
        ]
    }

    func heatmap(_ county: String) -> [String: Any]? {
        guard let index = comparison.landscapes.firstIndex(where: { $0.county.id == county }) else { return nil }
        let landscape = comparison.landscapes[index]
        return [
            "id": county, "name": landscape.county.name,
            "categories": comparison.categories.map { ["label": label(category: $0), "wrapped": SiteView.softHyphens(label(category: $0))] },
            "rows": comparison.phases.map { phase -> [String: Any] in
                ["label": label(phase: phase), "cells": comparison.categories.map { category -> [String: Any] in
                    let cell = landscape.cell(phase, category)!
                    return ["n": cell.n, "status": cell.status.rawValue, "level": min(cell.n, 4), "expected": cell.expected,
                            "summary": "\(label(phase: phase)) × \(label(category: category)): \(cell.n) – \(texts("status.\(cell.status.rawValue)"))"]
                }]
            },
        ]
    }

    func differences(_ county: String) -> [String: Any]? {
        let items = comparison.differences.filter { $0.county == county }
        guard !items.isEmpty else { return nil }
        return ["name": name(county), "items": items.map { difference -> [String: Any] in
            let elsewhere = difference.elsewhere.map { other in
                texts("compare.elsewhere", [
                    "county": name(other.county), "n": String(other.institutions),
                    "types": texts.list(other.types.map(typeLabel)), "offers": other.offers.map(texts.quote).joined(separator: ", "),
                ])
            }
            return ["cell": "\(label(phase: difference.phase)) × \(label(category: difference.category))",
                    "status": texts("status.\(difference.status.rawValue)"),
                    "elsewhere": elsewhere.isEmpty ? nowhere(difference) : elsewhere.joined(separator: " ")]
        }]
    }

    /// A cell weak in every county: nobody offers it anywhere, or nowhere more than one institution.
    func nowhere(_ difference: Difference) -> String {
        let most = comparison.landscapes.compactMap { $0.cell(difference.phase, difference.category)?.n }.max() ?? 0
        return texts(most == 0 ? "compare.nowhere" : "compare.nowhere_more")
    }

    func notCompared() -> String {
        let ids = comparison.uncomparedPhases.map(label(phase:)) + comparison.uncomparedCategories.map(label(category:))
        guard !ids.isEmpty else { return "" }
        return texts("compare.not_compared", ["ids": ids.joined(separator: ", ")])
    }
}
