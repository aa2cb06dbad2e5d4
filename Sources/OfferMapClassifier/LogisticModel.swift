import OfferMapModel
import Foundation

/// One-vs-rest logistic regression over sparse features, trained deterministically
/// (fixed order, no randomness) by full-batch gradient descent with L2 regularisation.
struct LogisticModel: Sendable {
    struct Settings: Sendable {
        var epochs = 300
        var learningRate = 2.0
        var l2 = 0.0005
        var positiveWeight = 3.0
        /// L2 factor for the features listed in `lightlyRegularised` (the keyword scores)
        var keywordL2Factor = 1.0
    }

    /// A sparse feature vector: indices ascending, one value each.
    struct Vector: Sendable {
        var indices: [Int]
        var values: [Double]
    }

    let labels: [Label]
    /// weights[label][feature]; the last entry is the bias
    let weights: [[Double]]
    let featureCount: Int

    /// A model with known weights (read back from `Classifier.weights`).
    init(labels: [Label], featureCount: Int, weights: [[Double]]) {
        self.labels = labels
        self.featureCount = featureCount
        self.weights = weights
    }

    /// `exampleWeights` (one per example, default 1) say how much each example counts (offers labeled by people more).
    init(labels: [Label], featureCount: Int, examples: [Vector], targets: [[Bool]], settings: Settings = Settings(),
         lightlyRegularised: Set<Int> = [], exampleWeights: [Double]? = nil) {
        self.labels = labels
        self.featureCount = featureCount
        let exampleWeights = exampleWeights ?? [Double](repeating: 1, count: examples.count)
        let n = max(exampleWeights.reduce(0, +), 1)
        let l2 = (0..<featureCount).map { lightlyRegularised.contains($0) ? settings.l2 * settings.keywordL2Factor : settings.l2 }
        // the examples in one flat list each, walked through pointers (fast in debug builds too)
        let offsets = examples.reduce(into: [0]) { $0.append($0.last! + $1.indices.count) }
        let indices = examples.flatMap(\.indices), values = examples.flatMap(\.values)
        // labels are independent: fit them four at a time (one lane each), the groups on all cores
        let groups = stride(from: 0, to: labels.count, by: 4).map { $0..<min($0 + 4, labels.count) }
        var weights = [[Double]](repeating: [], count: labels.count)
        weights.withUnsafeMutableBufferPointer { slots in
            let slots = UncheckedSendable(slots)
            DispatchQueue.concurrentPerform(iterations: groups.count) { g in
                let group = groups[g]
                let fitted = LogisticModel.fit(group.map { l in targets.map { $0[l] } }, offsets: offsets, indices: indices, values: values,
                                               l2: l2, featureCount: featureCount, n: n, exampleWeights: exampleWeights, settings: settings)
                for (lane, l) in group.enumerated() { slots.value[l] = fitted[lane] }
            }
        }
        self.weights = weights
    }

    /// Weights and bias of up to four labels (lanes), by full-batch gradient descent with AdaGrad steps; weight i of
    /// lane l at i * 4 + l. Four plain Doubles rather than a SIMD type, which is slow in the debug builds the tests use.
    private static func fit(_ y: [[Bool]], offsets: [Int], indices: [Int], values: [Double], l2: [Double],
                            featureCount: Int, n: Double, exampleWeights: [Double], settings: Settings) -> [[Double]] {
        let size = (featureCount + 1) * 4, bias = featureCount * 4
        var w = [Double](repeating: 0, count: size)
        // squared-gradient accumulator (AdaGrad) for stable steps on rare features
        var g2 = [Double](repeating: 1e-8, count: size)
        var gradient = [Double](repeating: 0, count: size)
        let examples = offsets.count - 1
        // per example and lane: the target as 0/1 and its weight (a missed label costs positiveWeight)
        var target = [Double](repeating: 0, count: examples * 4), scale = [Double](repeating: 0, count: examples * 4)
        for e in 0..<examples { for lane in 0..<4 { scale[e * 4 + lane] = exampleWeights[e] / n } }
        for (lane, labels) in y.enumerated() {
            for e in 0..<examples where labels[e] {
                target[e * 4 + lane] = 1; scale[e * 4 + lane] = settings.positiveWeight * exampleWeights[e] / n
            }
        }
        let rate = settings.learningRate
        w.withUnsafeMutableBufferPointer { w in
            g2.withUnsafeMutableBufferPointer { g2 in
                gradient.withUnsafeMutableBufferPointer { gradient in
                    indices.withUnsafeBufferPointer { indices in
                        values.withUnsafeBufferPointer { values in
                            for _ in 0..<settings.epochs {
                                gradient.update(repeating: 0)
                                for e in 0..<examples {
                                    var z0 = w[bias], z1 = w[bias + 1], z2 = w[bias + 2], z3 = w[bias + 3]
                                    for k in offsets[e]..<offsets[e + 1] {
                                        let i = indices[k] * 4, v = values[k]
                                        z0 += w[i] * v; z1 += w[i + 1] * v; z2 += w[i + 2] * v; z3 += w[i + 3] * v
                                    }
                                    let t = e * 4
                                    let g0 = (1 / (1 + exp(-z0)) - target[t]) * scale[t]
                                    let g1 = (1 / (1 + exp(-z1)) - target[t + 1]) * scale[t + 1]
                                    let g2_ = (1 / (1 + exp(-z2)) - target[t + 2]) * scale[t + 2]
                                    let g3 = (1 / (1 + exp(-z3)) - target[t + 3]) * scale[t + 3]
                                    for k in offsets[e]..<offsets[e + 1] {
                                        let i = indices[k] * 4, v = values[k]
                                        gradient[i] += g0 * v; gradient[i + 1] += g1 * v; gradient[i + 2] += g2_ * v; gradient[i + 3] += g3 * v
                                    }
                                    gradient[bias] += g0; gradient[bias + 1] += g1; gradient[bias + 2] += g2_; gradient[bias + 3] += g3
                                }
                                for i in 0..<featureCount * 4 { gradient[i] += l2[i >> 2] * w[i] }
                                for i in 0..<size where gradient[i] != 0 {
                                    g2[i] += gradient[i] * gradient[i]
                                    w[i] -= rate * gradient[i] / g2[i].squareRoot()
                                }
                            }
                        }
                    }
                }
            }
        }
        return (0..<y.count).map { lane in (0...featureCount).map { w[$0 * 4 + lane] } }
    }

    func logit(_ label: Int, _ x: Vector) -> Double {
        var z = weights[label][featureCount]
        for (k, index) in x.indices.enumerated() { z += weights[label][index] * x.values[k] }
        return z
    }

    func probability(_ label: Int, _ x: Vector) -> Double { 1 / (1 + exp(-logit(label, x))) }

    /// Whether some feature adds more than `threshold` to the logit.
    func supports(_ label: Int, _ x: Vector, above threshold: Double) -> Bool {
        for (k, index) in x.indices.enumerated() where weights[label][index] * x.values[k] > threshold { return true }
        return false
    }

    /// Each feature's share of the logit.
    func contributions(_ label: Int, _ x: Vector) -> [(index: Int, value: Double)] {
        x.indices.enumerated().map { (k, index) in (index, weights[label][index] * x.values[k]) }
    }
}

/// Hands a value to concurrent closures that each touch their own part of it.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
