import OfferMapModel
/// Folds text so that case, umlauts (ä, ae, a), accents and hyphens do not matter,
/// and splits it into tokens that remember clause boundaries (for negations)
/// and the abbreviation they were expanded from.
public enum TextNormalizer {
    /// Lower case; ä/ae → a, ö/oe → o, ü/ue → u, ß → ss; accents dropped; hyphens removed.
    public static func normalize(_ text: String) -> String {
        fold(text, hyphen: "")
    }

    /// Normalised words of a text (hyphenated compounds joined).
    public static func words(_ text: String) -> [String] {
        normalize(text).split { !isWordCharacter($0) }.map(String.init)
    }

    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "§" }

    static let breaks: Set<Unicode.Scalar> = Set(".,;:!?()[]–—|\"„“”\n".unicodeScalars)

    /// Lower case, umlauts and accents folded, hyphens removed; other characters kept as they are.
    private static func fold(_ text: String, hyphen: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch fold(scalar, into: &bytes) {
            case .word: continue
            case .hyphen: bytes.append(contentsOf: hyphen.utf8)
            case .other: bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            }
        }
        foldDigraphs(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    enum Kind { case word, hyphen, other }

    /// Appends a word character's folded bytes; tells what the scalar is.
    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar, into word: inout [UInt8]) -> Kind {
        let v = scalar.value
        if v < 0x80 {
            let b = UInt8(v)
            switch b {
            case 0x61...0x7A, 0x30...0x39: word.append(b)
            case 0x41...0x5A: word.append(b + 32)
            case 0x2D: return .hyphen
            default: return .other
            }
            return .word
        }
        switch scalar {
        case "ä", "à", "á", "â", "ã", "å", "Ä", "À", "Á", "Â", "Ã", "Å": word.append(0x61)
        case "ö", "ó", "ò", "ô", "õ", "Ö", "Ó", "Ò", "Ô", "Õ": word.append(0x6F)
        case "ü", "ú", "ù", "û", "Ü", "Ú", "Ù", "Û": word.append(0x75)
        case "ß", "ẞ": word.append(0x73); word.append(0x73)
        case "é", "è", "ê", "ë", "É", "È", "Ê", "Ë": word.append(0x65)
        case "í", "ì", "î", "ï", "Í", "Ì", "Î", "Ï", "ı": word.append(0x69)
        case "ç", "Ç": word.append(0x63)
        case "ñ", "Ñ": word.append(0x6E)
        case "ş", "Ş": word.append(0x73)
        case "ğ", "Ğ": word.append(0x67)
        case "\u{00AD}": break
        case "\u{2010}", "\u{2011}": return .hyphen
        case "§": word.append(contentsOf: [0xC2, 0xA7])
        default:
            guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else { return .other }
            word.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
        }
        return .word
    }

    /// One word of a text after folding.
    struct Token: Sendable, Hashable {
        /// the folded word as UTF-8 (a part of a hyphenated compound stands on its own)
        var bytes: [UInt8]
        /// the whole hyphenated compound, joined, on its first part ("businessplancheck")
        var joined: [UInt8]?
        /// counts sentence and clause breaks (. , ; : ! ? – brackets) before this word
        var clause: Int
        /// the abbreviation this word was expanded from ("bp")
        var abbreviation: String?
        /// the written word it stands in (a whole hyphenated compound; for an expansion, the abbreviation):
        /// UTF-8 offsets into the text, `start..<end`
        var start = 0
        var end = 0

        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    /// Abbreviations by their folded bytes, each with the folded words of its expansion.
    struct Abbreviations: Sendable {
        var map: [[UInt8]: (short: String, words: [[UInt8]])] = [:]
        var longest = 0
    }

    /// Splits a text into folded tokens; abbreviations are replaced by their expansion's words.
    /// Folds as `normalize` does, byte by byte, without building intermediate strings.
    static func tokens(_ text: String, abbreviations: Abbreviations = Abbreviations()) -> [Token] {
        var tokens: [Token] = []
        var clause = 0
        var word: [UInt8] = []
        var compound: [[UInt8]] = []
        var offset = 0, start = 0, end = 0, inWord = false
        func flushWord() {
            guard !word.isEmpty else { return }
            foldDigraphs(&word)
            compound.append(word)
            word.removeAll(keepingCapacity: true)
        }
        func flushCompound() {
            flushWord()
            guard !compound.isEmpty else { return }
            let joined = compound.count > 1 ? Array(compound.joined()) : nil
            for (index, part) in compound.enumerated() {
                if part.count <= abbreviations.longest, let expansion = abbreviations.map[part] {
                    for (e, expanded) in expansion.words.enumerated() {
                        tokens.append(Token(bytes: expanded, joined: index == 0 && e == 0 ? joined : nil, clause: clause,
                                            abbreviation: expansion.short, start: start, end: end))
                    }
                } else {
                    tokens.append(Token(bytes: part, joined: index == 0 ? joined : nil, clause: clause, abbreviation: nil, start: start, end: end))
                }
            }
            compound.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            defer { offset += width }
            switch fold(scalar, into: &word) {
            case .word:
                if !inWord { start = offset; inWord = true }
                end = offset + width
            case .hyphen: flushWord()
            case .other:
                flushCompound()
                inWord = false
                if scalar != " " && breaks.contains(scalar) { clause += 1 }
            }
        }
        flushCompound()
        return tokens
    }

    /// ae → a, oe → o, ue → u (umlauts written out), in place; applied to text and keywords alike.
    private static func foldDigraphs(_ word: inout [UInt8]) {
        var kept = 0
        var previous: UInt8 = 0
        for i in word.indices {
            let b = word[i]
            if b == 0x65 && (previous == 0x61 || previous == 0x6F || previous == 0x75) {
                previous = 0
                continue
            }
            word[kept] = b
            kept += 1
            previous = b
        }
        word.removeLast(word.count - kept)
    }
}
