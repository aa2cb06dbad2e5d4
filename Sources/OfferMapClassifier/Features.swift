import OfferMapModel

/// Reading one text: its keywords, words and stems.
extension Classifier {
    /// What the classifier sees in one offer.
    struct Reading {
        /// by field: title, description
        var tokens: [[TextNormalizer.Token]] = []
        var hits: [KeywordMatcher.Hit] = []
        /// by label position: keyword score (non-negated hits)
        var keywordScore: [Double]
        /// feature hash → value (before scaling) and whether it occurs in the title
        var features: [UInt64: (value: Double, inTitle: Bool)] = [:]
        /// whether any label's keyword stands in the offer (not only mentioned after a negation)
        var hasKeywords: Bool { keywordScore.contains { $0 > 0 } }

        /// Where a keyword stands: its words as written, a hyphenated compound whole.
        func span(_ hit: KeywordMatcher.Hit) -> TextSpan {
            let tokens = self.tokens[hit.field == .title ? 0 : 1]
            return TextSpan(field: hit.field, start: tokens[hit.token].start, end: tokens[hit.last].end)
        }

        /// Where the negation before a keyword stands.
        func negation(_ hit: KeywordMatcher.Hit) -> TextSpan? {
            guard let j = hit.negatedBy else { return nil }
            let token = tokens[hit.field == .title ? 0 : 1][j]
            return TextSpan(field: hit.field, start: token.start, end: token.end)
        }
    }

    static let fields: [OfferField] = [.title, .description]

    /// Reads title and description; `names` collects what each feature is (for training).
    func read(title: String, description: String, names: UnsafeMutablePointer<[UInt64: ModelFeature]>? = nil) -> Reading {
        var reading = Reading(keywordScore: [Double](repeating: 0, count: labels.count))
        reading.features.reserveCapacity(64)
        for (field, text) in zip(Classifier.fields, [title, description]) {
            let tokens = TextNormalizer.tokens(text, abbreviations: abbreviations)
            reading.tokens.append(tokens)
            reading.hits += matcher.hits(tokens, field: field)
            func add(_ hash: UInt64, _ feature: @autoclosure () -> ModelFeature) {
                var entry = reading.features[hash] ?? (0, false)
                if field == .title {
                    if !entry.inTitle { entry.value += 1; entry.inTitle = true }
                } else if entry.value == 0 || entry.inTitle && entry.value < 2 {
                    entry.value += 1
                }
                reading.features[hash] = entry
                if let names, names.pointee[hash] == nil { names.pointee[hash] = feature() }
            }
            func addWord(_ word: [UInt8]) {
                // the word's hash, noting the hash after `stemLength` characters
                var hash = FNV1a(), stem: UInt64 = 0, characters = 0, stemEnd = 0
                for (i, byte) in word.enumerated() {
                    if byte & 0xC0 != 0x80 {
                        if characters == settings.stemLength { stem = hash.value; stemEnd = i }
                        characters += 1
                    }
                    hash.add(byte)
                }
                guard characters > 2, !Classifier.stopwords.contains(hash.value) else { return }
                add(Classifier.mix(hash.value, 1), .word(String(decoding: word, as: UTF8.self)))
                if settings.stems && characters > settings.stemLength {
                    add(Classifier.mix(stem, 2), .stem(String(decoding: word[..<stemEnd], as: UTF8.self)))
                }
            }
            for token in tokens {
                addWord(token.bytes)
                if let joined = token.joined { addWord(joined) }
            }
        }
        // each keyword counts once per offer, in its strongest field
        var best: [Int: Double] = [:]
        for hit in reading.hits where hit.negatedBy == nil {
            let keyword = matcher.keywords[hit.keyword]
            let value = keyword.weight * (hit.field == .title ? settings.titleFactor : 1)
            best[hit.keyword] = max(best[hit.keyword] ?? 0, value)
        }
        for (index, value) in best.sorted(by: { $0.key < $1.key }) {
            reading.keywordScore[matcher.keywords[index].labelIndex] += value
        }
        return reading
    }

    /// A feature's hash: the word's FNV-1a hash mixed with its kind (1 word, 2 stem).
    static func mix(_ hash: UInt64, _ kind: UInt64) -> UInt64 { (hash ^ (kind &* 0x9E3779B97F4A7C15)) &* 0x100000001b3 }

    /// Function words that say nothing about a label (hashes of the folded words), kept out of the model's features.
    static let stopwords: Set<UInt64> = Set("""
        aber als also am an auch auf aus bei beim bis da das dass dem den der des die dies diese diesem diesen dieser doch du dir dich
        ein eine einem einen einer eines er es etwa fur ihr ihre ihrem ihren ihrer ihnen ich im in ist ja jede jeden jeder kann konnen
        man mit nach noch nur oder ob sich sie sind so sowie uber um und uns unser unsere unseren unserer vom von vor war was wenn
        werden wer wie wir wird wo zu zum zur zwei drei mehr sehr ganze ganzen
        the and for with you your our are is to of in on at by an or from this that can will be as it we all any
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { FNV1a.hash(TextNormalizer.normalize(String($0)).utf8) })

    /// Text features scaled to unit length, plus one feature per label's keyword score.
    func vector(_ reading: Reading, trained: Trained) -> LogisticModel.Vector {
        var pairs: [(Int, Double)] = []
        pairs.reserveCapacity(reading.features.count + labels.count)
        var norm = 0.0
        for (hash, entry) in reading.features {
            guard let i = trained.featureIndex[hash] else { continue }
            pairs.append((i, entry.value))
            norm += entry.value * entry.value
        }
        norm = norm.squareRoot()
        if norm > 0 { for k in pairs.indices { pairs[k].1 = pairs[k].1 / norm * settings.textScale } }
        for (label, score) in reading.keywordScore.enumerated() where score > 0 {
            guard let i = trained.keywordFeature[label] else { continue }
            pairs.append((i, min(score, 4) / 2))
        }
        var hits: [Int: Double] = [:]
        for hit in reading.hits where hit.negatedBy == nil {
            guard let i = trained.hitFeature[hit.keyword] else { continue }
            hits[i] = max(hits[i] ?? 0, (hit.field == .title ? settings.titleFactor : 1) * settings.keywordHitScale)
        }
        pairs += hits.map { ($0.key, $0.value) }
        pairs.sort { $0.0 < $1.0 }
        let x = LogisticModel.Vector(indices: pairs.map(\.0), values: pairs.map(\.1))
        guard let categories = trained.categoryModel else { return x }
        return Classifier.stacked(x, probabilities: categories.labels.indices.map { categories.probability($0, x) }, from: trained.stackedFeature)
    }

    /// `x` with the category probabilities appended as features `from`, `from + 1`, …
    static func stacked(_ x: LogisticModel.Vector, probabilities: [Double], from: Int) -> LogisticModel.Vector {
        LogisticModel.Vector(indices: x.indices + probabilities.indices.map { from + $0 }, values: x.values + probabilities)
    }
}
