/// What the classifier made of one text.
public struct Labels: Sendable, Hashable {
    public var phases: [PhaseID] = []
    public var categories: [CategoryID] = []
    public var evidence: [Evidence] = []
    public var nearMisses: [NearMiss] = []

    public init(phases: [PhaseID] = [], categories: [CategoryID] = [], evidence: [Evidence] = [], nearMisses: [NearMiss] = []) {
        self.phases = phases
        self.categories = categories
        self.evidence = evidence
        self.nearMisses = nearMisses
    }

    /// Phases, then categories, in the order given.
    public var all: [Label] { phases.map(Label.phase) + categories.map(Label.category) }
}

/// An offer with its final labels.
public struct ClassifiedOffer: Sendable {
    public var offer: Offer
    public var institutionID: String
    public var phases: [PhaseID]
    public var categories: [CategoryID]
    public var evidence: [Evidence]
    public var nearMisses: [NearMiss]

    public init(offer: Offer, institutionID: String, phases: [PhaseID], categories: [CategoryID], evidence: [Evidence] = [],
                nearMisses: [NearMiss] = []) {
        self.offer = offer
        self.institutionID = institutionID
        self.phases = phases
        self.categories = categories
        self.evidence = evidence
        self.nearMisses = nearMisses
    }

    public var fullID: String { "\(institutionID)/\(offer.id)" }
    /// No phase or no category: listed for review, kept out of the matrix.
    public var isUnclassified: Bool { phases.isEmpty || categories.isEmpty }
    /// The cells the offer stands in.
    public var cells: [CellKey] { isUnclassified ? [] : phases.flatMap { p in categories.map { CellKey(p, $0) } } }
}
