import OfferMapModel
import OfferMapInput
import OfferMapAnalysis
import CommonMark

/// Escaping for text from the inputs that lands in Markdown output.
public enum MarkdownText {
    /// Inline text: characters with Markdown meaning are backslash-escaped,
    /// line breaks become spaces, so a value can neither start a block nor inject HTML.
    public static func escape(_ text: String) -> String { Escaping.markdown(text) }

    /// An institution's Markdown body as a block quote, made inert by cmark first
    /// (raw HTML shown as code, unsafe link targets removed).
    public static func quoteBlock(_ body: String) -> String {
        let safe = CommonMark.safeMarkdown(body).trimmed
        guard !safe.isEmpty else { return "" }
        return safe.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? ">" : "> " + $0 }
            .joined(separator: "\n")
    }
}

import Foundation
