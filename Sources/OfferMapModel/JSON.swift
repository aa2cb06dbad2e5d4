/// A JSON value written deterministically: keys sorted, two-space indent,
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
        switch self {
        case .array(let items): return "[" + items.map { $0.compact() }.joined(separator: ",") + "]"
        case .object(let members):
            return "{" + members.keys.sorted().map { key in
                var out = ""
                JSON.quote(key, into: &out)
                return out + ":" + members[key]!.compact()
            }.joined(separator: ",") + "}"
        default:
            var out = ""
            write(into: &out, indent: 0)
            return out
        }
    }

    public func serialized() -> String {
        var out = ""
        write(into: &out, indent: 0)
        out += "\n"
        return out
    }

    package func write(into out: inout String, indent: Int) {
        switch self {
        case .string(let text): JSON.quote(text, into: &out)
        case .int(let value): out += String(value)
        case .double(let value): out += value.isFinite ? value.formatted(digits: 4).trimmingZeros : "null"
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += JSON.indentation(indent + 1)
                item.write(into: &out, indent: indent + 1)
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += JSON.indentation(indent)
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            let sorted = members.sorted { $0.key < $1.key }
            for (index, member) in sorted.enumerated() {
                out += JSON.indentation(indent + 1)
                JSON.quote(member.key, into: &out)
                out += ": "
                member.value.write(into: &out, indent: indent + 1)
                out += index == sorted.count - 1 ? "\n" : ",\n"
            }
            out += JSON.indentation(indent)
            out += "}"
        }
    }

    private static let indents = (0..<16).map { String(repeating: "  ", count: $0) }

    static func indentation(_ level: Int) -> String {
        level < indents.count ? indents[level] : String(repeating: "  ", count: level)
    }

    /// Escapes by bytes: runs of plain characters are copied in one piece.
    static func quote(_ text: String, into out: inout String) {
        out += "\""
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for (index, byte) in bytes.enumerated() {
                let escaped: String
                switch byte {
                case 0x22: escaped = "\\\""
                case 0x5C: escaped = "\\\\"
                case 0x0A: escaped = "\\n"
                case 0x0D: escaped = "\\r"
                case 0x09: escaped = "\\t"
                case 0x3C: escaped = "\\u003c"
                case 0x3E: escaped = "\\u003e"
                case 0x26: escaped = "\\u0026"
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escaped = ""  // U+2028/U+2029: written below, after their three bytes
                case 0..<0x20:
                    let hex = String(byte, radix: 16)
                    escaped = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: continue
                }
                out += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<index]), as: UTF8.self)
                if escaped.isEmpty {
                    out += bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    runStart = index + 3
                } else {
                    out += escaped
                    runStart = index + 1
                }
            }
            out += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart...]), as: UTF8.self)
        }
        out += "\""
    }
}

extension String {
    package var trimmingZeros: String {
        guard contains(".") else { return self }
        var s = self
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
