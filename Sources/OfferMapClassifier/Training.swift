import Foundation
import OfferMapModel

/// Fitting the models to labeled offers.
extension Classifier {
    /// Where a feature's value comes from.
    private enum Slot {
        case text(UInt64)
        case score(label: Int)
        case hits(keywords: [Int])
    }

    /// The feature's name, which orders the features (and so the sums in training): a word or stem by its
    /// folded text; a label's keyword score or one keyword by the label ("c:" category, "p:" phase) and term.
    private func sortName(_ feature: ModelFeature) -> String {
        func tag(_ label: Label) -> String { (label.isPhase ? "p:" : "c:") + label.rawValue }
        switch feature {
        case .word(let word): return "w:" + word
        case .stem(let stem): return "s:" + stem
        case .keywords(let label): return "k:" + tag(label)
        case .keyword(let term, let label): return "h:" + tag(label) + "|" + term
        case .fits(let category): return "c:" + category.rawValue
        }
    }

    func train(_ training: [LabeledText]) -> Trained? {
        var names: [UInt64: ModelFeature] = [:]
        var readings: [Reading] = []
        for item in training { readings.append(read(title: item.title, description: item.description, names: &names)) }
        var counts: [UInt64: Int] = [:]
        for reading in readings { for hash in reading.features.keys { counts[hash, default: 0] += 1 } }
        var entries = counts.filter { $0.value >= settings.minCount }.map { (feature: names[$0.key]!, slot: Slot.text($0.key)) }
        entries += labels.indices.map { (feature: ModelFeature.keywords(of: labels[$0]), slot: Slot.score(label: $0)) }
        // keywords that stand in a training offer
        var keywordsByFeature: [ModelFeature: [Int]] = [:]
        for reading in readings {
            for hit in reading.hits where hit.negatedBy == nil {
                let keyword = matcher.keywords[hit.keyword]
                keywordsByFeature[.keyword(keyword.term, of: keyword.label), default: []].append(hit.keyword)
            }
        }
        entries += keywordsByFeature.map { (feature: $0.key, slot: Slot.hits(keywords: $0.value)) }
        let sorted = entries.map { (name: sortName($0.feature), entry: $0) }.sorted { $0.name < $1.name }.map(\.entry)
        var featureIndex: [UInt64: Int] = [:]
        var keywordFeature = [Int?](repeating: nil, count: labels.count)
        var hitFeature = [Int?](repeating: nil, count: matcher.keywords.count)
        for (i, entry) in sorted.enumerated() {
            switch entry.slot {
            case .text(let hash): featureIndex[hash] = i
            case .score(let label): keywordFeature[label] = i
            case .hits(let keywords): for keyword in keywords { hitFeature[keyword] = i }
            }
        }
        // labels the data knows well enough to learn
        let gold = training.map { Set($0.phases.map(Label.phase) + $0.categories.map(Label.category)) }
        let learnable = labels.filter { label in gold.filter { $0.contains(label) }.count >= 3 }
        guard !learnable.isEmpty else { return nil }
        let hashes = sorted.map { entry -> UInt64 in if case .text(let hash) = entry.slot { hash } else { 0 } }
        var trained = Trained(model: LogisticModel(labels: [], featureCount: 0, examples: [], targets: []), featureIndex: featureIndex,
                              featureHashes: hashes, features: sorted.map(\.feature),
                              labelIndex: labels.map { learnable.firstIndex(of: $0) }, keywordFeature: keywordFeature,
                              hitFeature: hitFeature)
        var vectors = readings.map { vector($0, trained: trained) }
        let targets = gold.map { set in learnable.map { set.contains($0) } }
        let lightly = Set(keywordFeature.compactMap { $0 })
        let categories = learnable.indices.filter { !learnable[$0].isPhase }
        let phases = learnable.indices.filter { learnable[$0].isPhase }
        let featureCount = sorted.count
        // offers labeled by people count `humanWeight` times
        let weights = training.map { SourceValidation.isHuman($0.source) ? settings.humanWeight : 1.0 }
        guard settings.stackFolds > 1 && !categories.isEmpty && !phases.isEmpty else {
            trained.model = LogisticModel(labels: learnable, featureCount: featureCount, examples: vectors, targets: targets,
                                          settings: settings.model, lightlyRegularised: lightly, exampleWeights: weights)
            return described(trained)
        }
        // the category model (whose weights for the stacked features stay 0) and, for each part of the training
        // offers, one trained without that part: its probabilities for the part are what the phases learn from
        let parts = settings.stackFolds, count = featureCount + categories.count, base = vectors
        let model = { var m = settings.model; m.keywordL2Factor = settings.categoryKeywordL2Factor; return m }()
        let foldModel = { var m = model; m.epochs = settings.stackEpochs; return m }()
        let categoryLabels = categories.map { learnable[$0] }, categoryTargets = targets.map { row in categories.map { row[$0] } }
        var models = [LogisticModel?](repeating: nil, count: parts + 1)
        models.withUnsafeMutableBufferPointer { slots in
            let slots = UncheckedSendable(slots)
            DispatchQueue.concurrentPerform(iterations: parts + 1) { part in
                let chosen = base.indices.filter { part == parts || $0 % parts != part }
                slots.value[part] = LogisticModel(labels: categoryLabels, featureCount: count, examples: chosen.map { base[$0] },
                                                  targets: chosen.map { categoryTargets[$0] }, settings: part == parts ? model : foldModel,
                                                  lightlyRegularised: lightly, exampleWeights: chosen.map { weights[$0] })
            }
        }
        vectors = vectors.indices.map { i in
            Classifier.stacked(vectors[i], probabilities: categoryLabels.indices.map { models[i % parts]!.probability($0, vectors[i]) },
                               from: featureCount)
        }
        let phaseLabels = phases.map { learnable[$0] }
        trained.categoryModel = models[parts]
        trained.stackedFeature = featureCount
        trained.features += categoryLabels.compactMap { $0.category.map(ModelFeature.fits) }
        trained.featureHashes += categoryLabels.map { _ in 0 }
        trained.labelIndex = labels.map { label in (label.isPhase ? phaseLabels : categoryLabels).firstIndex(of: label) }
        trained.model = LogisticModel(labels: phaseLabels, featureCount: count, examples: vectors,
                                      targets: targets.map { row in phases.map { row[$0] } }, settings: settings.model, lightlyRegularised: lightly,
                                      exampleWeights: weights)
        return described(trained)
    }

    private func described(_ trained: Trained) -> Trained {
        var trained = trained
        trained.ownKeywords = ownKeywords(trained)
        return trained
    }

    /// By label position: the features of the label's own keywords.
    func ownKeywords(_ trained: Trained) -> [Set<Int>] {
        labels.indices.map { label in
            Set(matcher.keywords.indices.filter { matcher.keywords[$0].labelIndex == label }.compactMap { trained.hitFeature[$0] })
        }
    }
}
