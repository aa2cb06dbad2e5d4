/// An id of the taxonomy. Ids are strings only where they are read or written (YAML, JSON, CSV).
public protocol TermID: RawRepresentable<String>, Hashable, Comparable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral {}

extension TermID {
    public init(stringLiteral value: String) { self.init(rawValue: value)! }
    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// A founding phase: `orientierung`, `vorgruendung`, …
public struct PhaseID: TermID {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// An offer category: `beratung`, `finanzierung`, …
public struct CategoryID: TermID {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// A label the classifier gives: a phase or a category.
public enum Label: Hashable, Sendable, Comparable {
    case phase(PhaseID)
    case category(CategoryID)

    public var phase: PhaseID? { if case .phase(let id) = self { id } else { nil } }
    public var category: CategoryID? { if case .category(let id) = self { id } else { nil } }
    public var isPhase: Bool { phase != nil }
    /// The id without its kind.
    public var rawValue: String {
        switch self {
        case .phase(let id): id.rawValue
        case .category(let id): id.rawValue
        }
    }
}

/// One cell of the matrix: a phase × a category.
public struct CellKey: Hashable, Sendable {
    public var phase: PhaseID
    public var category: CategoryID

    public init(_ phase: PhaseID, _ category: CategoryID) {
        self.phase = phase
        self.category = category
    }
}

/// The written form at the edges (landscape.json, `classify`, `eval`): "phase:ID", "category:ID".
extension Label {
    public var qualified: String {
        switch self {
        case .phase(let id): "phase:" + id.rawValue
        case .category(let id): "category:" + id.rawValue
        }
    }

    public init?(qualified: String) {
        guard let colon = qualified.firstIndex(of: ":") else { return nil }
        let id = String(qualified[qualified.index(after: colon)...])
        switch qualified[..<colon] {
        case "phase": self = .phase(PhaseID(rawValue: id))
        case "category": self = .category(CategoryID(rawValue: id))
        default: return nil
        }
    }
}
