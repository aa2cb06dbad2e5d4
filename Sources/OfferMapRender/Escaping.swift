import OfferMapModel
import OfferMapInput
import OfferMapAnalysis
import Mustache

/// Byte-level escaping for the template content types: the characters to escape are all ASCII,
/// so they never occur inside a multi-byte UTF-8 sequence. A text without them is returned as it is.
enum Escaping {
    /// `< > & " '` as entities, like swift-mustache's own HTML escaping, about ten times faster.
    static func html(_ text: String) -> String {
        replacing(text, htmlBytes) { byte in
            switch byte {
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "\""): "&quot;"
            default: "&#39;"
            }
        }
    }

    /// Inline Markdown: characters with Markdown meaning get a backslash, line breaks become spaces.
    static func markdown(_ text: String) -> String {
        replacing(text, markdownBytes) { byte in
            byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") ? " " : "\\" + String(UnicodeScalar(byte))
        }
    }

    private static let htmlBytes = table("<>&\"'")
    private static let markdownBytes = table("\n\r\\`*_[]<>|#~!{}")

    /// 1 for each byte to replace: a text is scanned without a call per byte.
    private static func table(_ special: String) -> [UInt8] {
        var table = [UInt8](repeating: 0, count: 256)
        for byte in special.utf8 { table[Int(byte)] = 1 }
        return table
    }

    private static func replacing(_ text: String, _ special: [UInt8], _ replacement: (UInt8) -> String) -> String {
        var text = text
        return special.withUnsafeBufferPointer { special in
            text.withUTF8 { bytes in
                guard let first = bytes.firstIndex(where: { special[Int($0)] != 0 }) else { return nil }
                var out: [UInt8] = []
                out.reserveCapacity(bytes.count + 16)
                out.append(contentsOf: bytes[..<first])
                for byte in bytes[first...] {
                    if special[Int(byte)] != 0 { out.append(contentsOf: replacement(byte).utf8) } else { out.append(byte) }
                }
                return String(decoding: out, as: UTF8.self)
            }
        } ?? text
    }

    struct HTML: MustacheContentType {
        func escapeText(_ text: String) -> String { Escaping.html(text) }
    }

    struct Markdown: MustacheContentType {
        func escapeText(_ text: String) -> String { Escaping.markdown(text) }
    }

    /// `{{% CONTENT_TYPE: HTML}}` and `{{% CONTENT_TYPE: MARKDOWN}}` in templates use these.
    static let registered: Bool = {
        MustacheContentTypes.register(HTML(), named: "HTML")
        MustacheContentTypes.register(Markdown(), named: "MARKDOWN")
        return true
    }()
}

/// A link target only if it is a web or mail address; anything else (javascript:, data:) is dropped.
func safeURL(_ text: String?) -> String? {
    guard let text = text?.trimmedSpaces, !text.isEmpty else { return nil }
    let scheme = String(decoding: text.utf8.prefix(8), as: UTF8.self).lowercased()
    guard scheme.hasPrefix("https://") || scheme.hasPrefix("http://") || scheme.hasPrefix("mailto:") else { return nil }
    // by scalars: also a space or "<" with a combining mark on it
    let breaksOut = text.unicodeScalars.contains { scalar in
        switch scalar {
        case " ", "\"", "<", ">", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": true
        default: false
        }
    }
    guard !breaksOut else { return nil }
    return text
}

import Foundation
