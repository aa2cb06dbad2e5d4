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
    let abbreviations: [String: [String]]
    /// "phase:ID" / "category:ID" in taxonomy order
    let labelIDs: [String]
    let trained: Trained?

    struct Settings: Sendable {
        /// a label is given from this probability on
        var threshold = 0.35
        /// when no label reaches the threshold, the best one is still given from here on
        var fallback = 0.2
        /// ... and, without a keyword, a single word adding this much to its logit
        var support = 0.3
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
        var textScale = 1.0
        /// character n-grams of words (0: none)
        var charGrams = 0
        var stems = true
        var stemLength = 6
        var model = LogisticModel.Settings()
        var useModel = true
    }

    /// The model and its vocabulary.
    struct Trained: Sendable {
        var model: LogisticModel
        var featureIndex: [String: Int]
        var featureNames: [String]
        /// label id → index in model.labels
        var labelIndex: [String: Int]
    }

    public init(taxonomy: Taxonomy) {
        self.init(taxonomy: taxonomy, training: TrainingData.offers)
    }

    public init(taxonomy: Taxonomy, training: [LabeledText]) {
        self.init(taxonomy: taxonomy, training: training, settings: Settings())
    }

    init(taxonomy: Taxonomy, training: [LabeledText], settings: Settings) {
        var abbreviations: [String: [String]] = [:]
        for (short, long) in taxonomy.abbreviations {
            abbreviations[TextNormalizer.normalize(short)] = TextNormalizer.tokens(long).map(\.text)
        }
        let base = Classifier(taxonomy: taxonomy, settings: settings, matcher: KeywordMatcher(taxonomy: taxonomy),
                              abbreviations: abbreviations,
                              labelIDs: taxonomy.phaseIDs.map { "phase:\($0)" } + taxonomy.categoryIDs.map { "category:\($0)" },
                              trained: nil)
        guard settings.useModel, !training.isEmpty else { self = base; return }
        let key = ModelCache.key(taxonomy: taxonomy, training: training, settings: settings)
        if let cached = ModelCache.shared.get(key) {
            self = base.with(cached)
        } else {
            let trained = base.train(training)
            ModelCache.shared.set(key, trained)
            self = base.with(trained)
        }
    }

    private init(taxonomy: Taxonomy, settings: Settings, matcher: KeywordMatcher, abbreviations: [String: [String]], labelIDs: [String], trained: Trained?) {
        self.taxonomy = taxonomy
        self.settings = settings
        self.matcher = matcher
        self.abbreviations = abbreviations
        self.labelIDs = labelIDs
        self.trained = trained
    }

    private init(_ other: Classifier, trained: Trained?) {
        self.init(taxonomy: other.taxonomy, settings: other.settings, matcher: other.matcher, abbreviations: other.abbreviations,
                  labelIDs: other.labelIDs, trained: trained)
    }

    private func with(_ trained: Trained?) -> Classifier { Classifier(self, trained: trained) }

    // MARK: Reading one text

    /// What the classifier sees in one offer.
    struct Reading {
        var hits: [KeywordMatcher.Hit] = []
        /// label → keyword score (non-negated hits)
        var keywordScore: [String: Double] = [:]
        /// feature name → value (before scaling) and whether it occurs in the title
        var features: [String: (value: Double, inTitle: Bool)] = [:]
    }

    func read(title: String, description: String) -> Reading {
        var reading = Reading()
        for (field, text) in [("title", title), ("description", description)] {
            let tokens = TextNormalizer.tokens(text, abbreviations: abbreviations)
            let bytes = tokens.map { Array($0.text.utf8) }
            let joined = tokens.map { $0.joined.map { Array($0.utf8) } }
            let hits = matcher.hits(tokens, bytes: bytes, joined: joined, field: field)
            reading.hits += hits
            let fieldValue = field == "title" ? 1.0 : 1.0
            func add(_ name: String) {
                var entry = reading.features[name] ?? (0, false)
                if field == "title" {
                    if !entry.inTitle { entry.value += fieldValue; entry.inTitle = true }
                } else if entry.value == 0 || entry.inTitle && entry.value < 2 {
                    entry.value += 1
                }
                reading.features[name] = entry
            }
            for token in tokens {
                for word in [token.text] + (token.joined.map { [$0] } ?? []) where word.count > 2 && !Classifier.stopwords.contains(word) {
                    add("w:" + word)
                    if settings.stems && word.count > settings.stemLength { add("s:" + word.prefix(settings.stemLength)) }
                    if settings.charGrams > 0 && word.count > settings.charGrams {
                        let characters = Array(word)
                        for start in 0...(characters.count - settings.charGrams) {
                            add("c:" + String(characters[start..<(start + settings.charGrams)]))
                        }
                    }
                }
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
            reading.keywordScore[matcher.keywords[index].label, default: 0] += value
        }
        return reading
    }

    /// Function words that say nothing about a label (folded), kept out of the model's features.
    static let stopwords: Set<String> = Set("""
        aber als also am an auch auf aus bei beim bis da das dass dem den der des die dies diese diesem diesen dieser doch du dir dich
        ein eine einem einen einer eines er es etwa fur ihr ihre ihrem ihren ihrer ihnen ich im in ist ja jede jeden jeder kann konnen
        man mit nach noch nur oder ob sich sie sind so sowie uber um und uns unser unsere unseren unserer vom von vor war was wenn
        werden wer wie wir wird wo zu zum zur zwei drei mehr sehr ganze ganzen
        the and for with you your our are is to of in on at by an or from this that can will be as it we all any
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { TextNormalizer.normalize(String($0)) })

    /// Text features scaled to unit length, plus one feature per label's keyword score.
    func vector(_ reading: Reading, index: [String: Int]) -> LogisticModel.Vector {
        var pairs: [(Int, Double)] = []
        var norm = 0.0
        for (name, entry) in reading.features {
            guard let i = index[name] else { continue }
            pairs.append((i, entry.value))
            norm += entry.value * entry.value
        }
        norm = norm.squareRoot()
        if norm > 0 { pairs = pairs.map { ($0.0, $0.1 / norm * settings.textScale) } }
        for (label, score) in reading.keywordScore {
            guard let i = index["k:" + label] else { continue }
            pairs.append((i, min(score, 4) / 2))
        }
        pairs.sort { $0.0 < $1.0 }
        return LogisticModel.Vector(indices: pairs.map(\.0), values: pairs.map(\.1))
    }

    private func train(_ training: [LabeledText]) -> Trained? {
        let readings = training.map { read(title: $0.title, description: $0.description) }
        var counts: [String: Int] = [:]
        for reading in readings { for name in reading.features.keys { counts[name, default: 0] += 1 } }
        var names = counts.filter { $0.value >= settings.minCount }.map(\.key)
        names += labelIDs.map { "k:" + $0 }
        names.sort()
        var featureIndex: [String: Int] = [:]
        for (i, name) in names.enumerated() { featureIndex[name] = i }
        // labels the data knows well enough to learn
        let gold = training.map { Set($0.phases.map { "phase:\($0)" } + $0.categories.map { "category:\($0)" }) }
        let learnable = labelIDs.filter { label in gold.filter { $0.contains(label) }.count >= 3 }
        guard !learnable.isEmpty else { return nil }
        let vectors = readings.map { vector($0, index: featureIndex) }
        let targets = gold.map { set in learnable.map { set.contains($0) } }
        let keywordFeatures = Set(labelIDs.compactMap { featureIndex["k:" + $0] })
        let model = LogisticModel(labels: learnable, featureCount: names.count, examples: vectors, targets: targets, settings: settings.model,
                                  lightlyRegularised: keywordFeatures)
        var labelIndex: [String: Int] = [:]
        for (i, label) in learnable.enumerated() { labelIndex[label] = i }
        return Trained(model: model, featureIndex: featureIndex, featureNames: names, labelIndex: labelIndex)
    }

    // MARK: Deciding

    public func classify(title: String, description: String) -> Labels {
        let reading = read(title: title, description: description)
        let x = trained.map { vector(reading, index: $0.featureIndex) }
        var labels = Labels()

        struct Candidate {
            var label: String
            var order: Int
            var probability: Double
            var fromModel: Bool
        }
        func candidates(_ prefix: String) -> [Candidate] {
            labelIDs.enumerated().filter { $0.element.hasPrefix(prefix + ":") }.map { order, label in
                if let trained, let x, let i = trained.labelIndex[label] {
                    return Candidate(label: label, order: order, probability: 1 / (1 + exp(-trained.model.logit(i, x))), fromModel: true)
                }
                let score = reading.keywordScore[label] ?? 0
                let p = score >= settings.keywordThreshold ? 0.5 + min(score, 4) / 10 : score / settings.keywordThreshold * settings.threshold * 0.9
                return Candidate(label: label, order: order, probability: p, fromModel: false)
            }
        }

        for prefix in ["phase", "category"] {
            let ranked = candidates(prefix).sorted { $0.probability != $1.probability ? $0.probability > $1.probability : $0.order < $1.order }
            let best = ranked.first?.probability ?? 0
            // a label needs a keyword or a word that speaks for it, not just a high prior
            let supported = ranked.filter { hasSupport($0.label, reading: reading, x: x) }
            var given = Array(supported.prefix { $0.probability >= settings.threshold && $0.probability >= best * settings.relative }
                .prefix(settings.maxLabels))
            if given.isEmpty, let top = supported.first, top.probability >= settings.fallback {
                given = [top]
            }
            let givenIDs = Set(given.map(\.label))
            for candidate in given.sorted(by: { $0.order < $1.order }) {
                let id = String(candidate.label.dropFirst(prefix.count + 1))
                if prefix == "phase" { labels.phases.append(id) } else { labels.categories.append(id) }
                labels.evidence += evidence(for: candidate.label, reading: reading, x: x, fromModel: candidate.fromModel)
            }
            for candidate in ranked.sorted(by: { $0.order < $1.order }) where !givenIDs.contains(candidate.label) {
                if let miss = nearMiss(candidate.label, probability: candidate.probability, fromModel: candidate.fromModel,
                                       cut: candidate.probability >= settings.threshold, best: best, reading: reading) {
                    labels.nearMisses.append(miss)
                }
            }
        }
        return labels
    }

    /// A label given as the best of weak candidates needs a keyword or a word that speaks for it.
    private func hasSupport(_ label: String, reading: Reading, x: LogisticModel.Vector?) -> Bool {
        if (reading.keywordScore[label] ?? 0) > 0 { return true }
        guard let trained, let x, let i = trained.labelIndex[label] else { return false }
        return trained.model.contributions(i, x).contains { $0.value > settings.support }
    }

    private func keywordTerm(_ hit: KeywordMatcher.Hit) -> String {
        let term = matcher.keywords[hit.keyword].term
        return hit.abbreviation.map { "\(term) (from '\($0)')" } ?? term
    }

    private func evidence(for label: String, reading: Reading, x: LogisticModel.Vector?, fromModel: Bool) -> [Evidence] {
        var result: [Evidence] = []
        var seen = Set<String>()
        for hit in reading.hits where hit.negatedBy == nil && matcher.keywords[hit.keyword].label == label {
            let term = keywordTerm(hit)
            if seen.insert(term).inserted { result.append(Evidence(label: label, source: "keyword", term: term, field: hit.field)) }
        }
        guard fromModel, let trained, let x, let i = trained.labelIndex[label] else { return result }
        let top = trained.model.contributions(i, x)
            .filter { $0.value > 0.05 && trained.featureNames[$0.index] != "k:" + label }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.index < $1.index }
            .prefix(3)
        for (index, _) in top {
            let name = trained.featureNames[index]
            let field = reading.features[name]?.inTitle == true ? "title" : "description"
            result.append(Evidence(label: label, source: "model", term: describe(name), field: field))
        }
        if result.isEmpty {
            result.append(Evidence(label: label, source: "model", term: "overall wording (no single strong feature)", field: "description"))
        }
        return result
    }

    /// A feature as an advisor can read it.
    private func describe(_ feature: String) -> String {
        if feature.hasPrefix("k:") { return "keywords of \(feature.dropFirst(2))" }
        if feature.hasPrefix("s:") { return "\(feature.dropFirst(2))…" }
        if feature.hasPrefix("c:") { return "…\(feature.dropFirst(2))…" }
        return String(feature.dropFirst(2))
    }

    private func nearMiss(_ label: String, probability: Double, fromModel: Bool, cut: Bool, best: Double, reading: Reading) -> NearMiss? {
        let score = reading.keywordScore[label] ?? 0
        let negated = reading.hits.filter { $0.negatedBy != nil && matcher.keywords[$0.keyword].label == label }
        let matched = reading.hits.filter { $0.negatedBy == nil && matcher.keywords[$0.keyword].label == label }
        guard cut || probability >= 0.15 || !negated.isEmpty || !matched.isEmpty else { return nil }
        var reasons: [String] = []
        func f(_ x: Double) -> String { String(format: "%.2f", x) }
        if cut && !hasSupport(label, reading: reading, x: trained.map { vector(reading, index: $0.featureIndex) }) {
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
        return NearMiss(label: label, score: fromModel ? probability : score, reason: reasons.joined(separator: "; "))
    }
}

/// Trained models by taxonomy and training data, so that classifiers for counties that share
/// the default taxonomy train once per process.
final class ModelCache: @unchecked Sendable {
    static let shared = ModelCache()
    private let lock = NSLock()
    private var models: [String: Classifier.Trained?] = [:]

    func get(_ key: String) -> Classifier.Trained?? {
        lock.lock(); defer { lock.unlock() }
        return models[key]
    }

    func set(_ key: String, _ value: Classifier.Trained?) {
        lock.lock(); defer { lock.unlock() }
        models[key] = value
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
