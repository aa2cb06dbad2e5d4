import Foundation
import OfferMapModel

/// Derives phases and categories from an offer's title and description.
///
/// Two parts, both computed once in `init`:
/// - the taxonomy's weighted keywords (folded for case, umlauts, hyphens and compounds;
///   abbreviations expanded; a keyword right after a negation such as "keine" only counts as mentioned);
/// - a one-vs-rest logistic regression over words, word stems and the keyword scores,
///   trained on the labeled offers shipped with the tool (`TrainingData`). It learns how far
///   to trust each keyword score and fills in what the keywords do not cover.
/// Labels the shipped data does not know (a county's own ids) are decided by keywords alone.
///
/// Reading an offer is in Features.swift, training in Training.swift, choosing the labels in
/// Decision.swift and the evidence for them in Explanation.swift.
public struct Classifier: Sendable {
    public let taxonomy: Taxonomy
    let settings: Settings
    let matcher: KeywordMatcher
    let abbreviations: TextNormalizer.Abbreviations
    /// phases, then categories, in taxonomy order; a label's position here is its index everywhere
    let labels: [Label]
    var trained: Trained?

    struct Settings: Sendable {
        /// a label is given from this probability on
        var threshold = 0.35
        /// when no label reaches the threshold, the best one is still given from here on
        var fallback = 0.2
        /// ... and, without a keyword, a single word adding this much to its logit
        var support = 0.5
        /// in an offer without any keyword of any label, the model needs this probability: a word
        /// alone ("Familie", "evening") does not make a summer fest an offer of advice. 1: never, such an offer is
        /// listed for review (with L2 0.00005 two words such as "evening" and "welcome" reach 0.99 for a choir)
        var withoutKeywords = 1.0
        /// keyword score a label needs when no model knows it
        var keywordThreshold = 1.0
        /// a keyword in the title counts this much more
        var titleFactor = 2.5
        var maxLabels = 3
        /// a second or third label needs at least this share of the best label's probability
        var relative = 0.7
        /// the same four for the categories (threshold, relative, fallback and support above are the phases')
        var categoryThreshold = 0.35
        var categoryRelative = 0.7
        var categoryFallback = 0.2
        var categorySupport = 0.5
        /// categories of one concrete topic, which an offer names when it serves it, are given from a lower
        /// probability and share of the best: at the cut above they were rarely given wrongly (precision .95–1.0) but
        /// often missed (recall .70–.93). Not `recht`, whose topic is often only mentioned (precision .86).
        /// Leave one source out, categories: dev .928 → .928, a .874 → .881, b .848 → .869 (`eval --set topicThreshold=…`,
        /// `topic.sprache=0` to leave one out)
        /// (a list, not a set: these settings' description is part of the key of the shipped weights, and a set's order changes from run to run)
        var topicCategories = ["finanzierung", "aufenthalt", "anerkennung", "sprache", "raeume"]
        var topicThreshold = 0.1
        var topicRelative = 0.3
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
        /// L2 0.00005 (was 0.0005): leave-one-source-out mean of dev, a, b .810/.857 → .828/.874
        var model = LogisticModel.Settings(l2: 0.00005)
        /// the category model's L2 factor for the keyword scores (the phase model uses `model.keywordL2Factor`):
        /// 5 holds the category keyword scores back, so the words weigh more (categories .877 → .885 on dev, a, b)
        var categoryKeywordL2Factor = 5.0
        /// in training, an offer labeled by people (`SourceValidation.isHuman`) counts this many times
        var humanWeight = 1.0
        var useModel = true
        /// Platt scaling (slope, intercept on the log-odds) per kind, fitted on leave-one-source-out predictions of the
        /// labels given (`offermap eval --calibrate`): the model's own probabilities run high (positive examples weigh 3×).
        /// Fitted with L2 0.00005 and categoryKeywordL2Factor 5: expected calibration error 0.041 → 0.009.
        var calibration = Calibration(phases: (0.520, 0.037), categories: (0.502, 1.148))

        /// These settings with some changed by name ("threshold=0.4"), for trying settings without a rebuild (`eval --set`).
        func with(_ overrides: [String: Double]) -> Settings {
            var s = self
            for (key, value) in overrides {
                switch key {
                case "threshold": s.threshold = value
                case "fallback": s.fallback = value
                case "support": s.support = value
                case "withoutKeywords": s.withoutKeywords = value
                case "titleFactor": s.titleFactor = value
                case "maxLabels": s.maxLabels = Int(value)
                case "relative": s.relative = value
                case "categoryThreshold": s.categoryThreshold = value
                case "categoryRelative": s.categoryRelative = value
                case "categoryFallback": s.categoryFallback = value
                case "categorySupport": s.categorySupport = value
                case "topicThreshold": s.topicThreshold = value
                case "topicRelative": s.topicRelative = value
                case let topic where topic.hasPrefix("topic."):
                    let id = String(topic.dropFirst(6))
                    s.topicCategories.removeAll { $0 == id }
                    if value > 0 { s.topicCategories.append(id) }
                case "minCount": s.minCount = Int(value)
                case "textScale": s.textScale = value
                case "keywordHitScale": s.keywordHitScale = value
                case "stackFolds": s.stackFolds = Int(value)
                case "stackEpochs": s.stackEpochs = Int(value)
                case "stemLength": s.stemLength = Int(value)
                case "epochs": s.model.epochs = Int(value)
                case "learningRate": s.model.learningRate = value
                case "l2": s.model.l2 = value
                case "positiveWeight": s.model.positiveWeight = value
                case "keywordL2Factor": s.model.keywordL2Factor = value
                case "humanWeight": s.humanWeight = value
                case "categoryKeywordL2Factor": s.categoryKeywordL2Factor = value
                default: fatalError("unknown setting \(key)")
                }
            }
            return s
        }

        /// The decision's settings for phases or for categories.
        func cut(phase: Bool) -> (threshold: Double, relative: Double, fallback: Double, support: Double) {
            phase ? (threshold, relative, fallback, support) : (categoryThreshold, categoryRelative, categoryFallback, categorySupport)
        }

        /// The probability and share of the best probability from which `label` is given.
        func cut(_ label: Label) -> (threshold: Double, relative: Double) {
            if let id = label.category, topicCategories.contains(id.rawValue) { return (topicThreshold, topicRelative) }
            let cut = cut(phase: label.isPhase)
            return (cut.threshold, cut.relative)
        }

        struct Calibration: Sendable, CustomStringConvertible {
            var phases = (1.0, 0.0)
            var categories = (1.0, 0.0)
            var description: String { "\(phases) \(categories)" }
        }
    }

    /// The model and its vocabulary. Features are found by a 64-bit hash of their name, so that
    /// reading an offer builds no strings.
    struct Trained: Sendable {
        /// the phases, reading the category probabilities too (all labels when `categoryModel` is nil)
        var model: LogisticModel
        /// the categories, from words and keywords; its probabilities are features of `model` from `stackedFeature` on
        var categoryModel: LogisticModel?
        var stackedFeature = Int.max
        var featureIndex: [UInt64: Int]
        var featureHashes: [UInt64]
        /// by feature: what it is, for the evidence
        var features: [ModelFeature]
        /// by label position: the features of the label's own keywords (listed as keyword evidence already)
        var ownKeywords: [Set<Int>] = []
        /// by label position: index in the labels of its model, if a model learned the label
        var labelIndex: [Int?]
        /// by label position: the feature that carries the label's keyword score
        var keywordFeature: [Int?]
        /// by keyword (matcher.keywords): the feature of the keyword itself, if the training offers have it
        var hitFeature: [Int?]

        /// The model that learned the label at `label`, and the label's index there.
        func model(for label: Int, labels: [Label]) -> (model: LogisticModel, index: Int)? {
            guard let i = labelIndex[label] else { return nil }
            if let categoryModel, !labels[label].isPhase { return (categoryModel, i) }
            return (model, i)
        }
    }

    /// Trains on `training`, which takes a while (about a second for the shipped offers): build one classifier per
    /// taxonomy and share it, or use the weights trained when offermap was built (`ShippedClassifier`).
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
        self.taxonomy = taxonomy
        self.settings = settings
        self.matcher = KeywordMatcher(taxonomy: taxonomy)
        self.abbreviations = abbreviations
        self.labels = taxonomy.labels
        self.trained = nil
        if settings.useModel && !training.isEmpty { trained = train(training) }
    }
}

extension Classifier {
    /// What of a taxonomy the classifier reads: taxonomies with the same key give the same classifier.
    public static func key(_ taxonomy: Taxonomy) -> String {
        var parts: [String] = []
        for term in taxonomy.phases + taxonomy.categories {
            parts.append(term.id + "=" + term.keywords.map { "\($0.term)^\($0.weight)" }.joined(separator: ","))
        }
        parts.append(taxonomy.negations.joined(separator: ","))
        parts.append(taxonomy.abbreviations.map { "\($0.abbreviation)>\($0.expansion)" }.joined(separator: ","))
        return parts.joined(separator: "|")
    }
}
