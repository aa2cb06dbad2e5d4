/// The part of an offer a piece of text stands in.
public enum OfferField: String, Sendable, Hashable {
    case title, description
}

/// Where words stand in an offer's own text: UTF-8 byte offsets into the field, `start..<end`.
public struct TextSpan: Hashable, Sendable {
    public var field: OfferField
    public var start: Int
    public var end: Int

    public init(field: OfferField, start: Int, end: Int) {
        self.field = field
        self.start = start
        self.end = end
    }

    /// The words as the offer writes them.
    public func text(in offer: Offer) -> String {
        var text = field == .title ? offer.title : offer.description
        return text.withUTF8 { bytes in
            guard start >= 0, start <= end, end <= bytes.count else { return "" }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }
}

/// What a model feature is.
public enum ModelFeature: Hashable, Sendable {
    /// a whole word, folded ("beratung")
    case word(String)
    /// the start of a word, folded ("grundu")
    case stem(String)
    /// the sum of a label's keywords
    case keywords(of: Label)
    /// one keyword of a (usually other) label, as written in the taxonomy
    case keyword(String, of: Label)
    /// how well the offer fits a category, for the phases
    case fits(CategoryID)

    /// A word or the start of one.
    public var isWord: Bool {
        switch self {
        case .word, .stem: true
        default: false
        }
    }
}

/// Why a label was given.
public enum Evidence: Hashable, Sendable {
    /// given in the input file
    case given(Label)
    /// a keyword of the taxonomy ("*zuschuss"), where it stands
    case keyword(Label, keyword: String, spans: [TextSpan])
    /// a keyword found in the expansion of an abbreviation: "GZ" read as "Gründungszuschuss"
    case abbreviation(Label, keyword: String, abbreviation: String, expansion: String, spans: [TextSpan])
    /// a feature the trained model weighed (its contribution to the label's log-odds)
    case model(Label, feature: ModelFeature, weight: Double, spans: [TextSpan])
    /// the model, without a single strong feature
    case overall(Label)

    public var label: Label {
        switch self {
        case .given(let label), .keyword(let label, _, _), .abbreviation(let label, _, _, _, _), .model(let label, _, _, _),
             .overall(let label): label
        }
    }

    public var spans: [TextSpan] {
        switch self {
        case .keyword(_, _, let spans), .abbreviation(_, _, _, _, let spans), .model(_, _, _, let spans): spans
        case .given, .overall: []
        }
    }

    public var isGiven: Bool { if case .given = self { true } else { false } }
}

/// A label that scored but was not given, and why.
public struct NearMiss: Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
        /// the offer names no keyword of any label and got no category
        case noCategory
        /// no keyword anywhere in the offer, and the model's probability alone is below `needed`
        case withoutKeywords(needed: Double)
        /// the probability comes from how common the label is, not from this offer's words
        case unsupported
        /// less than `share` of the best label's probability `best`
        case belowBest(share: Double, best: Double)
        /// at most `limit` labels, and others scored higher
        case tooMany(limit: Int)
        /// below the model's threshold
        case belowThreshold(Double)
        /// a keyword score below the threshold (labels no model knows)
        case keywordsBelow(Double)
    }

    public var label: Label
    /// the model's probability, or the keyword score for labels no model knows
    public var score: Double
    public var reason: Reason
    /// keywords of the label that stand in the text although it was not given
    public var matched: [Evidence]
    /// keywords only mentioned after a negation: the keyword evidence and the negating word as written
    public var negated: [(evidence: Evidence, negation: TextSpan)]

    public init(label: Label, score: Double, reason: Reason, matched: [Evidence] = [], negated: [(evidence: Evidence, negation: TextSpan)] = []) {
        self.label = label
        self.score = score
        self.reason = reason
        self.matched = matched
        self.negated = negated
    }

    public static func == (a: NearMiss, b: NearMiss) -> Bool {
        a.label == b.label && a.score == b.score && a.reason == b.reason && a.matched == b.matched
            && a.negated.map(\.evidence) == b.negated.map(\.evidence) && a.negated.map(\.negation) == b.negated.map(\.negation)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(label)
        hasher.combine(score)
    }
}
