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

    /// An institution's Markdown body as a block quote, with raw HTML neutralised:
    /// `<` is escaped so no tag survives, whatever renders the report later.
    public static func quoteBlock(_ body: String) -> String {
        let trimmed = body.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return "" }
        return trimmed.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in
                let safe = line.replacingOccurrences(of: "<", with: "\\<")
                    .replacingOccurrences(of: "](javascript:", with: "](#", options: .caseInsensitive)
                return safe.isEmpty ? ">" : "> " + safe
            }
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
