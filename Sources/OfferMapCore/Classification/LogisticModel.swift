import Foundation

/// One-vs-rest logistic regression over sparse features, trained deterministically
/// (fixed order, no randomness) by full-batch gradient descent with L2 regularisation.
struct LogisticModel: Sendable {
    struct Settings: Sendable {
        var epochs = 300
        var learningRate = 2.0
        var l2 = 0.001
        var positiveWeight = 3.0
        /// L2 factor for the features listed in `lightlyRegularised` (the keyword scores)
        var keywordL2Factor = 1.0
    }

    /// A sparse feature vector: indices ascending, one value each.
    struct Vector: Sendable {
        var indices: [Int]
        var values: [Double]
    }

    let labels: [String]
    /// weights[label][feature]; the last entry is the bias
    let weights: [[Double]]
    let featureCount: Int

    init(labels: [String], featureCount: Int, examples: [Vector], targets: [[Bool]], settings: Settings = Settings(),
         lightlyRegularised: Set<Int> = []) {
        self.labels = labels
        self.featureCount = featureCount
        let n = Double(max(examples.count, 1))
        let l2 = (0..<featureCount).map { lightlyRegularised.contains($0) ? settings.l2 * settings.keywordL2Factor : settings.l2 }
        // the examples in one flat list each, walked through pointers (fast in debug builds too)
        let offsets = examples.reduce(into: [0]) { $0.append($0.last! + $1.indices.count) }
        let indices = examples.flatMap(\.indices), values = examples.flatMap(\.values)
        // labels are independent: fit them on all cores, each into its own slot
        var weights = [[Double]](repeating: [], count: labels.count)
        weights.withUnsafeMutableBufferPointer { slots in
            let slots = UncheckedSendable(slots)
            DispatchQueue.concurrentPerform(iterations: labels.count) { l in
                slots.value[l] = LogisticModel.fit(targets.map { $0[l] }, offsets: offsets, indices: indices, values: values, l2: l2,
                                                   featureCount: featureCount, n: n, settings: settings)
            }
        }
        self.weights = weights
    }

    /// One label's weights and bias, by full-batch gradient descent with AdaGrad steps.
    private static func fit(_ y: [Bool], offsets: [Int], indices: [Int], values: [Double], l2: [Double],
                            featureCount: Int, n: Double, settings: Settings) -> [Double] {
        var w = [Double](repeating: 0, count: featureCount + 1)
        // squared-gradient accumulator (AdaGrad) for stable steps on rare features
        var g2 = [Double](repeating: 1e-8, count: featureCount + 1)
        var gradient = [Double](repeating: 0, count: featureCount + 1)
        w.withUnsafeMutableBufferPointer { w in
            g2.withUnsafeMutableBufferPointer { g2 in
                gradient.withUnsafeMutableBufferPointer { gradient in
                    indices.withUnsafeBufferPointer { indices in
                        values.withUnsafeBufferPointer { values in
                            for _ in 0..<settings.epochs {
                                gradient.update(repeating: 0)
                                for e in 0..<y.count {
                                    var z = w[featureCount]
                                    for k in offsets[e]..<offsets[e + 1] { z += w[indices[k]] * values[k] }
                                    let p = 1 / (1 + exp(-z))
                                    let g = (p - (y[e] ? 1 : 0)) * (y[e] ? settings.positiveWeight : 1) / n
                                    for k in offsets[e]..<offsets[e + 1] { gradient[indices[k]] += g * values[k] }
                                    gradient[featureCount] += g
                                }
                                for i in 0..<featureCount { gradient[i] += l2[i] * w[i] }
                                for i in 0...featureCount where gradient[i] != 0 {
                                    g2[i] += gradient[i] * gradient[i]
                                    w[i] -= settings.learningRate * gradient[i] / g2[i].squareRoot()
                                }
                            }
                        }
                    }
                }
            }
        }
        return w
    }

    func logit(_ label: Int, _ x: Vector) -> Double {
        var z = weights[label][featureCount]
        for (k, index) in x.indices.enumerated() { z += weights[label][index] * x.values[k] }
        return z
    }

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
