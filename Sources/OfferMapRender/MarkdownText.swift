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
        var safe = CommonMark.safeMarkdown(body).trimmed
        guard !safe.isEmpty else { return "" }
        // by bytes: a line ends at "\n" (not at "\r\n", one Character, as a split by Characters would not)
        return safe.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 64)
            var lineStart = 0
            var previous: UInt8 = 0
            func addLine(to end: Int) {
                if lineStart != 0 { out.append(0x0A) }
                out.append(UInt8(ascii: ">"))
                if lineStart != end { out.append(0x20) }
                out.append(contentsOf: bytes[lineStart..<end])
            }
            for index in 0..<bytes.count {
                let byte = bytes[index]
                if byte == 0x0A, previous != 0x0D {
                    addLine(to: index)
                    lineStart = index + 1
                }
                previous = byte
            }
            addLine(to: bytes.count)
            return String(decoding: out, as: UTF8.self)
        }
    }
}

import Foundation
