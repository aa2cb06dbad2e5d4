import Foundation
import OfferMapModel

/// Choosing the labels from the probabilities.
extension Classifier {
    /// A label with its probability, from the model or (for labels the model does not know) from keywords.
    struct Candidate {
        var label: Int
        var probability: Double
        var fromModel: Bool
    }

    /// `nearMisses: false` skips the labels not given (only `explain` shows them); `evidence: false` the reasons for
    /// the labels given (a comparison of counties shows none).
    public func classify(title: String, description: String, nearMisses: Bool = true, evidence withEvidence: Bool = true) -> Labels {
        let reading = read(title: title, description: description)
        let x = trained.map { vector(reading, trained: $0) }
        var result = Labels()

        func candidate(_ label: Int) -> Candidate {
            if let x, let (model, i) = trained?.model(for: label, labels: labels) {
                return Candidate(label: label, probability: model.probability(i, x), fromModel: true)
            }
            let score = reading.keywordScore[label]
            let below = settings.cut(labels[label]).threshold * 0.9
            let p = score >= settings.keywordThreshold ? 0.5 + min(score, 4) / 10 : score / settings.keywordThreshold * below
            return Candidate(label: label, probability: p, fromModel: false)
        }

        let phaseCount = taxonomy.phases.count
        var rounds = [0..<phaseCount, phaseCount..<labels.count].map { range in
            let cut = settings.cut(phase: range.lowerBound == 0)
            let ranked = range.map(candidate).sorted { $0.probability != $1.probability ? $0.probability > $1.probability : $0.label < $1.label }
            let best = ranked.first?.probability ?? 0
            // a label needs a keyword or a word that speaks for it, not just a high prior
            let supported = ranked.filter { hasSupport($0, reading: reading, x: x) }
            var given = Array(supported.filter { candidate in
                let own = settings.cut(labels[candidate.label])
                return candidate.probability >= own.threshold && candidate.probability >= best * own.relative
            }.prefix(settings.maxLabels))
            if given.isEmpty, let top = supported.first, top.probability >= cut.fallback {
                given = [top]
            }
            return (ranked: ranked, best: best, given: given)
        }
        // without any keyword, an offer that is given no category gets no phase either (a choir that is "welcome" to all)
        let noCategory = !reading.hasKeywords && rounds[1].given.isEmpty
        if noCategory { rounds[0].given = [] }
        for (round, (ranked, best, given)) in rounds.enumerated() {
            for candidate in ranked where candidate.probability >= 0.01 {
                result.probabilities[labels[candidate.label]] = calibrated(candidate.probability, phase: round == 0)
            }
            for candidate in given.sorted(by: { $0.label < $1.label }) {
                switch labels[candidate.label] {
                case .phase(let id): result.phases.append(id)
                case .category(let id): result.categories.append(id)
                }
                if withEvidence { result.evidence += evidence(for: candidate.label, reading: reading, x: x, fromModel: candidate.fromModel) }
            }
            guard nearMisses else { continue }
            for candidate in ranked.sorted(by: { $0.label < $1.label }) where !given.contains(where: { $0.label == candidate.label }) {
                if let miss = nearMiss(candidate, cut: candidate.probability >= settings.cut(labels[candidate.label]).threshold, best: best, reading: reading, x: x,
                                       noCategory: noCategory && round == 0) {
                    result.nearMisses.append(miss)
                }
            }
        }
        return result
    }

    /// The model's probability mapped so that it means what it says (Platt scaling, `Settings.calibration`).
    func calibrated(_ probability: Double, phase: Bool) -> Double {
        let (a, b) = phase ? settings.calibration.phases : settings.calibration.categories
        let p = min(max(probability, 1e-6), 1 - 1e-6)
        return 1 / (1 + exp(-(a * log(p / (1 - p)) + b)))
    }

    /// A label needs a keyword or a word that speaks for it, and in an offer without any keyword a confident model.
    func hasSupport(_ candidate: Candidate, reading: Reading, x: LogisticModel.Vector?) -> Bool {
        if reading.keywordScore[candidate.label] > 0 { return true }
        guard let trained, let x, let (model, i) = trained.model(for: candidate.label, labels: labels) else { return false }
        if !reading.hasKeywords && candidate.probability < settings.withoutKeywords { return false }
        return model.supports(i, x, above: settings.cut(phase: labels[candidate.label].isPhase).support)
    }

    func nearMiss(_ candidate: Candidate, cut: Bool, best: Double, reading: Reading, x: LogisticModel.Vector?,
                  noCategory: Bool = false) -> NearMiss? {
        let (label, probability, fromModel) = (candidate.label, candidate.probability, candidate.fromModel)
        let negated = reading.hits.filter { $0.negatedBy != nil && matcher.keywords[$0.keyword].labelIndex == label }
        let matched = reading.hits.filter { $0.negatedBy == nil && matcher.keywords[$0.keyword].labelIndex == label }
        guard cut || probability >= 0.15 || !negated.isEmpty || !matched.isEmpty else { return nil }
        let unsupported = cut && !hasSupport(candidate, reading: reading, x: x)
        let settings = self.settings.cut(labels[label])
        let reason: NearMiss.Reason
        if noCategory && cut && !unsupported {
            reason = .noCategory
        } else if unsupported && fromModel && !reading.hasKeywords {
            reason = .withoutKeywords(needed: self.settings.withoutKeywords)
        } else if unsupported {
            reason = .unsupported
        } else if cut && probability < best * settings.relative {
            reason = .belowBest(share: settings.relative, best: best)
        } else if cut {
            reason = .tooMany(limit: self.settings.maxLabels)
        } else if fromModel {
            reason = .belowThreshold(settings.threshold)
        } else {
            reason = .keywordsBelow(self.settings.keywordThreshold)
        }
        return NearMiss(label: labels[label], score: fromModel ? probability : reading.keywordScore[label], reason: reason,
                        matched: matched.map { keywordEvidence($0, reading: reading) },
                        negated: negated.map { (keywordEvidence($0, reading: reading), reading.negation($0)!) })
    }
}
