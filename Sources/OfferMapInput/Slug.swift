import OfferMapModel
/// Ids are slugs: `[a-z0-9]+(-[a-z0-9]+)*`.
public enum Slug {
    /// Lowercase ASCII letters and digits, single hyphens between them, at most 100 bytes.
    public static func isValid(_ text: String) -> Bool {
        let bytes = text.utf8
        guard !bytes.isEmpty, bytes.count <= 100, bytes.first != 0x2D, bytes.last != 0x2D else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            guard (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || (byte == 0x2D && previous != 0x2D) else { return false }
            previous = byte
        }
        return true
    }

    /// A slug from any text: umlauts transcribed (ä → ae, ß → ss), everything else to hyphens.
    public static func make(_ text: String) -> String {
        // most titles are German: lowercased by bytes on the way, without Unicode's lowercasing
        if let slug = german(text) { return slug }
        let lowered = text.lowercased()
        if let slug = german(lowered) { return slug }
        // Latin letters below U+0250 are each a Character of their own (a combining mark lies above): by scalars, the
        // same slug without breaking the text into Characters
        if lowered.unicodeScalars.allSatisfy({ $0.value < 0x250 }) {
            return slug(lowered.unicodeScalars.lazy.map(Character.init))
        }
        return slug(lowered)
    }

    /// The slug of ASCII text with German umlauts and ß, upper or lower case, by bytes; nil for any other letter.
    private static func german(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(text.utf8.count, 64))
        var pendingHyphen = false
        var lead: UInt8 = 0
        for byte in text.utf8 {
            var replacement: (UInt8, UInt8?)?
            if lead != 0 {
                // ä ö ü ß: C3 A4, C3 B6, C3 BC, C3 9F; Ä Ö Ü: C3 84, C3 96, C3 9C
                switch byte {
                case 0xA4, 0x84: replacement = (0x61, 0x65)
                case 0xB6, 0x96: replacement = (0x6F, 0x65)
                case 0xBC, 0x9C: replacement = (0x75, 0x65)
                case 0x9F: replacement = (0x73, 0x73)
                default: return nil
                }
                lead = 0
            } else if byte == 0xC3 {
                lead = byte
                continue
            } else if byte >= 0x80 {
                return nil
            } else if (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) {
                replacement = (byte, nil)
            } else if (0x41...0x5A).contains(byte) {
                replacement = (byte + 0x20, nil)
            }
            guard let (first, second) = replacement else {
                pendingHyphen = !bytes.isEmpty
                continue
            }
            if pendingHyphen { bytes.append(0x2D) }
            bytes.append(first)
            if let second { bytes.append(second) }
            pendingHyphen = false
        }
        if lead != 0 { return nil }
        return String(decoding: bytes.prefix(60), as: UTF8.self).trimmingTrailingHyphens
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
            // ASCII only: "i̇" (i with a combining dot) also lies between "a" and "z"
            case _ where character.asciiValue.map { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) } == true:
                replacement = String(character)
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
