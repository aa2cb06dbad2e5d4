/// Classifies a county's offers and derives cells, findings and the summary.
public enum Analysis {
    public static func landscape(of county: County, date: Day, texts: Texts) -> Landscape {
        let classifier = Classifier(taxonomy: county.taxonomy)
        let offers = county.institutions.flatMap { institution in
            // Near misses serve `offermap explain` only, which classifies again; reports do not keep them.
            institution.offers.map { classifier.classify($0, institutionID: institution.id, nearMisses: false) }
        }
        let cells = Matrix.cells(offers: offers, taxonomy: county.taxonomy)
        let findings = Findings(county: county, offers: offers, cells: cells, date: date, texts: texts).all()
        let expected = cells.filter(\.expected)
        let covered = expected.filter { $0.n > 0 }.count
        let summary = Summary(institutions: county.institutions.count, offers: offers.count,
                              expectedCells: expected.count, coveredExpected: covered,
                              coverage: expected.isEmpty ? 0 : Double(covered) / Double(expected.count))
        return Landscape(county: county, date: date, language: texts.language, offers: offers, cells: cells,
                         findings: findings, summary: summary)
    }

    /// Warnings for offers that fit nothing, at the offer's line.
    public static func warnings(_ landscape: Landscape) -> Diagnostics {
        var diagnostics = Diagnostics()
        for offer in landscape.unclassified {
            let missing = [offer.phases.isEmpty ? "phase" : nil, offer.categories.isEmpty ? "category" : nil].compactMap { $0 }
            diagnostics.warning(offer.offer.location,
                                "offer '\(offer.offer.title)' could not be given a \(missing.joined(separator: " or ")); it is listed for review",
                                suggestion: "add \(missing.map { $0 == "phase" ? "phases: [...]" : "categories: [...]" }.joined(separator: " and ")) to the offer")
        }
        return diagnostics
    }
}
