import CommonMark
import Mustache

/// Escaping for text from the inputs that lands in Markdown output.
public enum MarkdownText {
    /// Inline text: characters with Markdown meaning are backslash-escaped,
    /// line breaks become spaces, so a value can neither start a block nor inject HTML.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "!", "{", "}":
                out.append("\\")
                out.append(character)
            case "\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out
    }

    /// An institution's Markdown body as a block quote, made inert by cmark first
    /// (raw HTML shown as code, unsafe link targets removed).
    public static func quoteBlock(_ body: String) -> String {
        let safe = CommonMark.safeMarkdown(body).trimmed
        guard !safe.isEmpty else { return "" }
        return safe.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? ">" : "> " + $0 }
            .joined(separator: "\n")
    }

    struct ContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { MarkdownText.escape(text) }
    }

    /// Lets Markdown templates say `{{% CONTENT_TYPE: MARKDOWN}}`.
    static let registered: Bool = {
        MustacheContentTypes.register(ContentType(), named: "MARKDOWN")
        return true
    }()
}

import Foundation
