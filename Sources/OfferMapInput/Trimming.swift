import OfferMapModel
import Foundation

extension String {
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, without the copy when there is nothing to trim.
    package var trimmed: String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        if String.isVisibleASCII(first) && String.isVisibleASCII(last) { return self }
        // ASCII spaces at the ends, and ASCII or nothing next to them: cut by bytes.
        let view = utf8
        guard let start = view.firstIndex(where: { !String.isASCIISpace($0) }) else { return "" }
        let end = view.lastIndex(where: { !String.isASCIISpace($0) })!
        guard view[start] < 0x80 && view[end] < 0x80 else { return trimmingCharacters(in: .whitespacesAndNewlines) }
        return String(self[start...end])
    }

    /// `trimmingCharacters(in: .whitespaces)`, without Foundation when both ends are visible ASCII.
    package var trimmedSpaces: String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        if String.isVisibleASCII(first) && String.isVisibleASCII(last) { return self }
        return trimmingCharacters(in: .whitespaces)
    }

    /// Empty or whitespace only; stops at the first visible character.
    var isBlank: Bool {
        guard let byte = utf8.first(where: { !($0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D)) }) else { return true }
        return byte < 0x80 ? false : trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    private static func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    private static func isVisibleASCII(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }
}
