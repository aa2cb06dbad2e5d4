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

    /// Same as `isWordCharacter` for one scalar, with a fast path for ASCII.
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return (s >= "a" && s <= "z") || (s >= "0" && s <= "9") || (s >= "A" && s <= "Z") }
        if s == "§" { return true }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    static let breaks: Set<Unicode.Scalar> = Set(".,;:!?()[]–—|\"„“”\n".unicodeScalars)

    private static func fold(_ text: String, hyphen: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "ä", "à", "á", "â", "ã", "å": result += "a"
            case "ö", "ó", "ò", "ô", "õ": result += "o"
            case "ü", "ú", "ù", "û": result += "u"
            case "ß": result += "ss"
            case "é", "è", "ê", "ë": result += "e"
            case "í", "ì", "î", "ï": result += "i"
            case "ç": result += "c"
            case "ñ": result += "n"
            case "ş": result += "s"
            case "ğ": result += "g"
            case "ı": result += "i"
            case "\u{00AD}": continue
            case "-", "\u{2010}", "\u{2011}": result += hyphen
            default: result.unicodeScalars.append(scalar)
            }
        }
        return foldDigraphs(result)
    }

    /// ae → a, oe → o, ue → u (umlauts written out); applied to text and keywords alike.
    private static func foldDigraphs(_ text: String) -> String {
        guard text.contains("e") else { return text }
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar? = nil
        for scalar in text.unicodeScalars {
            if scalar == "e", let p = previous, p == "a" || p == "o" || p == "u" {
                out.append(p)
                previous = nil
                continue
            }
            if let p = previous { out.append(p) }
            previous = scalar
        }
        if let p = previous { out.append(p) }
        return String(out)
    }

    /// One word of a text after folding.
    struct Token: Sendable, Hashable {
        /// the folded word (a part of a hyphenated compound stands on its own)
        var text: String
        /// the whole hyphenated compound, joined, on its first part ("businessplancheck")
        var joined: String?
        /// counts sentence and clause breaks (. , ; : ! ? – brackets) before this word
        var clause: Int
        /// the abbreviation this word was expanded from ("bp")
        var abbreviation: String?
    }

    /// Splits a text into folded tokens; abbreviations are replaced by their expansion's words.
    static func tokens(_ text: String, abbreviations: [String: [String]] = [:]) -> [Token] {
        let folded = fold(text, hyphen: "-")
        var tokens: [Token] = []
        var clause = 0
        var word = ""
        var compound: [String] = []
        func flushWord() {
            if !word.isEmpty { compound.append(word); word = "" }
        }
        func flushCompound() {
            flushWord()
            guard !compound.isEmpty else { return }
            let joined = compound.count > 1 ? compound.joined() : nil
            for (index, part) in compound.enumerated() {
                if let expansion = abbreviations[part] {
                    for (e, expanded) in expansion.enumerated() {
                        tokens.append(Token(text: expanded, joined: index == 0 && e == 0 ? joined : nil, clause: clause, abbreviation: part))
                    }
                } else {
                    tokens.append(Token(text: part, joined: index == 0 ? joined : nil, clause: clause, abbreviation: nil))
                }
            }
            compound = []
        }
        for scalar in folded.unicodeScalars {
            if isWordScalar(scalar) {
                word.unicodeScalars.append(scalar)
            } else if scalar == "-" {
                flushWord()
            } else {
                flushCompound()
                if breaks.contains(scalar) { clause += 1 }
            }
        }
        flushCompound()
        return tokens
    }
}
