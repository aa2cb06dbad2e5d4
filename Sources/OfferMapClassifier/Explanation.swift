import OfferMapModel

/// The evidence for a label: its keywords where they stand, and the model's strongest features.
extension Classifier {
    func keywordEvidence(_ hit: KeywordMatcher.Hit, reading: Reading, spans: [TextSpan]? = nil) -> Evidence {
        let keyword = matcher.keywords[hit.keyword]
        let spans = spans ?? [reading.span(hit)]
        guard let short = hit.abbreviation else { return .keyword(keyword.label, keyword: keyword.term, spans: spans) }
        let expansion = taxonomy.abbreviations.first { TextNormalizer.normalize($0.abbreviation) == short }?.expansion ?? short
        return .abbreviation(keyword.label, keyword: keyword.term, abbreviation: short, expansion: expansion, spans: spans)
    }

    func evidence(for label: Int, reading: Reading, x: LogisticModel.Vector?, fromModel: Bool) -> [Evidence] {
        // one piece per keyword (and abbreviation), with every place it stands, in the order found; a label has few
        // keywords in one offer, so a list is searched instead of hashing
        var groups: [(key: KeyPair, first: KeywordMatcher.Hit, spans: [TextSpan])] = []
        for hit in reading.hits where hit.negatedBy == nil && matcher.keywords[hit.keyword].labelIndex == label {
            let key = KeyPair(term: matcher.keywords[hit.keyword].term, abbreviation: hit.abbreviation)
            if let index = groups.firstIndex(where: { $0.key == key }) {
                groups[index].spans.append(reading.span(hit))
            } else {
                groups.append((key, hit, [reading.span(hit)]))
            }
        }
        var result = groups.map { keywordEvidence($0.first, reading: reading, spans: unique($0.spans)) }
        guard fromModel, let trained, let x, let (model, i) = trained.model(for: label, labels: labels) else { return result }
        let own = trained.ownKeywords[label]
        let top = model.contributions(i, x)
            .filter { $0.value > 0.05 && $0.index != trained.keywordFeature[label] && !own.contains($0.index) }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.index < $1.index }
            .prefix(3)
        for (index, weight) in top {
            let feature = trained.features[index]
            result.append(.model(labels[label], feature: feature, weight: weight, spans: self.spans(of: feature, index: index, reading: reading)))
        }
        if result.isEmpty { result.append(.overall(labels[label])) }
        return result
    }

    private struct KeyPair: Equatable {
        var term: String
        var abbreviation: String?
    }

    /// In the order found; a keyword stands in a text a few times at most, so a list is searched instead of hashing.
    private func unique(_ spans: [TextSpan]) -> [TextSpan] {
        var result: [TextSpan] = []
        result.reserveCapacity(spans.count)
        for span in spans where !result.contains(span) { result.append(span) }
        return result
    }

    /// Where a model feature stands in the offer's text: the words, the label's keywords, or the keyword itself.
    private func spans(of feature: ModelFeature, index: Int, reading: Reading) -> [TextSpan] {
        func keywordSpans(_ chosen: (Int) -> Bool) -> [TextSpan] {
            unique(reading.hits.filter { $0.negatedBy == nil && chosen($0.keyword) }.map(reading.span))
        }
        func wordSpans(_ matches: ([UInt8]) -> Bool) -> [TextSpan] {
            var result: [TextSpan] = []
            for (field, tokens) in zip(Classifier.fields, reading.tokens) {
                for token in tokens where matches(token.bytes) || token.joined.map(matches) == true {
                    result.append(TextSpan(field: field, start: token.start, end: token.end))
                }
            }
            return unique(result)
        }
        switch feature {
        case .word(let word):
            let bytes = Array(word.utf8)
            return wordSpans { $0 == bytes }
        case .stem(let stem):
            let bytes = Array(stem.utf8)
            return wordSpans { $0.count > bytes.count && $0[..<bytes.count] == bytes[...] }
        case .keywords(let label): return keywordSpans { matcher.keywords[$0].label == label }
        case .keyword: return keywordSpans { trained?.hitFeature[$0] == index }
        case .fits(let category): return keywordSpans { matcher.keywords[$0].label == .category(category) }
        }
    }
}
