import OfferMapModel
import OfferMapClassifier

/// Classifies a county's offers and derives cells, findings and the summary.
public enum Analysis {
    /// `classifier` must be built for the county's taxonomy; counties that share one share the classifier.
    /// How much of a county's analysis a command shows.
    public enum Detail: Sendable {
        /// Everything: labels with their evidence, matrix, findings with next steps.
        case full
        /// What a comparison of counties uses: labels and matrix. The offers keep only the labels given in the
        /// files as evidence, and there are no findings.
        case figures
    }

    public static func landscape(of county: County, date: Day, language: Language, classifier: Classifier, detail: Detail = .full) -> Landscape {
        let offers = county.institutions.flatMap { institution in
            // Near misses serve `offermap explain` only, which classifies again; reports do not keep them.
            institution.offers.map { classifier.classify($0, institutionID: institution.id, nearMisses: false, evidence: detail == .full) }
        }
        let types = StandIn.types(county)
        let cells = Matrix.cells(offers: offers, types: types, taxonomy: county.taxonomy)
        let network = Network(county)
        let findings = detail == .full ? Findings(county: county, offers: offers, cells: cells, date: date, network: network).all() : []
        let expected = cells.filter(\.expected)
        let covered = expected.filter { $0.n > 0 }.count
        let summary = Summary(institutions: county.institutions.count, offers: offers.count,
                              expectedCells: expected.count, coveredExpected: covered,
                              coverage: expected.isEmpty ? 0 : Double(covered) / Double(expected.count))
        return Landscape(county: county, date: date, language: language, offers: offers, cells: cells,
                         findings: findings, summary: summary, network: network)
    }
}
