import Foundation

/// Derives phases and categories from an offer's title and description.
///
/// Two parts, both computed once in `init`:
/// - the taxonomy's weighted keywords (folded for case, umlauts, hyphens and compounds;
///   abbreviations expanded; a keyword right after a negation such as "keine" only counts as mentioned);
/// - a one-vs-rest logistic regression over words, word stems and the keyword scores,
///   trained on the labeled offers shipped with the tool (`TrainingData`). It learns how far
///   to trust each keyword score and fills in what the keywords do not cover.
/// Labels the shipped data does not know (a county's own ids) are decided by keywords alone.
public struct Classifier: Sendable {
    public let taxonomy: Taxonomy
    let settings: Settings
    let matcher: KeywordMatcher
    let abbreviations: TextNormalizer.Abbreviations
    /// "phase:ID" / "category:ID" in taxonomy order
    let labelIDs: [String]
    let trained: Trained?

    struct Settings: Sendable {
        /// a label is given from this probability on
        var threshold = 0.35
        /// when no label reaches the threshold, the best one is still given from here on
        var fallback = 0.2
        /// ... and, without a keyword, a single word adding this much to its logit
        var support = 0.5
        /// in an offer without any keyword of any label, the model needs this probability: a word
        /// alone ("Familie", "evening") does not make a summer fest an offer of advice
        var withoutKeywords = 0.8
        /// keyword score a label needs when no model knows it
        var keywordThreshold = 1.0
        /// a keyword in the title counts this much more
        var titleFactor = 2.5
        var maxLabels = 3
        /// a second or third label needs at least this share of the best label's probability
        var relative = 0.7
        /// features seen in fewer training offers are dropped
        var minCount = 2
        /// length of the word part of the feature vector (the keyword scores stay as they are)
        var textScale = 2.0
        /// value of each keyword as a feature of its own (times titleFactor in the title), so the model learns
        /// which keywords of one label speak for another (a funding keyword for a phase)
        var keywordHitScale = 0.25
        /// the category model's probabilities become features of the final model; for the training
        /// offers they come from models that did not see them, fitted on this many parts
        var stackFolds = 3
        /// training steps of those models: their probabilities need not be as exact (300: the same figures, twice the time)
        var stackEpochs = 150
        var stems = true
        var stemLength = 6
        var model = LogisticModel.Settings()
        var useModel = true
    }

    /// The model and its vocabulary. Features are found by a 64-bit hash of their name, so that
    /// reading an offer builds no strings; the names serve `explain`.
    struct Trained: Sendable {
        /// the phases, reading the category probabilities too (all labels when `categoryModel` is nil)
        var model: LogisticModel
        /// the categories, from words and keywords; its probabilities are features of `model` from `stackedFeature` on
        var categoryModel: LogisticModel?
        var stackedFeature = Int.max
        var featureIndex: [UInt64: Int]
        var featureHashes: [UInt64]
        var featureNames: [String]
        /// by feature: as `explain` shows it
        var descriptions: [String] = []
        /// by label position: the features of the label's own keywords (listed as keyword evidence already)
        var ownKeywords: [Set<Int>] = []
        /// by label position (labelIDs): index in the labels of its model, if a model learned the label
        var labelIndex: [Int?]
        /// by label position: the feature that carries the label's keyword score
        var keywordFeature: [Int?]
        /// by keyword (matcher.keywords): the feature of the keyword itself, if the training offers have it
        var hitFeature: [Int?]

        /// The model that learned the label at `label` (position in labelIDs), and the label's index there.
        func model(for label: Int, labelIDs: [String]) -> (model: LogisticModel, index: Int)? {
            guard let i = labelIndex[label] else { return nil }
            if let categoryModel, labelIDs[label].hasPrefix("category:") { return (categoryModel, i) }
            return (model, i)
        }
    }

    public init(taxonomy: Taxonomy) {
        self.init(taxonomy: taxonomy, training: TrainingData.offers)
    }

    public init(taxonomy: Taxonomy, training: [LabeledText]) {
        self.init(taxonomy: taxonomy, training: training, settings: Settings())
    }

    init(taxonomy: Taxonomy, training: [LabeledText], settings: Settings) {
        var abbreviations = TextNormalizer.Abbreviations()
        for (short, long) in taxonomy.abbreviations {
            let key = TextNormalizer.normalize(short)
            abbreviations.map[Array(key.utf8)] = (key, TextNormalizer.tokens(long).map(\.bytes))
            abbreviations.longest = max(abbreviations.longest, key.utf8.count)
        }
        let base = Classifier(taxonomy: taxonomy, settings: settings, matcher: KeywordMatcher(taxonomy: taxonomy),
                              abbreviations: abbreviations,
                              labelIDs: taxonomy.phaseIDs.map { "phase:\($0)" } + taxonomy.categoryIDs.map { "category:\($0)" },
                              trained: nil)
        guard settings.useModel, !training.isEmpty else { self = base; return }
        let key = ModelCache.key(taxonomy: taxonomy, training: training, settings: settings)
        self = base.with(ModelCache.shared.value(for: key) { base.train(training) })
    }

    private init(taxonomy: Taxonomy, settings: Settings, matcher: KeywordMatcher, abbreviations: TextNormalizer.Abbreviations,
                 labelIDs: [String], trained: Trained?) {
        self.taxonomy = taxonomy
        self.settings = settings
        self.matcher = matcher
        self.abbreviations = abbreviations
        self.labelIDs = labelIDs
        self.trained = trained
    }

    private func with(_ trained: Trained?) -> Classifier {
        Classifier(taxonomy: taxonomy, settings: settings, matcher: matcher, abbreviations: abbreviations, labelIDs: labelIDs, trained: trained)
    }

    // MARK: Reading one text

    /// What the classifier sees in one offer.
    struct Reading {
        var hits: [KeywordMatcher.Hit] = []
        /// by label position: keyword score (non-negated hits)
        var keywordScore: [Double]
        /// feature hash → value (before scaling) and whether it occurs in the title
        var features: [UInt64: (value: Double, inTitle: Bool)] = [:]
        /// whether any label's keyword stands in the offer (not only mentioned after a negation)
        var hasKeywords: Bool { keywordScore.contains { $0 > 0 } }
    }

    /// Reads title and description; `names` collects each feature's name (for training).
    func read(title: String, description: String, names: UnsafeMutablePointer<[UInt64: String]>? = nil) -> Reading {
        var reading = Reading(keywordScore: [Double](repeating: 0, count: labelIDs.count))
        reading.features.reserveCapacity(64)
        for (field, text) in [("title", title), ("description", description)] {
            let tokens = TextNormalizer.tokens(text, abbreviations: abbreviations)
            reading.hits += matcher.hits(tokens, field: field)
            func add(_ hash: UInt64, _ name: @autoclosure () -> String) {
                var entry = reading.features[hash] ?? (0, false)
                if field == "title" {
                    if !entry.inTitle { entry.value += 1; entry.inTitle = true }
                } else if entry.value == 0 || entry.inTitle && entry.value < 2 {
                    entry.value += 1
                }
                reading.features[hash] = entry
                if let names, names.pointee[hash] == nil { names.pointee[hash] = name() }
            }
            func addWord(_ word: [UInt8]) {
                // FNV-1a over the word, noting the hash after `stemLength` characters
                var hash: UInt64 = 0xcbf29ce484222325, stem: UInt64 = 0, characters = 0, stemEnd = 0
                for (i, byte) in word.enumerated() {
                    if byte & 0xC0 != 0x80 {
                        if characters == settings.stemLength { stem = hash; stemEnd = i }
                        characters += 1
                    }
                    hash = (hash ^ UInt64(byte)) &* 0x100000001b3
                }
                guard characters > 2, !Classifier.stopwords.contains(hash) else { return }
                add(Classifier.mix(hash, 1), "w:" + String(decoding: word, as: UTF8.self))
                if settings.stems && characters > settings.stemLength {
                    add(Classifier.mix(stem, 2), "s:" + String(decoding: word[..<stemEnd], as: UTF8.self))
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
            let value = keyword.weight * (hit.field == "title" ? settings.titleFactor : 1)
            best[hit.keyword] = max(best[hit.keyword] ?? 0, value)
        }
        for (index, value) in best.sorted(by: { $0.key < $1.key }) {
            reading.keywordScore[matcher.keywords[index].labelIndex] += value
        }
        return reading
    }

    /// A feature's hash: the word's FNV-1a hash mixed with its kind (1 word, 2 stem).
    static func mix(_ hash: UInt64, _ kind: UInt64) -> UInt64 { (hash ^ (kind &* 0x9E3779B97F4A7C15)) &* 0x100000001b3 }

    static func fnv(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        return hash
    }

    /// Function words that say nothing about a label (hashes of the folded words), kept out of the model's features.
    static let stopwords: Set<UInt64> = Set("""
        aber als also am an auch auf aus bei beim bis da das dass dem den der des die dies diese diesem diesen dieser doch du dir dich
        ein eine einem einen einer eines er es etwa fur ihr ihre ihrem ihren ihrer ihnen ich im in ist ja jede jeden jeder kann konnen
        man mit nach noch nur oder ob sich sie sind so sowie uber um und uns unser unsere unseren unserer vom von vor war was wenn
        werden wer wie wir wird wo zu zum zur zwei drei mehr sehr ganze ganzen
        the and for with you your our are is to of in on at by an or from this that can will be as it we all any
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { fnv(TextNormalizer.normalize(String($0)).utf8) })

    /// Text features scaled to unit length, plus one feature per label's keyword score.
    func vector(_ reading: Reading, trained: Trained) -> LogisticModel.Vector {
        var pairs: [(Int, Double)] = []
        pairs.reserveCapacity(reading.features.count + labelIDs.count)
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
            hits[i] = max(hits[i] ?? 0, (hit.field == "title" ? settings.titleFactor : 1) * settings.keywordHitScale)
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

    private func train(_ training: [LabeledText]) -> Trained? {
        var names: [UInt64: String] = [:]
        var readings: [Reading] = []
        for item in training { readings.append(read(title: item.title, description: item.description, names: &names)) }
        var counts: [UInt64: Int] = [:]
        for reading in readings { for hash in reading.features.keys { counts[hash, default: 0] += 1 } }
        var entries = counts.filter { $0.value >= settings.minCount }.map { (name: names[$0.key]!, hash: $0.key) }
        entries += labelIDs.map { (name: "k:" + $0, hash: 0) }
        // keywords that stand in a training offer, by name "h:label|term"
        var keywordsByName: [String: [Int]] = [:]
        for reading in readings {
            for hit in reading.hits where hit.negatedBy == nil {
                let keyword = matcher.keywords[hit.keyword]
                keywordsByName["h:\(keyword.label)|\(keyword.term)", default: []].append(hit.keyword)
            }
        }
        entries += keywordsByName.keys.map { (name: $0, hash: 0) }
        entries.sort { $0.name < $1.name }
        var featureIndex: [UInt64: Int] = [:]
        var keywordFeature = [Int?](repeating: nil, count: labelIDs.count)
        var hitFeature = [Int?](repeating: nil, count: matcher.keywords.count)
        for (i, entry) in entries.enumerated() {
            if entry.name.hasPrefix("k:"), let label = labelIDs.firstIndex(of: String(entry.name.dropFirst(2))) {
                keywordFeature[label] = i
            } else if entry.name.hasPrefix("h:") {
                for keyword in keywordsByName[entry.name]! { hitFeature[keyword] = i }
            } else {
                featureIndex[entry.hash] = i
            }
        }
        // labels the data knows well enough to learn
        let gold = training.map { Set($0.phases.map { "phase:\($0)" } + $0.categories.map { "category:\($0)" }) }
        let learnable = labelIDs.filter { label in gold.filter { $0.contains(label) }.count >= 3 }
        guard !learnable.isEmpty else { return nil }
        var trained = Trained(model: LogisticModel(labels: [], featureCount: 0, examples: [], targets: []), featureIndex: featureIndex,
                              featureHashes: entries.map(\.hash), featureNames: entries.map(\.name),
                              labelIndex: labelIDs.map { learnable.firstIndex(of: $0) }, keywordFeature: keywordFeature,
                              hitFeature: hitFeature)
        var vectors = readings.map { vector($0, trained: trained) }
        let targets = gold.map { set in learnable.map { set.contains($0) } }
        let lightly = Set(keywordFeature.compactMap { $0 })
        let categories = learnable.indices.filter { learnable[$0].hasPrefix("category:") }
        let phases = learnable.indices.filter { !learnable[$0].hasPrefix("category:") }
        guard settings.stackFolds > 1 && !categories.isEmpty && !phases.isEmpty else {
            trained.model = LogisticModel(labels: learnable, featureCount: entries.count, examples: vectors, targets: targets,
                                          settings: settings.model, lightlyRegularised: lightly)
            return described(trained)
        }
        // the category model (whose weights for the stacked features stay 0) and, for each part of the training
        // offers, one trained without that part: its probabilities for the part are what the phases learn from
        let parts = settings.stackFolds, count = entries.count + categories.count, base = vectors, model = settings.model
        let foldModel = { var m = model; m.epochs = settings.stackEpochs; return m }()
        let labels = categories.map { learnable[$0] }, categoryTargets = targets.map { row in categories.map { row[$0] } }
        var models = [LogisticModel?](repeating: nil, count: parts + 1)
        models.withUnsafeMutableBufferPointer { slots in
            let slots = UncheckedSendable(slots)
            DispatchQueue.concurrentPerform(iterations: parts + 1) { part in
                let chosen = base.indices.filter { part == parts || $0 % parts != part }
                slots.value[part] = LogisticModel(labels: labels, featureCount: count, examples: chosen.map { base[$0] },
                                                  targets: chosen.map { categoryTargets[$0] }, settings: part == parts ? model : foldModel,
                                                  lightlyRegularised: lightly)
            }
        }
        vectors = vectors.indices.map { i in
            Classifier.stacked(vectors[i], probabilities: labels.indices.map { models[i % parts]!.probability($0, vectors[i]) }, from: entries.count)
        }
        trained.categoryModel = models[parts]
        trained.stackedFeature = entries.count
        trained.featureNames += labels.map { "c:" + $0 }
        trained.featureHashes += labels.map { _ in 0 }
        trained.labelIndex = labelIDs.map { id in (id.hasPrefix("category:") ? labels : phases.map { learnable[$0] }).firstIndex(of: id) }
        trained.model = LogisticModel(labels: phases.map { learnable[$0] }, featureCount: count, examples: vectors,
                                      targets: targets.map { row in phases.map { row[$0] } }, settings: settings.model, lightlyRegularised: lightly)
        return described(trained)
    }

    private func described(_ trained: Trained) -> Trained {
        var trained = trained
        trained.descriptions = trained.featureNames.map(Classifier.describe)
        trained.ownKeywords = labelIDs.indices.map { label in
            Set(matcher.keywords.indices.filter { matcher.keywords[$0].labelIndex == label }.compactMap { trained.hitFeature[$0] })
        }
        return trained
    }

    // MARK: Deciding

    /// A label with its probability, from the model or (for labels the model does not know) from keywords.
    struct Candidate {
        var label: Int
        var probability: Double
        var fromModel: Bool
    }

    /// `nearMisses: false` skips the labels not given (only `explain` shows them).
    public func classify(title: String, description: String, nearMisses: Bool = true) -> Labels {
        let reading = read(title: title, description: description)
        let x = trained.map { vector(reading, trained: $0) }
        var labels = Labels()

        func candidate(_ label: Int) -> Candidate {
            if let x, let (model, i) = trained?.model(for: label, labelIDs: labelIDs) {
                return Candidate(label: label, probability: model.probability(i, x), fromModel: true)
            }
            let score = reading.keywordScore[label]
            let p = score >= settings.keywordThreshold ? 0.5 + min(score, 4) / 10 : score / settings.keywordThreshold * settings.threshold * 0.9
            return Candidate(label: label, probability: p, fromModel: false)
        }

        let phaseCount = taxonomy.phaseIDs.count
        var rounds = [("phase", 0..<phaseCount), ("category", phaseCount..<labelIDs.count)].map { prefix, range in
            let ranked = range.map(candidate).sorted { $0.probability != $1.probability ? $0.probability > $1.probability : $0.label < $1.label }
            let best = ranked.first?.probability ?? 0
            // a label needs a keyword or a word that speaks for it, not just a high prior
            let supported = ranked.filter { hasSupport($0, reading: reading, x: x) }
            var given = Array(supported.prefix { $0.probability >= settings.threshold && $0.probability >= best * settings.relative }
                .prefix(settings.maxLabels))
            if given.isEmpty, let top = supported.first, top.probability >= settings.fallback {
                given = [top]
            }
            return (prefix: prefix, ranked: ranked, best: best, given: given)
        }
        // without any keyword, an offer that is given no category gets no phase either (a choir that is "welcome" to all)
        let noCategory = !reading.hasKeywords && rounds[1].given.isEmpty
        if noCategory { rounds[0].given = [] }
        for (prefix, ranked, best, given) in rounds {
            for candidate in given.sorted(by: { $0.label < $1.label }) {
                let id = String(labelIDs[candidate.label].dropFirst(prefix.count + 1))
                if prefix == "phase" { labels.phases.append(id) } else { labels.categories.append(id) }
                labels.evidence += evidence(for: candidate.label, reading: reading, x: x, fromModel: candidate.fromModel)
            }
            guard nearMisses else { continue }
            for candidate in ranked.sorted(by: { $0.label < $1.label }) where !given.contains(where: { $0.label == candidate.label }) {
                if let miss = nearMiss(candidate, cut: candidate.probability >= settings.threshold, best: best, reading: reading, x: x,
                                       noCategory: noCategory && prefix == "phase") {
                    labels.nearMisses.append(miss)
                }
            }
        }
        return labels
    }

    /// A label needs a keyword or a word that speaks for it, and in an offer without any keyword a confident model.
    private func hasSupport(_ candidate: Candidate, reading: Reading, x: LogisticModel.Vector?) -> Bool {
        if reading.keywordScore[candidate.label] > 0 { return true }
        guard let trained, let x, let (model, i) = trained.model(for: candidate.label, labelIDs: labelIDs) else { return false }
        if !reading.hasKeywords && candidate.probability < settings.withoutKeywords { return false }
        return model.supports(i, x, above: settings.support)
    }

    private func keywordTerm(_ hit: KeywordMatcher.Hit) -> String {
        let term = matcher.keywords[hit.keyword].term
        return hit.abbreviation.map { "\(term) (from '\($0)')" } ?? term
    }

    private func evidence(for label: Int, reading: Reading, x: LogisticModel.Vector?, fromModel: Bool) -> [Evidence] {
        let id = labelIDs[label]
        var result: [Evidence] = []
        var seen = Set<String>()
        for hit in reading.hits where hit.negatedBy == nil && matcher.keywords[hit.keyword].labelIndex == label {
            let term = keywordTerm(hit)
            if seen.insert(term).inserted { result.append(Evidence(label: id, source: "keyword", term: term, field: hit.field)) }
        }
        guard fromModel, let trained, let x, let (model, i) = trained.model(for: label, labelIDs: labelIDs) else { return result }
        let own = trained.ownKeywords[label]
        let top = model.contributions(i, x)
            .filter { $0.value > 0.05 && $0.index != trained.keywordFeature[label] && !own.contains($0.index) }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.index < $1.index }
            .prefix(3)
        for (index, _) in top {
            let name = trained.featureNames[index]
            // a keyword score or category probability from the field of the label's keywords, a word from the title if it stands there
            let field = name.hasPrefix("k:") || name.hasPrefix("c:") ? self.field(of: reading) { matcher.keywords[$0].label == name.dropFirst(2) }
                : name.hasPrefix("h:") ? self.field(of: reading) { trained.hitFeature[$0] == index }
                : reading.features[trained.featureHashes[index]]?.inTitle == true ? "title" : "description"
            result.append(Evidence(label: id, source: "model", term: trained.descriptions[index], field: field))
        }
        if result.isEmpty {
            result.append(Evidence(label: id, source: "model", term: "overall wording (no single strong feature)", field: "description"))
        }
        return result
    }

    /// "title" if one of the chosen keywords (not negated) stands there, else "description".
    private func field(of reading: Reading, keywords chosen: (Int) -> Bool) -> String {
        reading.hits.contains { $0.negatedBy == nil && $0.field == "title" && chosen($0.keyword) } ? "title" : "description"
    }

    /// A feature as an advisor can read it.
    private static func describe(_ feature: String) -> String {
        if feature.hasPrefix("k:") { return "keywords of \(feature.dropFirst(2))" }
        if feature.hasPrefix("c:") { return "fits \(feature.dropFirst(2).replacingOccurrences(of: ":", with: " "))" }
        if feature.hasPrefix("h:"), let bar = feature.firstIndex(of: "|") {
            return "keyword \(feature[feature.index(after: bar)...]) of \(feature[feature.index(feature.startIndex, offsetBy: 2)..<bar])"
        }
        if feature.hasPrefix("s:") { return "\(feature.dropFirst(2))…" }
        return String(feature.dropFirst(2))
    }

    private func nearMiss(_ candidate: Candidate, cut: Bool, best: Double, reading: Reading, x: LogisticModel.Vector?,
                          noCategory: Bool = false) -> NearMiss? {
        let (label, probability, fromModel) = (candidate.label, candidate.probability, candidate.fromModel)
        let score = reading.keywordScore[label]
        let negated = reading.hits.filter { $0.negatedBy != nil && matcher.keywords[$0.keyword].labelIndex == label }
        let matched = reading.hits.filter { $0.negatedBy == nil && matcher.keywords[$0.keyword].labelIndex == label }
        guard cut || probability >= 0.15 || !negated.isEmpty || !matched.isEmpty else { return nil }
        var reasons: [String] = []
        func f(_ x: Double) -> String { String(format: "%.2f", x) }
        let unsupported = cut && !hasSupport(candidate, reading: reading, x: x)
        if noCategory && cut && !unsupported {
            reasons.append("the offer names no keyword of any label and was given no category, so it stays unclassified")
        } else if unsupported && fromModel && !reading.hasKeywords {
            reasons.append("the offer names no keyword of any label, and probability \(f(probability)) from its words alone is below \(f(settings.withoutKeywords))")
        } else if unsupported {
            reasons.append("probability \(f(probability)) comes from how common the label is, not from a keyword or word of this offer")
        } else if cut && probability < best * settings.relative {
            reasons.append("probability \(f(probability)) less than \(Int(settings.relative * 100))% of the best label's \(f(best))")
        } else if cut {
            reasons.append("probability \(f(probability)), but at most \(settings.maxLabels) labels per offer and others scored higher")
        } else if fromModel {
            reasons.append("probability \(f(probability)) below threshold \(f(settings.threshold))")
        } else {
            reasons.append("keyword score \(f(score)) below threshold \(f(settings.keywordThreshold))")
        }
        if !matched.isEmpty {
            let terms = matched.map { "'\(keywordTerm($0))' in \($0.field)" }
            reasons.append("although keyword \(terms.joined(separator: ", ")) matched")
        }
        for hit in negated {
            reasons.append("'\(keywordTerm(hit))' only mentioned after '\(hit.negatedBy!)' in \(hit.field)")
        }
        return NearMiss(label: labelIDs[label], score: fromModel ? probability : score, reason: reasons.joined(separator: "; "))
    }
}

/// Trained models by taxonomy and training data, so that classifiers for counties that share
/// the default taxonomy train once per process.
final class ModelCache: @unchecked Sendable {
    static let shared = ModelCache()
    private let lock = NSLock()
    private var models: [String: Classifier.Trained?] = [:]

    /// The model for `key`, trained by `train` on first use. Training holds the lock, so that
    /// counties analysed at the same time wait for one training instead of each training their own.
    func value(for key: String, train: () -> Classifier.Trained?) -> Classifier.Trained? {
        lock.lock(); defer { lock.unlock() }
        if let model = models[key] { return model }
        let model = train()
        models[key] = model
        return model
    }

    static func key(taxonomy: Taxonomy, training: [LabeledText], settings: Classifier.Settings) -> String {
        var parts: [String] = []
        for term in taxonomy.phases + taxonomy.categories {
            parts.append(term.id + "=" + term.keywords.map { "\($0.term)^\($0.weight)" }.joined(separator: ","))
        }
        parts.append(taxonomy.negations.joined(separator: ","))
        parts.append(taxonomy.abbreviations.map { "\($0.abbreviation)>\($0.expansion)" }.joined(separator: ","))
        parts.append(training.map(\.id).joined(separator: ","))
        parts.append(training.count.description)
        parts.append("\(settings)")
        return parts.joined(separator: "|")
    }
}
