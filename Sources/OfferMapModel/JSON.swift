/// A JSON value written deterministically (by `JSONWriter`): keys sorted, two-space indent,
/// `<`, `>` and `&` escaped so the text is inert even inside HTML.
public indirect enum JSON: Sendable, Equatable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case array([JSON])
    case object([String: JSON])

    public static func optional(_ text: String?) -> JSON { text.map(JSON.string) ?? .null }
    public static func strings(_ items: [String]) -> JSON { .array(items.map(JSON.string)) }
    public static func ids<ID: TermID>(_ items: [ID]) -> JSON { .array(items.map { .string($0.rawValue) }) }

    /// On one line, for JSON Lines.
    public func compact() -> String {
        var writer = JSONWriter(compact: true)
        writer.value(self)
        return writer.fragment
    }

    public func serialized() -> String {
        var writer = JSONWriter()
        writer.value(self)
        return writer.text
    }

    /// The text of a value that stands `indent` levels deep in a document.
    package func written(indent: Int) -> String {
        var writer = JSONWriter(indent: indent)
        writer.value(self)
        return String(decoding: writer.written, as: UTF8.self)
    }
}

extension String {
    package var trimmingZeros: String {
        guard utf8.contains(UInt8(ascii: ".")) else { return self }
        var s = self
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
