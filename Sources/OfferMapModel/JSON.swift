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
    /// A number's text without trailing zeros after the point, nor a trailing point ("2.50" → "2.5", "3.0" → "3").
    package var trimmingZeros: String {
        let bytes = Array(utf8)
        guard bytes.contains(UInt8(ascii: ".")) else { return self }
        var end = bytes.count
        while end > 0 && bytes[end - 1] == UInt8(ascii: "0") { end -= 1 }
        if end > 0 && bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
        return String(decoding: bytes[..<end], as: UTF8.self)
    }
}
