import OfferMapModel
import OfferMapClassifier

/// Classifies a county's offers and derives cells, findings and the summary.
public enum Analysis {
    /// `classifier` must be built for the county's taxonomy; counties that share one share the classifier.
    /// `evidence: false`: the offers keep only the labels given in the files as evidence.
    public static func landscape(of county: County, date: Day, language: Language, classifier: Classifier, evidence: Bool = true) -> Landscape {
        let offers = county.institutions.flatMap { institution in
            // Near misses serve `offermap explain` only, which classifies again; reports do not keep them.
            institution.offers.map { classifier.classify($0, institutionID: institution.id, nearMisses: false, evidence: evidence) }
        }
        let types = StandIn.types(county)
        let cells = Matrix.cells(offers: offers, types: types, taxonomy: county.taxonomy)
        let network = Network(county)
        let findings = Findings(county: county, offers: offers, cells: cells, date: date, network: network).all()
        let expected = cells.filter(\.expected)
        let covered = expected.filter { $0.n > 0 }.count
        let summary = Summary(institutions: county.institutions.count, offers: offers.count,
                              expectedCells: expected.count, coveredExpected: covered,
                              coverage: expected.isEmpty ? 0 : Double(covered) / Double(expected.count))
        return Landscape(county: county, date: date, language: language, offers: offers, cells: cells,
                         findings: findings, summary: summary, network: network)
    }
}
