import OfferMapModel
import OfferMapInput
import OfferMapAnalysis
/// Values for the workshop kit: per institution a profile sheet ("Steckbrief") and an
/// assignment sheet with its current classification ticked, and a poster of the county matrix.
/// The kit is for the workshop room: contacts are shown as in the internal report.
package struct KitView {
    package init(landscape: Landscape, texts: Texts) {
        self.landscape = landscape
        self.texts = texts
    }

    let landscape: Landscape
    let texts: Texts

    var taxonomy: Taxonomy { landscape.taxonomy }
    var language: Language { texts.language }

    func base(title: String) -> [String: Any] {
        ["t": texts.tree, "lang": language.rawValue, "title": title, "county": landscape.county.name,
         "date": texts("report.date", ["date": texts.date(landscape.date)])]
    }

    package func sheets(_ institutions: [Institution]) -> [String: Any] {
        var context = base(title: texts("kit.title", ["county": landscape.county.name]))
        context["institutions"] = institutions.map(sheet)
        return context
    }

    func sheet(_ institution: Institution) -> [String: Any] {
        let report = ReportView(landscape: landscape, audience: .internal, texts: texts).institution(institution)
        let offers = landscape.offers(of: institution.id)
        let phases = taxonomy.phases.map { ["id": $0.id, "label": $0.label.text(language)] }
        let categories = taxonomy.categories.map { ["id": $0.id, "label": $0.label.text(language)] }
        var context = report
        context["phase_heads"] = phases
        context["category_heads"] = categories
        context["matrix"] = taxonomy.phases.map { phase -> [String: Any] in
            ["label": phase.label.text(language), "cells": taxonomy.categories.map { category -> [String: Any] in
                let ticked = offers.contains { $0.cells.contains(CellKey(PhaseID(rawValue: phase.id), CategoryID(rawValue: category.id))) }
                return ["ticked": ticked, "label": "\(phase.label.text(language)) × \(category.label.text(language))"]
            }]
        }
        context["tick_rows"] = offers.map { offer -> [String: Any] in
            ["title": offer.offer.title,
             "phases": taxonomy.phaseIDs.map { ["ticked": offer.phases.contains($0)] },
             "categories": taxonomy.categoryIDs.map { ["ticked": offer.categories.contains($0)] }]
        }
        return context
    }

    package func poster() -> [String: Any] {
        var context = base(title: texts("report.title", ["county": landscape.county.name]))
        context["categories"] = taxonomy.categories.map { ["label": $0.label.text(language)] }
        context["rows"] = taxonomy.phases.map { phase -> [String: Any] in
            ["label": phase.label.text(language), "cells": taxonomy.categories.map { category -> [String: Any] in
                let cell = landscape.cell(PhaseID(rawValue: phase.id), CategoryID(rawValue: category.id))!
                return ["status": cell.status.rawValue, "expected": cell.expected, "n": cell.n,
                        "status_label": texts("status.\(cell.status.rawValue)"),
                        "names": cell.institutions.map(landscape.county.shortName)]
            }]
        }
        context["legend"] = CellStatus.allCases.map { ["status": $0.rawValue, "label": texts("status.\($0.rawValue)")] }
        return context
    }
}
