/// A place in an input file. Line and column are 1-based; the column counts
/// Unicode scalars (as libyaml does), so an editor shows the same position.
public struct SourceLocation: Sendable, Hashable, Comparable {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = max(line, 1)
        self.column = max(column, 1)
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }
}

public struct Diagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// A fix the user can apply, e.g. "did you mean 'finanzierung'?"
    public var suggestion: String?

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String, suggestion: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.suggestion = suggestion
    }

    /// `path:line:column: error: message; suggestion`
    public var formatted: String {
        var text = "\(location.path):\(location.line):\(location.column): \(severity.rawValue): \(message)"
        if let suggestion { text += "; \(suggestion)" }
        return text
    }
}

/// Collects every problem of a run instead of stopping at the first one.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    public mutating func error(_ location: SourceLocation, _ message: String, suggestion: String? = nil) {
        all.append(Diagnostic(.error, location, message, suggestion: suggestion))
    }

    public mutating func warning(_ location: SourceLocation, _ message: String, suggestion: String? = nil) {
        all.append(Diagnostic(.warning, location, message, suggestion: suggestion))
    }

    public mutating func append(contentsOf other: Diagnostics) {
        all.append(contentsOf: other.all)
    }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var hasWarnings: Bool { all.contains { $0.severity == .warning } }

    /// Sorted by path, line and column, as the spec promises; duplicates removed.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return all.filter { seen.insert($0).inserted }
            .enumerated()
            .sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }
            .map(\.element)
    }
}
