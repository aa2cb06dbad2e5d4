/// A labeled offer for evaluation (a line of offers-dev.jsonl).
public struct LabeledText: Sendable {
    public var id: String
    public var title: String
    public var description: String
    public var phases: [String]
    public var categories: [String]

    public init(id: String, title: String, description: String, phases: [String], categories: [String]) {
        self.id = id
        self.title = title
        self.description = description
        self.phases = phases
        self.categories = categories
    }
}

public struct LabelScore: Sendable {
    public var label: String
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
    /// "missed X, gave Y instead" with counts, most frequent first.
    public var confusions: [(missed: String, given: String, count: Int)]

    public func micro(_ prefix: String? = nil) -> Double {
        var total = LabelScore(label: "micro")
        for score in labels where prefix == nil || score.label.hasPrefix(prefix! + ":") {
            total.truePositives += score.truePositives
            total.falsePositives += score.falsePositives
            total.falseNegatives += score.falseNegatives
        }
        return total.f1
    }

    public func macro(_ prefix: String? = nil) -> Double {
        let chosen = labels.filter { (prefix == nil || $0.label.hasPrefix(prefix! + ":")) && $0.support > 0 }
        return chosen.isEmpty ? 0 : chosen.map(\.f1).reduce(0, +) / Double(chosen.count)
    }

    public var text: String {
        func f(_ x: Double) -> String { x.formatted(digits: 3) }
        var lines = ["\(items) offers", "", "label                      precision  recall  f1     support"]
        for score in labels {
            let name = score.label.padding(toLength: 26, withPad: " ", startingAt: 0)
            lines.append("\(name) \(f(score.precision))      \(f(score.recall))   \(f(score.f1))  \(score.support)")
        }
        lines.append("")
        for prefix in ["phase", "category"] {
            lines.append("\(prefix): micro-F1 \(f(micro(prefix))), macro-F1 \(f(macro(prefix)))")
        }
        lines.append("all: micro-F1 \(f(micro())), macro-F1 \(f(macro()))")
        if !confusions.isEmpty {
            lines.append("")
            lines.append("most frequent mistakes (missed → given instead):")
            for confusion in confusions.prefix(10) {
                lines.append("  \(confusion.count)× \(confusion.missed) → \(confusion.given)")
            }
        }
        return lines.joined(separator: "\n")
    }

    public var json: JSON {
        .object([
            "offers": .int(items),
            "labels": .array(labels.map { score in
                .object(["label": .string(score.label), "precision": .double(score.precision), "recall": .double(score.recall),
                         "f1": .double(score.f1), "support": .int(score.support)])
            }),
            "micro_f1": .object(["phases": .double(micro("phase")), "categories": .double(micro("category")), "all": .double(micro())]),
            "macro_f1": .object(["phases": .double(macro("phase")), "categories": .double(macro("category")), "all": .double(macro())]),
            "confusions": .array(confusions.prefix(20).map { .object(["missed": .string($0.missed), "given": .string($0.given), "count": .int($0.count)]) }),
        ])
    }
}

public enum Evaluation {
    public static func run(_ classifier: Classifier, on items: [LabeledText]) -> EvaluationReport {
        var scores: [String: LabelScore] = [:]
        var confusions: [String: Int] = [:]
        let order = classifier.taxonomy.phaseIDs.map { "phase:\($0)" } + classifier.taxonomy.categoryIDs.map { "category:\($0)" }
        for label in order { scores[label] = LabelScore(label: label) }
        for item in items {
            let labels = classifier.classify(title: item.title, description: item.description)
            for (prefix, gold, predicted) in [("phase", item.phases, labels.phases), ("category", item.categories, labels.categories)] {
                let goldSet = Set(gold.map { "\(prefix):\($0)" }), predictedSet = Set(predicted.map { "\(prefix):\($0)" })
                for label in goldSet.union(predictedSet) {
                    var score = scores[label] ?? LabelScore(label: label)
                    if goldSet.contains(label) && predictedSet.contains(label) { score.truePositives += 1 }
                    else if predictedSet.contains(label) { score.falsePositives += 1 }
                    else { score.falseNegatives += 1 }
                    scores[label] = score
                }
                let missed = goldSet.subtracting(predictedSet), extra = predictedSet.subtracting(goldSet)
                for m in missed { for e in extra.isEmpty ? ["(nothing)"] : Array(extra) { confusions["\(m)|\(e)", default: 0] += 1 } }
                if missed.isEmpty { for e in extra { confusions["(nothing)|\(e)", default: 0] += 1 } }
            }
        }
        let ordered = order.compactMap { scores[$0] } + scores.keys.filter { !order.contains($0) }.sorted().map { scores[$0]! }
        let sortedConfusions = confusions.map { (key, count) -> (missed: String, given: String, count: Int) in
            let parts = key.split(separator: "|").map(String.init)
            return (parts[0], parts[1], count)
        }.sorted { a, b in a.count != b.count ? a.count > b.count : (a.missed, a.given) < (b.missed, b.given) }
        return EvaluationReport(items: items.count, labels: ordered, confusions: sortedConfusions)
    }
}

import Foundation
