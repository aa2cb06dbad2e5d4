import Foundation
import OfferMapModel

/// A trained classifier as bytes, so that the build can train once and ship the weights (Plugins/TrainModel):
/// mapping a county then costs no training. The bytes name what they were trained on (`trainingKey`);
/// a classifier for another taxonomy or other training offers trains anew.
extension Classifier {
    /// What the weights depend on: the taxonomy as the classifier reads it, the training offers and the settings.
    static func trainingKey(taxonomy: Taxonomy, training: [LabeledText], settings: Settings) -> UInt64 {
        var hash = FNV1a()
        func add(_ text: String) { for byte in text.utf8 { hash.add(byte) }; hash.add(0) }
        add(key(taxonomy))
        add("\(settings)")
        for item in training {
            add(item.id); add(item.title); add(item.description)
            add(item.phases.map(\.rawValue).joined(separator: ",")); add(item.categories.map(\.rawValue).joined(separator: ","))
        }
        return hash.value
    }

    /// The trained model as bytes; nil without a model.
    public func weights(training: [LabeledText]) -> [UInt8]? {
        guard let trained else { return nil }
        var out = ByteWriter()
        out.bytes(Array("OMW1".utf8))
        out.int(Classifier.trainingKey(taxonomy: taxonomy, training: training, settings: settings))
        out.model(trained.model)
        out.bool(trained.categoryModel != nil)
        if let categoryModel = trained.categoryModel { out.model(categoryModel) }
        out.int(trained.stackedFeature == .max ? -1 : trained.stackedFeature)
        out.int(trained.featureIndex.count)
        for (hash, index) in trained.featureIndex.sorted(by: { $0.key < $1.key }) { out.int(hash); out.int(index) }
        out.ints(trained.featureHashes.map { Int(bitPattern: UInt(truncatingIfNeeded: $0)) })
        out.int(trained.features.count)
        for feature in trained.features { out.feature(feature) }
        out.ints(trained.labelIndex.map { $0 ?? -1 })
        out.ints(trained.keywordFeature.map { $0 ?? -1 })
        out.ints(trained.hitFeature.map { $0 ?? -1 })
        return out.data
    }

    /// The classifier for `taxonomy` with shipped weights, if they were trained for this taxonomy and the shipped offers.
    public init?(taxonomy: Taxonomy, weights: [UInt8], training: [LabeledText]) {
        self.init(taxonomy: taxonomy, training: [], settings: Settings())
        var input = ByteReader(weights)
        guard input.bytes(4) == Array("OMW1".utf8),
              input.uint() == Classifier.trainingKey(taxonomy: taxonomy, training: training, settings: settings),
              let model = input.model() else { return nil }
        let categoryModel = input.bool() ? input.model() : nil
        let stacked = input.int()
        var featureIndex: [UInt64: Int] = [:]
        for _ in 0..<max(0, input.int()) { let hash = input.uint(); featureIndex[hash] = input.int() }
        let hashes = input.ints().map { UInt64(UInt(bitPattern: $0)) }
        let features = (0..<max(0, input.int())).compactMap { _ in input.feature() }
        func optional(_ values: [Int]) -> [Int?] { values.map { $0 < 0 ? nil : $0 } }
        let labelIndex = optional(input.ints()), keywordFeature = optional(input.ints()), hitFeature = optional(input.ints())
        guard input.ok, labelIndex.count == labels.count, hitFeature.count == matcher.keywords.count, features.count == hashes.count
        else { return nil }
        var trained = Trained(model: model, categoryModel: categoryModel, stackedFeature: stacked < 0 ? .max : stacked,
                              featureIndex: featureIndex, featureHashes: hashes, features: features, labelIndex: labelIndex,
                              keywordFeature: keywordFeature, hitFeature: hitFeature)
        trained.ownKeywords = ownKeywords(trained)
        self.trained = trained
    }
}

/// Little-endian numbers, strings and the model's parts.
struct ByteWriter {
    var data: [UInt8] = []

    mutating func bytes(_ bytes: [UInt8]) { data += bytes }
    mutating func int(_ value: Int) { int(UInt64(bitPattern: Int64(value))) }
    mutating func int(_ value: UInt64) { for shift in stride(from: 0, to: 64, by: 8) { data.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) } }
    mutating func bool(_ value: Bool) { data.append(value ? 1 : 0) }
    mutating func double(_ value: Double) { int(value.bitPattern) }
    mutating func string(_ text: String) { int(text.utf8.count); data += Array(text.utf8) }
    mutating func ints(_ values: [Int]) { int(values.count); for value in values { int(value) } }

    mutating func label(_ label: Label) { bool(label.isPhase); string(label.rawValue) }

    mutating func feature(_ feature: ModelFeature) {
        switch feature {
        case .word(let word): data.append(0); string(word)
        case .stem(let stem): data.append(1); string(stem)
        case .keywords(let label): data.append(2); self.label(label)
        case .keyword(let term, let label): data.append(3); string(term); self.label(label)
        case .fits(let category): data.append(4); string(category.rawValue)
        }
    }

    mutating func model(_ model: LogisticModel) {
        int(model.labels.count)
        for label in model.labels { self.label(label) }
        int(model.featureCount)
        for row in model.weights { for weight in row { double(weight) } }
    }
}

struct ByteReader {
    private let data: [UInt8]
    private var position = 0
    /// false once a read ran past the end or found nonsense
    private(set) var ok = true

    init(_ data: [UInt8]) { self.data = data }

    mutating func bytes(_ count: Int) -> [UInt8] {
        guard count >= 0, position + count <= data.count else { ok = false; return [] }
        defer { position += count }
        return Array(data[position..<position + count])
    }

    mutating func uint() -> UInt64 {
        let bytes = self.bytes(8)
        guard bytes.count == 8 else { return 0 }
        return bytes.enumerated().reduce(0) { $0 | UInt64($1.element) << UInt64($1.offset * 8) }
    }

    mutating func int() -> Int { Int(Int64(bitPattern: uint())) }
    mutating func bool() -> Bool { bytes(1).first == 1 }
    mutating func double() -> Double { Double(bitPattern: uint()) }
    mutating func string() -> String { String(decoding: bytes(int()), as: UTF8.self) }

    mutating func ints() -> [Int] {
        let count = int()
        guard count >= 0, count <= (data.count - position) / 8 else { ok = false; return [] }
        return (0..<count).map { _ in int() }
    }

    mutating func label() -> Label { bool() ? .phase(PhaseID(rawValue: string())) : .category(CategoryID(rawValue: string())) }

    mutating func feature() -> ModelFeature? {
        switch bytes(1).first {
        case 0: return .word(string())
        case 1: return .stem(string())
        case 2: return .keywords(of: label())
        case 3: let term = string(); return .keyword(term, of: label())
        case 4: return .fits(CategoryID(rawValue: string()))
        default: ok = false; return nil
        }
    }

    mutating func model() -> LogisticModel? {
        let count = int()
        guard count >= 0, count < 10_000 else { ok = false; return nil }
        let labels = (0..<count).map { _ in label() }
        let featureCount = int()
        guard featureCount >= 0, (featureCount + 1) * count * 8 <= data.count - position else { ok = false; return nil }
        let weights = (0..<count).map { _ in (0...featureCount).map { _ in double() } }
        return LogisticModel(labels: labels, featureCount: featureCount, weights: weights)
    }
}
