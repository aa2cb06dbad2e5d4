import OfferMapModel
/// A labeled offer for evaluation (a line of offers-dev.jsonl).
public struct LabeledText: Sendable {
    public var id: String
    public var title: String
    public var description: String
    public var phases: [PhaseID]
    public var categories: [CategoryID]
    /// who wrote it: a file of data/, or one writer of it ("offers-dev-2/a")
    public var source: String

    public init(id: String, title: String, description: String, phases: [PhaseID], categories: [CategoryID], source: String = "") {
        self.source = source
        self.id = id
        self.title = title
        self.description = description
        self.phases = phases
        self.categories = categories
    }
}

public struct LabelScore: Sendable {
    /// a label, or nil for a sum over labels
    public var label: Label?
    public var truePositives = 0, falsePositives = 0, falseNegatives = 0

    public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
    public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    public var support: Int { truePositives + falseNegatives }
}

func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }

/// Per-label precision, recall and F1; micro and macro F1; the most frequent mistakes.
public struct EvaluationReport: Sendable {
    public var items: Int
    public var labels: [LabelScore]
    /// "missed X, gave Y instead" with counts, most frequent first; nil for nothing.
    public var confusions: [(missed: Label?, given: Label?, count: Int)]
    /// Every label given, with its probability and whether it was right: for the reliability table.
    public var given: [Prediction] = []
    /// The offers with a wrong or missing label: id, gold labels, labels given (`eval --only … --mistakes`).
    public var mistakes: [Mistake] = []

    public struct Mistake: Sendable {
        public var id: String
        public var gold: [Label]
        public var given: [Label]
    }

    public struct Prediction: Sendable {
        public var label: Label
        public var probability: Double
        public var correct: Bool
    }

    /// Which labels a figure sums over.
    public enum Scope: CaseIterable, Sendable {
        case phases, categories, all

        func contains(_ label: Label?) -> Bool {
            switch self {
            case .phases: label?.isPhase == true
            case .categories: label?.isPhase == false
            case .all: true
            }
        }
    }

    public func micro(_ scope: Scope = .all) -> Double {
        var total = LabelScore(label: nil)
        for score in labels where scope.contains(score.label) {
            total.truePositives += score.truePositives
            total.falsePositives += score.falsePositives
            total.falseNegatives += score.falseNegatives
        }
        return total.f1
    }

    public func macro(_ scope: Scope = .all) -> Double {
        let chosen = labels.filter { scope.contains($0.label) && $0.support > 0 }
        return chosen.isEmpty ? 0 : chosen.map(\.f1).reduce(0, +) / Double(chosen.count)
    }

    public var text: String {
        func f(_ x: Double) -> String { x.formatted(digits: 3) }
        var lines = ["\(items) offers", "", "label                      precision  recall  f1     support"]
        for score in labels {
            let name = (score.label?.qualified ?? "").padding(toLength: 26, withPad: " ", startingAt: 0)
            lines.append("\(name) \(f(score.precision))      \(f(score.recall))   \(f(score.f1))  \(score.support)")
        }
        lines.append("")
        for (name, scope) in [("phase", Scope.phases), ("category", .categories)] {
            lines.append("\(name): micro-F1 \(f(micro(scope))), macro-F1 \(f(macro(scope)))")
        }
        lines.append("all: micro-F1 \(f(micro())), macro-F1 \(f(macro()))")
        if !confusions.isEmpty {
            lines.append("")
            lines.append("most frequent mistakes (missed → given instead):")
            for confusion in confusions.prefix(10) {
                lines.append("  \(confusion.count)× \(EvaluationReport.name(confusion.missed)) → \(EvaluationReport.name(confusion.given))")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func name(_ label: Label?) -> String { label?.qualified ?? "(nothing)" }

    public var json: JSON {
        .object([
            "offers": .int(items),
            "labels": .array(labels.map { score in
                .object(["label": .string(EvaluationReport.name(score.label)), "precision": .double(score.precision), "recall": .double(score.recall),
                         "f1": .double(score.f1), "support": .int(score.support)])
            }),
            "micro_f1": .object(["phases": .double(micro(.phases)), "categories": .double(micro(.categories)), "all": .double(micro())]),
            "macro_f1": .object(["phases": .double(macro(.phases)), "categories": .double(macro(.categories)), "all": .double(macro())]),
            "confusions": .array(confusions.prefix(20).map {
                .object(["missed": .string(EvaluationReport.name($0.missed)), "given": .string(EvaluationReport.name($0.given)), "count": .int($0.count)])
            }),
        ])
    }
}

public enum Evaluation {
    public static func run(_ classifier: Classifier, on items: [LabeledText]) -> EvaluationReport {
        var scores: [Label: LabelScore] = [:]
        var confusions: [Pair: Int] = [:]
        var given: [EvaluationReport.Prediction] = []
        var mistakes: [EvaluationReport.Mistake] = []
        let order = classifier.taxonomy.labels
        for label in order { scores[label] = LabelScore(label: label) }
        for item in items {
            let labels = classifier.classify(title: item.title, description: item.description, nearMisses: false)
            for label in labels.all {
                given.append(.init(label: label, probability: labels.probabilities[label] ?? 0,
                                   correct: item.phases.map(Label.phase).contains(label) || item.categories.map(Label.category).contains(label)))
            }
            let gold = item.phases.map(Label.phase) + item.categories.map(Label.category)
            if Set(gold) != Set(labels.all) { mistakes.append(.init(id: item.id, gold: gold, given: labels.all)) }
            for (gold, predicted) in [(item.phases.map(Label.phase), labels.phases.map(Label.phase)),
                                      (item.categories.map(Label.category), labels.categories.map(Label.category))] {
                let goldSet = Set(gold), predictedSet = Set(predicted)
                for label in goldSet.union(predictedSet) {
                    var score = scores[label] ?? LabelScore(label: label)
                    if goldSet.contains(label) && predictedSet.contains(label) { score.truePositives += 1 }
                    else if predictedSet.contains(label) { score.falsePositives += 1 }
                    else { score.falseNegatives += 1 }
                    scores[label] = score
                }
                let missed = goldSet.subtracting(predictedSet), extra = predictedSet.subtracting(goldSet)
                for m in missed { for e in extra.isEmpty ? [nil] : extra.map(Optional.some) { confusions[Pair(missed: m, given: e), default: 0] += 1 } }
                if missed.isEmpty { for e in extra { confusions[Pair(missed: nil, given: e), default: 0] += 1 } }
            }
        }
        let ordered = order.compactMap { scores[$0] } + scores.keys.filter { !order.contains($0) }.sorted().map { scores[$0]! }
        return EvaluationReport(items: items.count, labels: ordered, confusions: sortedConfusions(confusions), given: given,
                                mistakes: mistakes)
    }

    struct Pair: Hashable {
        var missed: Label?
        var given: Label?
    }

    /// Most frequent first, then by the labels' written names.
    static func sortedConfusions(_ counts: [Pair: Int]) -> [(missed: Label?, given: Label?, count: Int)] {
        counts.map { (missed: $0.key.missed, given: $0.key.given, count: $0.value) }.sorted { a, b in
            a.count != b.count ? a.count > b.count
                : (EvaluationReport.name(a.missed), EvaluationReport.name(a.given)) < (EvaluationReport.name(b.missed), EvaluationReport.name(b.given))
        }
    }
}
