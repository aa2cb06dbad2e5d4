/// Why a label was given: which term or feature carried it, in which field.
public struct Evidence: Sendable, Hashable, Codable {
    /// "phase:ID" or "category:ID"
    public var label: String
    /// "explicit", "keyword" or "model"
    public var source: String
    public var term: String
    /// "title", "description" or "input" (for explicit labels)
    public var field: String

    public init(label: String, source: String, term: String, field: String) {
        self.label = label
        self.source = source
        self.term = term
        self.field = field
    }
}

/// A label that scored but was not given, and why.
public struct NearMiss: Sendable, Hashable, Codable {
    public var label: String
    public var score: Double
    public var reason: String

    public init(label: String, score: Double, reason: String) {
        self.label = label
        self.score = score
        self.reason = reason
    }
}

/// What the classifier made of one text.
public struct Labels: Sendable, Hashable {
    public var phases: [String] = []
    public var categories: [String] = []
    public var evidence: [Evidence] = []
    public var nearMisses: [NearMiss] = []

    public init(phases: [String] = [], categories: [String] = [], evidence: [Evidence] = [], nearMisses: [NearMiss] = []) {
        self.phases = phases
        self.categories = categories
        self.evidence = evidence
        self.nearMisses = nearMisses
    }
}

/// An offer with its final labels.
public struct ClassifiedOffer: Sendable {
    public var offer: Offer
    public var institutionID: String
    public var phases: [String]
    public var categories: [String]
    public var evidence: [Evidence]
    public var nearMisses: [NearMiss]

    public var fullID: String { "\(institutionID)/\(offer.id)" }
    /// No phase or no category: listed for review, kept out of the matrix.
    public var isUnclassified: Bool { phases.isEmpty || categories.isEmpty }
}

extension Classifier {
    /// Explicit labels are kept as given; only what is missing is classified.
    public func classify(_ offer: Offer, institutionID: String, nearMisses withNearMisses: Bool = true) -> ClassifiedOffer {
        var evidence: [Evidence] = []
        var nearMisses: [NearMiss] = []
        var phases = offer.phases ?? []
        var categories = offer.categories ?? []
        for phase in phases { evidence.append(Evidence(label: "phase:\(phase)", source: "explicit", term: phase, field: "phases")) }
        for category in categories { evidence.append(Evidence(label: "category:\(category)", source: "explicit", term: category, field: "categories")) }
        if offer.phases == nil || offer.categories == nil {
            let derived = classify(title: offer.title, description: offer.description, nearMisses: withNearMisses)
            if offer.phases == nil {
                phases = derived.phases
                evidence += derived.evidence.filter { $0.label.hasPrefix("phase:") }
                nearMisses += derived.nearMisses.filter { $0.label.hasPrefix("phase:") }
            }
            if offer.categories == nil {
                categories = derived.categories
                evidence += derived.evidence.filter { $0.label.hasPrefix("category:") }
                nearMisses += derived.nearMisses.filter { $0.label.hasPrefix("category:") }
            }
        }
        return ClassifiedOffer(offer: offer, institutionID: institutionID, phases: phases, categories: categories,
                               evidence: evidence, nearMisses: nearMisses)
    }
}
