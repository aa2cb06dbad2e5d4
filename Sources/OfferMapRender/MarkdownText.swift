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
        // by bytes: a line ends at "\n" (not at "\r\n", one Character, as a split by Characters would not)
        var out = ""
        out.reserveCapacity(safe.utf8.count + 64)
        let utf8 = safe.utf8
        var lineStart = utf8.startIndex
        var previous: UInt8 = 0
        func addLine(to end: String.Index) {
            if lineStart != utf8.startIndex { out += "\n" }
            out += lineStart == end ? ">" : "> "
            out += safe[lineStart..<end]
        }
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A, previous != 0x0D {
                addLine(to: index)
                lineStart = utf8.index(after: index)
            }
            previous = byte
            index = utf8.index(after: index)
        }
        addLine(to: utf8.endIndex)
        return out
    }
}

import Foundation
