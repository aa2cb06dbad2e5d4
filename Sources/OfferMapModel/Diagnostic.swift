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

    /// `path:line:column`
    public var formatted: String { "\(path):\(line):\(column)" }

    var json: [String: JSON] { ["path": .string(path), "line": .int(line), "column": .int(column)] }
}

/// One problem: what kind (`id`), how bad, where, in words, with a fix where one exists,
/// and notes that point at other places ("first defined here").
public struct Diagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    /// Another place that explains the problem, e.g. where a duplicated key was first defined.
    public struct Note: Sendable, Hashable {
        public var location: SourceLocation
        public var message: String

        public init(_ location: SourceLocation, _ message: String) {
            self.location = location
            self.message = message
        }
    }

    public var id: DiagnosticID
    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// A fix the user can apply, e.g. "did you mean 'finanzierung'?"
    public var suggestion: String?
    public var notes: [Note]

    public init(_ id: DiagnosticID, _ severity: Severity, _ location: SourceLocation, _ message: String,
                suggestion: String? = nil, notes: [Note] = []) {
        self.id = id
        self.severity = severity
        self.location = location
        self.message = message
        self.suggestion = suggestion
        self.notes = notes
    }

    /// `path:line:column: error: message; suggestion`, then each note on a line of its own:
    /// `path:line:column: note: message`.
    public var formatted: String {
        var text = "\(location.formatted): \(severity.rawValue): \(message)"
        if let suggestion { text += "; \(suggestion)" }
        for note in notes { text += "\n\(note.location.formatted): note: \(note.message)" }
        return text
    }

    /// As `--diagnostics json` writes it; `suggestion` only when there is one.
    public var json: JSON {
        var members = location.json
        members["id"] = .string(id.rawValue)
        members["severity"] = .string(severity.rawValue)
        members["message"] = .string(message)
        if let suggestion { members["suggestion"] = .string(suggestion) }
        members["notes"] = .array(notes.map { note in
            var fields = note.location.json
            fields["message"] = .string(note.message)
            return .object(fields)
        })
        return .object(members)
    }
}

/// Collects every problem of a run instead of stopping at the first one.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    public mutating func error(_ id: DiagnosticID, _ location: SourceLocation, _ message: String,
                               suggestion: String? = nil, notes: [Diagnostic.Note] = []) {
        all.append(Diagnostic(id, .error, location, message, suggestion: suggestion, notes: notes))
    }

    public mutating func warning(_ id: DiagnosticID, _ location: SourceLocation, _ message: String,
                                 suggestion: String? = nil, notes: [Diagnostic.Note] = []) {
        all.append(Diagnostic(id, .warning, location, message, suggestion: suggestion, notes: notes))
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

    /// The sorted diagnostics as one JSON array, for `--diagnostics json`.
    public var json: JSON { .array(sorted.map(\.json)) }
}
