import Foundation

extension String {
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, without the copy when there is nothing to trim.
    var trimmed: String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        return String.isVisibleASCII(first) && String.isVisibleASCII(last) ? self : trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Empty or whitespace only; stops at the first visible character.
    var isBlank: Bool {
        guard let byte = utf8.first(where: { !($0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D)) }) else { return true }
        return byte < 0x80 ? false : trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    private static func isVisibleASCII(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }
}
