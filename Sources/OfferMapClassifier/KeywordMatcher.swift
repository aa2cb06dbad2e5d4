import OfferMapModel
/// The taxonomy's keywords, compiled once: folded, split into words and indexed by their
/// first three letters, so that matching an offer costs a few lookups per word.
struct KeywordMatcher: Sendable {
    struct Compiled: Sendable {
        var label: Label
        var labelIndex: Int        // position of the label: phases, then categories, in taxonomy order
        var term: String           // as written in the taxonomy
        var parts: [[UInt8]]       // folded words of the keyword
        var inside: Bool           // "*term": may stand inside a compound
        var weight: Double
    }

    /// One occurrence of a keyword in a text.
    struct Hit: Sendable {
        var keyword: Int
        var field: OfferField
        /// the first and last token of the keyword's words
        var token: Int
        var last: Int
        /// the token of the negation word before it ("keine"), if any
        var negatedBy: Int?
        /// the abbreviation it was read from ("bp"), if any
        var abbreviation: String?
    }

    let keywords: [Compiled]
    let negations: Set<[UInt8]>
    private let prefixIndex: [UInt32: [Int]]
    private let insideIndex: [UInt32: [Int]]
    /// bit per first two bytes of an "inside" keyword: most places in a word are ruled out without a lookup
    private let insidePairs: [UInt64]

    init(taxonomy: Taxonomy) {
        var keywords: [Compiled] = []
        var labelIndex = 0
        let labels = taxonomy.labels
        for terms in [taxonomy.phases, taxonomy.categories] {
            for term in terms {
                for keyword in term.keywords {
                    let inside = keyword.term.hasPrefix("*")
                    let text = inside ? String(keyword.term.dropFirst()) : keyword.term
                    let parts = TextNormalizer.tokens(text).map(\.bytes)
                    guard !parts.isEmpty else { continue }
                    keywords.append(Compiled(label: labels[labelIndex], labelIndex: labelIndex, term: keyword.term, parts: parts,
                                             inside: inside, weight: keyword.weight))
                }
                labelIndex += 1
            }
        }
        var prefixIndex: [UInt32: [Int]] = [:], insideIndex: [UInt32: [Int]] = [:]
        for (index, keyword) in keywords.enumerated() {
            let key = KeywordMatcher.key(keyword.parts[0], at: 0)
            if keyword.inside { insideIndex[key, default: []].append(index) } else { prefixIndex[key, default: []].append(index) }
        }
        var insidePairs = [UInt64](repeating: 0, count: 1024)
        for keyword in keywords where keyword.inside {
            let pair = KeywordMatcher.pair(keyword.parts[0], at: 0)
            insidePairs[pair >> 6] |= 1 << UInt64(pair & 63)
        }
        self.insidePairs = insidePairs
        self.keywords = keywords
        self.prefixIndex = prefixIndex
        self.insideIndex = insideIndex
        self.negations = Set(taxonomy.negations.flatMap { TextNormalizer.tokens($0).map(\.bytes) })
    }

    /// First three bytes (padded) as a number.
    static func key(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        var value: UInt32 = 0
        for i in 0..<3 { value = value << 8 | UInt32(offset + i < bytes.count ? bytes[offset + i] : 0) }
        return value
    }

    static func pair(_ bytes: [UInt8], at offset: Int) -> Int {
        Int(bytes[offset]) << 8 | (offset + 1 < bytes.count ? Int(bytes[offset + 1]) : 0)
    }

    static func hasPrefix(_ bytes: [UInt8], _ prefix: [UInt8], at offset: Int = 0) -> Bool {
        guard offset + prefix.count <= bytes.count else { return false }
        for i in 0..<prefix.count where bytes[offset + i] != prefix[i] { return false }
        return true
    }

    /// All keyword occurrences in one field's tokens; each keyword at most once per field
    /// (a non-negated occurrence wins over a negated one).
    func hits(_ tokens: [TextNormalizer.Token], field: OfferField) -> [Hit] {
        var found: [Int: Hit] = [:]
        func consider(_ index: Int, at position: Int) {
            let keyword = keywords[index]
            // further words of a phrase must follow as word starts
            if keyword.parts.count > 1 {
                guard position + keyword.parts.count <= tokens.count else { return }
                for (offset, part) in keyword.parts.enumerated().dropFirst()
                where !KeywordMatcher.hasPrefix(tokens[position + offset].bytes, part) { return }
            }
            let negation = negatedBy(position, tokens: tokens)
            let hit = Hit(keyword: index, field: field, token: position, last: position + keyword.parts.count - 1, negatedBy: negation, abbreviation: tokens[position].abbreviation)
            if let old = found[index], old.negatedBy == nil || negation != nil { return }
            found[index] = hit
        }
        func scan(_ word: [UInt8], at position: Int) {
            if let candidates = prefixIndex[KeywordMatcher.key(word, at: 0)] {
                for index in candidates where KeywordMatcher.hasPrefix(word, keywords[index].parts[0]) {
                    consider(index, at: position)
                }
            }
            guard !insideIndex.isEmpty else { return }
            for offset in 0..<max(word.count - 2, 1) {
                let pair = KeywordMatcher.pair(word, at: offset)
                guard insidePairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0,
                      let candidates = insideIndex[KeywordMatcher.key(word, at: offset)] else { continue }
                for index in candidates where KeywordMatcher.hasPrefix(word, keywords[index].parts[0], at: offset) {
                    consider(index, at: position)
                }
            }
        }
        for position in tokens.indices {
            scan(tokens[position].bytes, at: position)
            if let joined = tokens[position].joined { scan(joined, at: position) }
        }
        return found.keys.sorted().map { found[$0]! }
    }

    /// A negation word directly before the word, or one word before it in the same clause
    /// ("keine Kredite", "keine eigene Küche"; not "nicht rückzahlbarer Zuschuss").
    func negatedBy(_ position: Int, tokens: [TextNormalizer.Token]) -> Int? {
        for distance in 1...2 where position - distance >= 0 {
            let j = position - distance
            guard tokens[j].clause == tokens[position].clause else { return nil }
            if negations.contains(tokens[j].bytes) {
                if distance == 2 {
                    let between = tokens[position - 1].bytes
                    if ["bar", "bare", "barer", "baren"].contains(where: { between.count >= $0.utf8.count && between.suffix($0.utf8.count).elementsEqual($0.utf8) }) {
                        return nil
                    }
                }
                return j
            }
        }
        return nil
    }
}
