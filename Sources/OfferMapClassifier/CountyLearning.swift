import OfferMapModel

/// Whether a county's confirmed labels (phases and categories given in its files) teach the classifier for the
/// county's other offers: each institution's confirmed offers are classified by the shipped model and by a model that
/// also learned from the other institutions' confirmed offers.
public enum CountyLearning {
    /// The offers of a county whose phases and categories are both given, as training examples.
    public static func confirmed(_ county: County) -> [(institution: String, item: LabeledText)] {
        county.institutions.flatMap { institution in
            institution.offers.compactMap { offer -> (String, LabeledText)? in
                guard let phases = offer.phases, let categories = offer.categories, !phases.isEmpty, !categories.isEmpty else { return nil }
                return (institution.id, LabeledText(id: "\(institution.id)/\(offer.id)", title: offer.title, description: offer.description,
                                                    phases: phases, categories: categories, source: county.id))
            }
        }
    }

    /// Held-out figures without and with the county's own labels, over every institution with confirmed offers.
    public static func run(_ county: County, shipped: Classifier, training: [LabeledText]) -> (without: EvaluationReport, with: EvaluationReport) {
        let examples = confirmed(county)
        let institutions = Array(Set(examples.map(\.institution))).sorted()
        var without: [EvaluationReport] = [], with: [EvaluationReport] = []
        for institution in institutions {
            let test = examples.filter { $0.institution == institution }.map(\.item)
            let others = examples.filter { $0.institution != institution }.map(\.item)
            without.append(Evaluation.run(shipped, on: test))
            with.append(Evaluation.run(Classifier(taxonomy: county.taxonomy, training: training + others), on: test))
        }
        return (CrossValidation.merge(without), CrossValidation.merge(with))
    }
}
