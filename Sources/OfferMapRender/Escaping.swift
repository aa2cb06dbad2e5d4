import OfferMapModel
import OfferMapInput
import OfferMapAnalysis
import Mustache

/// Byte-level escaping for the template content types: the characters to escape are all ASCII,
/// so they never occur inside a multi-byte UTF-8 sequence. A text without them is returned as it is.
enum Escaping {
    /// `< > & " '` as entities, like swift-mustache's own HTML escaping, about ten times faster.
    static func html(_ text: String) -> String {
        replacing(text) { byte in
            switch byte {
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "\""): "&quot;"
            case UInt8(ascii: "'"): "&#39;"
            default: nil
            }
        }
    }

    /// Inline Markdown: characters with Markdown meaning get a backslash, line breaks become spaces.
    static func markdown(_ text: String) -> String {
        replacing(text) { byte in
            switch byte {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"): " "
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                 UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "#"),
                 UInt8(ascii: "~"), UInt8(ascii: "!"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                "\\" + String(UnicodeScalar(byte))
            default: nil
            }
        }
    }

    private static func replacing(_ text: String, _ replacement: (UInt8) -> String?) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: { replacement($0) != nil }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                if let escaped = replacement(byte) { out.append(contentsOf: escaped.utf8) } else { out.append(byte) }
            }
            return String(decoding: out, as: UTF8.self)
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
