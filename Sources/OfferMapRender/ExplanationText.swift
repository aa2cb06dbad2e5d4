import OfferMapModel

/// `offermap explain`: why each label of an offer was given or not, in the county's language.
public struct ExplanationText {
    public let wording: Wording

    public init(wording: Wording) { self.wording = wording }

    var texts: Texts { wording.texts }

    public func text(_ offer: ClassifiedOffer) -> String {
        var lines = ["\(offer.fullID): \(offer.offer.title)", "  \(offer.offer.location.path):\(offer.offer.location.line)"]
        for label in offer.phases.map(Label.phase) + offer.categories.map(Label.category) {
            let reasons = merged(offer.evidence.filter { $0.label == label }, in: offer.offer).map { reason($0, in: offer.offer) }
            let status = offer.isConfirmed(label) ? texts("explain.confirmed")
                : texts("explain.proposed", ["p": number(offer.probabilities[label] ?? 0)])
            lines.append("  ✓ \(name(label)) (\(status)): \(reasons.joined(separator: "; "))")
        }
        if offer.phases.isEmpty { lines.append("  ✗ " + texts("explain.no_phase")) }
        if offer.categories.isEmpty { lines.append("  ✗ " + texts("explain.no_category")) }
        for miss in offer.nearMisses {
            var parts = [reason(miss)]
            let matched = wording.words(miss.matched, in: offer.offer)
            if !matched.isEmpty { parts.append(texts("explain.although", ["words": texts.list(matched)])) }
            for (evidence, negation) in miss.negated {
                parts.append(texts("explain.negated", ["words": texts.list(wording.words(evidence, in: offer.offer)),
                                                       "negation": wording.quote(negation.text(in: offer.offer))]))
            }
            lines.append("  – " + texts("explain.not_given", ["label": name(miss.label), "reasons": parts.joined(separator: "; ")]))
        }
        return lines.joined(separator: "\n")
    }

    /// A word and its stem are one reason for the reader: model evidence on the same words is merged, weights added.
    func merged(_ evidence: [Evidence], in offer: Offer) -> [Evidence] {
        var result: [Evidence] = []
        for item in evidence {
            if case .model(let label, let feature, let weight, let spans) = item, feature.isWord,
               let k = result.firstIndex(where: { other in
                   if case .model(_, let f, _, let s) = other, f.isWord { s.map { $0.text(in: offer) } == spans.map { $0.text(in: offer) } } else { false }
               }), case .model(_, let first, let sum, let firstSpans) = result[k] {
                result[k] = .model(label, feature: first, weight: sum + weight, spans: firstSpans)
                continue
            }
            result.append(item)
        }
        return result
    }

    /// "Phase „Gründung & Start“"
    func name(_ label: Label) -> String {
        texts(label.isPhase ? "explain.phase" : "explain.category", ["label": wording.quote(wording.label(label))])
    }

    func number(_ value: Double) -> String { texts.number(value, digits: 2) }

    /// One piece of evidence: the offer's words and what in the classifier they matched.
    func reason(_ evidence: Evidence, in offer: Offer) -> String {
        let words = texts.list(wording.words(evidence, in: offer))
        switch evidence {
        case .given: return texts("evidence.given")
        case .keyword(_, let keyword, _), .abbreviation(_, let keyword, _, _, _):
            return texts("explain.keyword", ["words": words, "keyword": wording.quote(keyword.filter { $0 != "*" })])
        case .model(_, let feature, let weight, _):
            let values = ["words": words, "weight": number(weight)]
            switch feature {
            case .word, .stem: return texts("explain.model_word", values)
            case .keywords(let label): return texts("explain.model_keywords", values.merging(["label": name(label)]) { $1 })
            case .keyword(_, let label): return texts("explain.model_keyword", values.merging(["label": name(label)]) { $1 })
            case .fits(let category):
                return texts("explain.model_fits", values.merging(["category": wording.quote(wording.category(category))]) { $1 })
            }
        case .overall: return texts("evidence.overall")
        }
    }

    func reason(_ miss: NearMiss) -> String {
        let p = number(miss.score)
        switch miss.reason {
        case .noCategory: return texts("explain.reason.no_category")
        case .withoutKeywords(let needed): return texts("explain.reason.without_keywords", ["p": p, "needed": number(needed)])
        case .unsupported: return texts("explain.reason.unsupported", ["p": p])
        case .belowBest(let share, let best):
            return texts("explain.reason.below_best", ["p": p, "share": texts.percent(share), "best": number(best)])
        case .tooMany(let limit): return texts("explain.reason.too_many", ["p": p, "limit": String(limit)])
        case .belowThreshold(let threshold): return texts("explain.reason.below_threshold", ["p": p, "threshold": number(threshold)])
        case .keywordsBelow(let threshold): return texts("explain.reason.keywords_below", ["p": p, "threshold": number(threshold)])
        }
    }
}
