/// What the classifier made of one text.
public struct Labels: Sendable, Hashable {
    public var phases: [PhaseID] = []
    public var categories: [CategoryID] = []
    public var evidence: [Evidence] = []
    public var nearMisses: [NearMiss] = []
    /// The calibrated probability of each label the classifier weighed: about 70 % of the labels given at 0.7 are right.
    public var probabilities: [Label: Double] = [:]

    public init(phases: [PhaseID] = [], categories: [CategoryID] = [], evidence: [Evidence] = [], nearMisses: [NearMiss] = [],
                probabilities: [Label: Double] = [:]) {
        self.probabilities = probabilities
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
    /// Machine labels only: the calibrated probability of each label the classifier weighed. A label given in the
    /// file has none: it is confirmed.
    public var probabilities: [Label: Double]

    public init(offer: Offer, institutionID: String, phases: [PhaseID], categories: [CategoryID], evidence: [Evidence] = [],
                nearMisses: [NearMiss] = [], probabilities: [Label: Double] = [:]) {
        self.probabilities = probabilities
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
    /// Whether a label was given in the file (confirmed by people) rather than proposed by the classifier.
    public func isConfirmed(_ label: Label) -> Bool { evidence.contains(.given(label)) }

    /// How sure a label is: 1 when confirmed, else the classifier's probability.
    public func confidence(_ label: Label) -> Double { isConfirmed(label) ? 1 : probabilities[label] ?? 0 }

    /// How sure the offer's place in a cell is: the less sure of its phase and its category.
    public func confidence(_ cell: CellKey) -> Double { min(confidence(.phase(cell.phase)), confidence(.category(cell.category))) }

    /// The least sure of the offer's labels; 1 when all are confirmed.
    public var confidence: Double { (phases.map(Label.phase) + categories.map(Label.category)).map(confidence).min() ?? 1 }

    /// The cells the offer stands in.
    public var cells: [CellKey] { isUnclassified ? [] : phases.flatMap { p in categories.map { CellKey(p, $0) } } }
}
