import Foundation
import OfferMapModel
/// k-fold cross-validation of the classifier on labeled offers: the model is trained on
/// k−1 folds and evaluated on the one left out, so the figures say how it does on offers
/// it has not seen. Folds are fixed (no randomness): offers are grouped by id prefix
/// ("web", "notes"), ordered by an FNV-1a hash of their id (after `shuffle`, for other
/// assignments), and dealt out in turn.
public enum CrossValidation {
    /// The fold (0..<k) of each item, in item order.
    public static func folds(_ items: [LabeledText], k: Int = 5, shuffle: Int = 0) -> [Int] {
        let salt = shuffle == 0 ? "" : "\(shuffle):"
        var groups: [String: [Int]] = [:]
        for (index, item) in items.enumerated() {
            groups[String(item.id.split(separator: "-").first ?? ""), default: []].append(index)
        }
        var fold = [Int](repeating: 0, count: items.count)
        for key in groups.keys.sorted() {
            let ordered = groups[key]!.sorted { (FNV1a.hash((salt + items[$0].id).utf8), items[$0].id) < (FNV1a.hash((salt + items[$1].id).utf8), items[$1].id) }
            for (position, index) in ordered.enumerated() { fold[index] = position % k }
        }
        return fold
    }

    /// Held-out figures: every item is classified by a model trained without its fold.
    /// `extra` offers are always trained on and never evaluated.
    /// `only` restricts the evaluation to some folds (the others still train).
    /// `repeats` > 1 adds other assignments of the offers to folds and counts every classification
    /// of every repeat: with 160 offers one assignment alone moves the F1 by ±0.01.
    public static func run(taxonomy: Taxonomy, items: [LabeledText], extra: [LabeledText], k: Int = 5, only: Set<Int>? = nil,
                           repeats: Int = 1) -> EvaluationReport {
        run(taxonomy: taxonomy, items: items, extra: extra, k: k, only: only, settings: Classifier.Settings(), repeats: repeats)
    }

    static func run(taxonomy: Taxonomy, items: [LabeledText], extra: [LabeledText], k: Int, only: Set<Int>?,
                    settings: Classifier.Settings, repeats: Int = 1) -> EvaluationReport {
        var reports: [EvaluationReport] = []
        for (shuffle, f) in (0..<max(repeats, 1)).flatMap({ r in (0..<k).map { (r, $0) } }) where only?.contains(f) ?? true {
            let fold = folds(items, k: k, shuffle: shuffle)
            let training = extra + items.indices.filter { fold[$0] != f }.map { items[$0] }
            let test = items.indices.filter { fold[$0] == f }.map { items[$0] }
            let classifier = Classifier(taxonomy: taxonomy, training: training, settings: settings)
            reports.append(Evaluation.run(classifier, on: test))
        }
        return merge(reports)
    }

    /// Several reports as one.
    public static func merged(_ reports: [EvaluationReport]) -> EvaluationReport { merge(reports) }

    static func merge(_ reports: [EvaluationReport]) -> EvaluationReport {
        var order: [Label?] = []
        var scores: [Label?: LabelScore] = [:]
        var confusions: [Evaluation.Pair: Int] = [:]
        for report in reports {
            for score in report.labels {
                if scores[score.label] == nil { order.append(score.label); scores[score.label] = LabelScore(label: score.label) }
                scores[score.label]!.truePositives += score.truePositives
                scores[score.label]!.falsePositives += score.falsePositives
                scores[score.label]!.falseNegatives += score.falseNegatives
            }
            for c in report.confusions { confusions[Evaluation.Pair(missed: c.missed, given: c.given), default: 0] += c.count }
        }
        return EvaluationReport(items: reports.map(\.items).reduce(0, +), labels: order.map { scores[$0]! },
                                confusions: Evaluation.sortedConfusions(confusions), given: reports.flatMap(\.given),
                                mistakes: reports.flatMap(\.mistakes))
    }
}

/// Leave one source out: a model trained on every other source classifies the offers of one writer it has never read.
/// This is the figure that predicts new text; cross-validation within the dev offers overstates it.
public enum SourceValidation {
    /// The sources written and labeled by people (the headline); the others are the project's own written sets.
    public static func isHuman(_ source: String) -> Bool { source.hasPrefix("offers-dev") }

    /// Per held-out source, in name order.
    public static func run(taxonomy: Taxonomy, items: [LabeledText], only: Set<String>? = nil) -> [(source: String, report: EvaluationReport)] {
        run(taxonomy: taxonomy, items: items, only: only, settings: Classifier.Settings())
    }

    /// The same with some settings changed by name (`offermap eval --set threshold=0.4`).
    public static func run(taxonomy: Taxonomy, items: [LabeledText], only: Set<String>?, overrides: [String: Double])
        -> [(source: String, report: EvaluationReport)] {
        run(taxonomy: taxonomy, items: items, only: only, settings: Classifier.Settings().with(overrides))
    }

    static func run(taxonomy: Taxonomy, items: [LabeledText], only: Set<String>?, settings: Classifier.Settings)
        -> [(source: String, report: EvaluationReport)] {
        let sources = Array(Set(items.map(\.source))).sorted().filter { only?.contains($0) ?? true }
        return sources.map { source in
            let classifier = Classifier(taxonomy: taxonomy, training: items.filter { $0.source != source }, settings: settings)
            return (source, Evaluation.run(classifier, on: items.filter { $0.source == source }))
        }
    }

    /// The held-out figures of the human sources together.
    public static func headline(_ reports: [(source: String, report: EvaluationReport)]) -> EvaluationReport {
        CrossValidation.merge(reports.filter { isHuman($0.source) }.map(\.report))
    }

    /// Platt scaling (slope, intercept on the log-odds) that makes the probabilities of the labels given in
    /// `reports` match how often they are right; fitted by Newton's method, per kind.
    public static func calibration(_ reports: [EvaluationReport]) -> (phases: (Double, Double), categories: (Double, Double)) {
        calibration(reports, settings: Classifier.Settings())
    }

    static func calibration(_ reports: [EvaluationReport], settings: Classifier.Settings)
        -> (phases: (Double, Double), categories: (Double, Double)) {
        let given = reports.flatMap(\.given)
        func fit(_ predictions: [EvaluationReport.Prediction], current: (Double, Double)) -> (Double, Double) {
            // back to the model's own log-odds
            let x = predictions.map { p -> Double in
                let q = min(max(p.probability, 1e-6), 1 - 1e-6)
                return (log(q / (1 - q)) - current.1) / current.0
            }
            let y = predictions.map { $0.correct ? 1.0 : 0.0 }
            var a = 1.0, b = 0.0
            for _ in 0..<50 {
                var g0 = 0.0, g1 = 0.0, h00 = 1e-9, h01 = 0.0, h11 = 1e-9
                for (xi, yi) in zip(x, y) {
                    let p = 1 / (1 + exp(-(a * xi + b))), w = p * (1 - p)
                    g0 += (p - yi) * xi; g1 += p - yi
                    h00 += w * xi * xi; h01 += w * xi; h11 += w
                }
                let det = h00 * h11 - h01 * h01
                guard det > 1e-12 else { break }
                a -= (h11 * g0 - h01 * g1) / det
                b -= (h00 * g1 - h01 * g0) / det
            }
            return (a, b)
        }
        return (fit(given.filter(\.label.isPhase), current: settings.calibration.phases),
                fit(given.filter { !$0.label.isPhase }, current: settings.calibration.categories))
    }
}

/// How far the probabilities of the labels given can be trusted: per tenth, how many were right.
public struct Reliability: Sendable {
    public struct Bin: Sendable {
        public var low: Double, high: Double
        public var count: Int
        public var confidence: Double
        public var accuracy: Double
    }

    public var bins: [Bin]
    /// expected calibration error: the share-weighted gap between confidence and accuracy
    public var expectedError: Double

    public init(_ predictions: [EvaluationReport.Prediction], bins count: Int = 10) {
        var bins: [Bin] = []
        var error = 0.0
        for k in 0..<count {
            let low = Double(k) / Double(count), high = Double(k + 1) / Double(count)
            let inBin = predictions.filter { $0.probability >= low && ($0.probability < high || k == count - 1) }
            guard !inBin.isEmpty else { continue }
            let confidence = inBin.map(\.probability).reduce(0, +) / Double(inBin.count)
            let accuracy = Double(inBin.filter(\.correct).count) / Double(inBin.count)
            bins.append(Bin(low: low, high: high, count: inBin.count, confidence: confidence, accuracy: accuracy))
            error += Double(inBin.count) / Double(max(predictions.count, 1)) * abs(confidence - accuracy)
        }
        self.bins = bins
        expectedError = error
    }

    public var text: String {
        func f(_ x: Double) -> String { x.formatted(digits: 2) }
        var lines = ["probability   labels  mean   right"]
        for bin in bins {
            lines.append("\(f(bin.low))–\(f(bin.high))    \(String(bin.count).padding(toLength: 6, withPad: " ", startingAt: 0))  \(f(bin.confidence))   \(f(bin.accuracy))")
        }
        lines.append("expected calibration error \(expectedError.formatted(digits: 3))")
        return lines.joined(separator: "\n")
    }
}
