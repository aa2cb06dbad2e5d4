import Foundation
import OfferMapModel
import OfferMapResources
import OfferMapClassifier

/// The classifier offermap ships: trained on the offers in data/ for the taxonomy in inputs/taxonomy.yaml when the
/// project is built (Plugins/TrainModel), so that mapping a county trains nothing.
public enum ShippedClassifier {
    /// data/dev/: offers labeled by people (the dev offers and three writers' offers, each labeled twice).
    public static let dev: [LabeledText] = parse(Shipped.devOffers)
    /// data/offers-extra*.jsonl: offers written from the taxonomy for training only.
    public static let extra: [LabeledText] = parse(Shipped.extraOffers)

    /// The files (by name without `.jsonl`) in name order, as the TrainModel plugin hands them to the training.
    public static func parse(_ files: [String: String]) -> [LabeledText] {
        files.keys.sorted().flatMap { TrainingData.parse(files[$0]!, source: $0) }
    }
    /// Everything the shipped model learns from.
    public static let training: [LabeledText] = dev + extra

    static let weights = [UInt8](Data(base64Encoded: ShippedWeights.base64) ?? Data())

    /// With the shipped weights where they fit the taxonomy (the same phases, categories and keywords); else trained now.
    public static func make(_ taxonomy: Taxonomy) -> Classifier {
        Classifier(taxonomy: taxonomy, weights: weights, training: training) ?? Classifier(taxonomy: taxonomy, training: training)
    }
}
