import OfferMapModel

extension Classifier {
    /// Explicit labels are kept as given; only what is missing is classified.
    /// `evidence: false` keeps only the labels given in the file as evidence (they mark what is confirmed).
    public func classify(_ offer: Offer, institutionID: String, nearMisses withNearMisses: Bool = true, evidence withEvidence: Bool = true) -> ClassifiedOffer {
        var evidence: [Evidence] = []
        var nearMisses: [NearMiss] = []
        var probabilities: [Label: Double] = [:]
        var phases = offer.phases ?? []
        var categories = offer.categories ?? []
        evidence += phases.map { .given(.phase($0)) } + categories.map { .given(.category($0)) }
        if offer.phases == nil || offer.categories == nil {
            let derived = classify(title: offer.title, description: offer.description, nearMisses: withNearMisses, evidence: withEvidence)
            if offer.phases == nil {
                phases = derived.phases
                evidence += derived.evidence.filter(\.label.isPhase)
                nearMisses += derived.nearMisses.filter(\.label.isPhase)
                probabilities.merge(derived.probabilities.filter(\.key.isPhase)) { $1 }
            }
            if offer.categories == nil {
                categories = derived.categories
                evidence += derived.evidence.filter { !$0.label.isPhase }
                nearMisses += derived.nearMisses.filter { !$0.label.isPhase }
                probabilities.merge(derived.probabilities.filter { !$0.key.isPhase }) { $1 }
            }
        }
        return ClassifiedOffer(offer: offer, institutionID: institutionID, phases: phases, categories: categories,
                               evidence: evidence, nearMisses: nearMisses, probabilities: probabilities)
    }
}
