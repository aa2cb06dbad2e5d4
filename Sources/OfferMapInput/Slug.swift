import OfferMapModel
/// Ids are slugs: `[a-z0-9]+(-[a-z0-9]+)*`.
public enum Slug {
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 100, text.first != "-", text.last != "-", !text.contains("--") else { return false }
        return text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    /// A slug from any text: umlauts transcribed (ä → ae, ß → ss), everything else to hyphens.
    public static func make(_ text: String) -> String {
        let lowered = text.lowercased()
        // Latin letters below U+0250 are each a Character of their own (a combining mark lies above): by scalars, the
        // same slug without breaking the text into Characters
        if lowered.unicodeScalars.allSatisfy({ $0.value < 0x250 }) {
            return slug(lowered.unicodeScalars.lazy.map(Character.init))
        }
        return slug(lowered)
    }

    private static func slug<S: Sequence<Character>>(_ characters: S) -> String {
        var result = ""
        var pendingHyphen = false
        for character in characters {
            let replacement: String
            switch character {
            case "ä": replacement = "ae"
            case "ö": replacement = "oe"
            case "ü": replacement = "ue"
            case "ß": replacement = "ss"
            case "a"..."z", "0"..."9": replacement = String(character)
            case " ", "-", "_", ".", ",", "/", "(", ")", "&", ":", "'", "\"": replacement = ""
            default:
                let folded = String(character).folding(options: .diacriticInsensitive, locale: nil)
                replacement = folded.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) } ? folded : ""
            }
            if replacement.isEmpty {
                pendingHyphen = !result.isEmpty
            } else {
                if pendingHyphen { result += "-" }
                result += replacement
                pendingHyphen = false
            }
        }
        return String(result.prefix(60)).trimmingTrailingHyphens
    }
}

extension String {
    var trimmingTrailingHyphens: String {
        var s = self
        while s.hasSuffix("-") { s.removeLast() }
        return s
    }
}

import Foundation
