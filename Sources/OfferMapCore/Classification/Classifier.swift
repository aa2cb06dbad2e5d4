/// Derives phases and categories from an offer's title and description.
/// First version: weighted keywords from the taxonomy.
public struct Classifier: Sendable {
    public let taxonomy: Taxonomy

    public init(taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
    }

    public func classify(title: String, description: String) -> Labels {
        let fields = [("title", TextNormalizer.words(title)), ("description", TextNormalizer.words(description))]
        var labels = Labels()
        func score(_ terms: [Term], prefix: String) -> [String] {
            var given: [String] = []
            for term in terms {
                var total = 0.0
                var evidence: [Evidence] = []
                for keyword in term.keywords {
                    let normalized = TextNormalizer.normalize(keyword.term)
                    for (field, words) in fields where TextNormalizer.matches(normalized, in: words) {
                        total += keyword.weight * (field == "title" ? 2 : 1)
                        evidence.append(Evidence(label: "\(prefix):\(term.id)", source: "keyword", term: keyword.term, field: field))
                        break
                    }
                }
                if total > 0 && given.count < 3 {
                    given.append(term.id)
                    labels.evidence += evidence
                }
            }
            return given
        }
        labels.phases = score(taxonomy.phases, prefix: "phase")
        labels.categories = score(taxonomy.categories, prefix: "category")
        return labels
    }
}

/// Folds text so that case, umlauts (ä, ae, a) and hyphens do not matter.
public enum TextNormalizer {
    public static func normalize(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "ä", "à", "á", "â": result += "a"
            case "ö", "ó", "ò", "ô": result += "o"
            case "ü", "ú", "ù", "û": result += "u"
            case "ß": result += "ss"
            case "é", "è", "ê": result += "e"
            case "-", "\u{00AD}", "\u{2010}", "\u{2011}": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result.replacingOccurrences(of: "ae", with: "a")
            .replacingOccurrences(of: "oe", with: "o")
            .replacingOccurrences(of: "ue", with: "u")
    }

    public static func words(_ text: String) -> [String] {
        normalize(text).split { !($0.isLetter || $0.isNumber || $0 == "§") }.map(String.init)
    }

    /// `term` matches at a word start; `*term` anywhere inside a word; phrases word by word.
    static func matches(_ term: String, in words: [String]) -> Bool {
        let inside = term.hasPrefix("*")
        let parts = (inside ? String(term.dropFirst()) : term).split(separator: " ").map(String.init)
        guard let first = parts.first, !words.isEmpty else { return false }
        for index in words.indices where inside ? words[index].contains(first) : words[index].hasPrefix(first) {
            if parts.count == 1 { return true }
            if index + parts.count <= words.count,
               zip(parts.dropFirst(), words[(index + 1)...]).allSatisfy({ $1.hasPrefix($0) }) { return true }
        }
        return false
    }
}

import Foundation
