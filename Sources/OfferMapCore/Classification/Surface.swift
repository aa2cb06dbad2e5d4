/// The words of an offer as they were written ("Tragfähigkeitsbescheinigung", "Businessplan-Check",
/// "GZ") that a piece of evidence stands for, so that `explain` can point at the text itself rather
/// than at the folded keyword ("*tragfahigkeit") or model feature ("grundu…").
public enum Surface {
    /// Words of `text` that the evidence's term matches, each once, in the order they stand.
    /// Empty for evidence that names no word (explicit labels, another label's keyword score).
    public static func words(for evidence: Evidence, in text: String, taxonomy: Taxonomy) -> [String] {
        guard let (terms, inside) = terms(evidence) else { return [] }
        let expansions = Dictionary(taxonomy.abbreviations.map { (TextNormalizer.normalize($0.abbreviation), TextNormalizer.words($0.expansion)) },
                                    uniquingKeysWith: { first, _ in first })
        // each word as written, with its folded forms: whole, the parts of a hyphenated compound, an abbreviation's expansion
        let written = text.split(whereSeparator: { !TextNormalizer.isWordCharacter($0) && !isHyphen($0) })
            .map { String($0.drop(while: isHyphen).reversed().drop(while: isHyphen).reversed()) }
            .filter { !$0.isEmpty }
        let folded = written.map { word -> [String] in
            let forms = [TextNormalizer.normalize(word)] + word.split(whereSeparator: isHyphen).map { TextNormalizer.normalize(String($0)) }
            return forms + forms.flatMap { expansions[$0] ?? [] }
        }
        var found: [String] = []
        for start in written.indices where start + terms.count <= written.count {
            let first = folded[start].contains { inside ? $0.contains(terms[0]) : $0.hasPrefix(terms[0]) }
            guard first, terms.indices.dropFirst().allSatisfy({ k in folded[start + k].contains { $0.hasPrefix(terms[k]) } }) else { continue }
            let phrase = written[start..<start + terms.count].joined(separator: " ")
            if !found.contains(phrase) { found.append(phrase) }
        }
        return found
    }

    /// The folded words to look for, and whether the first may stand inside a word.
    private static func terms(_ evidence: Evidence) -> (words: [String], inside: Bool)? {
        var term = evidence.term
        switch evidence.source {
        case "keyword":
            // "*zuschuss (from 'gz')": the keyword was read from an abbreviation, found by its expansion
            if let from = term.range(of: " (from '") { term = String(term[..<from.lowerBound]) }
            let inside = term.hasPrefix("*")
            let words = TextNormalizer.words(String(term.drop { $0 == "*" }))
            return words.isEmpty ? nil : (words, inside)
        case "model":
            // another label's keyword: "keyword *infoabend of category:information"
            if term.hasPrefix("keyword "), let of = term.range(of: " of ", options: .backwards) {
                let keyword = term[term.index(term.startIndex, offsetBy: 8)..<of.lowerBound]
                let words = TextNormalizer.words(String(keyword.drop { $0 == "*" }))
                return words.isEmpty ? nil : (words, keyword.hasPrefix("*"))
            }
            if term.hasPrefix("keywords of ") || term.hasPrefix("fits category ") || term.hasPrefix("overall wording") { return nil }
            // a stem ("grundu…") is the start of a word; a word must be the whole word, but the
            // prefix test is close enough for pointing at it
            return ([String(term.hasSuffix("…") ? term.dropLast() : term[...])], false)
        default:
            return nil
        }
    }

    private static func isHyphen(_ c: Character) -> Bool { c == "-" || c == "\u{2011}" || c == "\u{2010}" }
}
