import Foundation
import OfferMapModel
import OfferMapResources
import OfferMapClassifier

/// The classifier offermap ships: trained on the offers in data/ for the taxonomy in inputs/taxonomy.yaml when the
/// project is built (Plugins/TrainModel), so that mapping a county trains nothing.
public enum ShippedClassifier {
    /// data/dev/: the labeled development offers, trained on and evaluated by cross-validation.
    public static let dev: [LabeledText] = TrainingData.parse(Shipped.devOffers)
    /// data/offers-extra*.jsonl: offers written from the taxonomy for training only.
    public static let extra: [LabeledText] = TrainingData.parse(Shipped.extraOffers)
    /// Everything the shipped model learns from.
    public static let training: [LabeledText] = dev + extra

    static let weights = [UInt8](Data(base64Encoded: ShippedWeights.base64) ?? Data())

    /// With the shipped weights where they fit the taxonomy (the same phases, categories and keywords); else trained now.
    public static func make(_ taxonomy: Taxonomy) -> Classifier {
        Classifier(taxonomy: taxonomy, weights: weights, training: training) ?? Classifier(taxonomy: taxonomy, training: training)
    }
}
