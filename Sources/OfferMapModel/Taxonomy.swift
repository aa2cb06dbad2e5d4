/// A German and an English text.
public struct Localized: Sendable, Hashable, Codable {
    public var de: String
    public var en: String

    public init(de: String, en: String) {
        self.de = de
        self.en = en
    }

    public func text(_ language: Language) -> String { language == .en ? en : de }
}

public enum Language: String, Sendable, CaseIterable, Codable {
    case de, en
}

/// A classifier term: a word stem or phrase and how strongly it points to a label.
public struct Keyword: Sendable, Hashable {
    public var term: String
    public var weight: Double

    public init(term: String, weight: Double = 1) {
        self.term = term
        self.weight = weight
    }
}

/// One id of a taxonomy list (a phase, a category, a type, …).
public struct Term: Sendable, Hashable {
    public var id: String
    public var label: Localized
    public var keywords: [Keyword]
    /// Categories only: the kinds of support closest to this one, nearest first (for next steps).
    public var related: [CategoryID]

    public init(id: String, label: Localized, keywords: [Keyword] = [], related: [CategoryID] = []) {
        self.id = id
        self.label = label
        self.keywords = keywords
        self.related = related
    }
}

public struct Thresholds: Sendable, Hashable {
    public var overlap = 3
    public var staleMonths = 12

    public init(overlap: Int = 3, staleMonths: Int = 12) {
        self.overlap = overlap
        self.staleMonths = staleMonths
    }
}

public struct Taxonomy: Sendable {
    public var phases: [Term] = []
    public var categories: [Term] = []
    public var types: [Term] = []
    public var targetGroups: [Term] = []
    public var costs: [Term] = Taxonomy.defaultCosts
    public var formats: [Term] = Taxonomy.defaultFormats
    /// phase → categories expected in that phase
    public var expected: [PhaseID: [CategoryID]] = [:]
    public var thresholds = Thresholds()
    /// Terms that mark a word as merely mentioned ("keine Kredite", "no loans").
    public var negations: [String] = []
    /// Abbreviations the classifier reads as their expansion ("bp" → "Businessplan"), as written in the file.
    public var abbreviations: [(abbreviation: String, expansion: String)] = []

    public init() {}

    public var phaseIDs: [PhaseID] { phases.map { PhaseID(rawValue: $0.id) } }
    public var categoryIDs: [CategoryID] { categories.map { CategoryID(rawValue: $0.id) } }
    /// Phases, then categories, in taxonomy order.
    public var labels: [Label] { phaseIDs.map(Label.phase) + categoryIDs.map(Label.category) }

    public func isExpected(_ cell: CellKey) -> Bool {
        expected[cell.phase]?.contains(cell.category) ?? false
    }

    public func phase(_ id: PhaseID) -> Term? { phases.first { $0.id == id.rawValue } }
    public func category(_ id: CategoryID) -> Term? { categories.first { $0.id == id.rawValue } }
    public func term(_ label: Label) -> Term? {
        switch label {
        case .phase(let id): phase(id)
        case .category(let id): category(id)
        }
    }
    public func type(_ id: String) -> Term? { types.first { $0.id == id } }

    static let defaultCosts = [
        Term(id: "free", label: Localized(de: "kostenlos", en: "free")),
        Term(id: "reduced", label: Localized(de: "ermäßigt", en: "reduced")),
        Term(id: "paid", label: Localized(de: "kostenpflichtig", en: "paid")),
    ]
    static let defaultFormats = [
        Term(id: "in-person", label: Localized(de: "vor Ort", en: "in person")),
        Term(id: "online", label: Localized(de: "online", en: "online")),
        Term(id: "phone", label: Localized(de: "telefonisch", en: "by phone")),
        Term(id: "outreach", label: Localized(de: "aufsuchend", en: "outreach")),
    ]
}
