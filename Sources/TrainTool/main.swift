import Foundation
import OfferMapModel
import OfferMapInput
import OfferMapClassifier

// TrainTool OUTPUT TAXONOMY JSONL…: trains the classifier on the taxonomy and the labeled offers (deterministic:
// fixed order, no randomness) and writes its weights as Swift source, for the TrainModel plugin. The offers are
// read in the order given, which must be the order ShippedClassifier.training has: data/dev/ first, then data/.
let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2 else { fatalError("usage: TrainTool OUTPUT TAXONOMY JSONL…") }
func read(_ path: String) -> String {
    guard let data = FileManager.default.contents(atPath: path) else { fatalError("cannot read \(path)") }
    return String(decoding: data, as: UTF8.self)
}
var diagnostics = Diagnostics()
let taxonomy = InputLoader.shippedTaxonomy(read(arguments[1]), diagnostics: &diagnostics)
let training = arguments.dropFirst(2).flatMap { path in
    TrainingData.parse(read(path), source: String(URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent))
}
guard !diagnostics.hasErrors, let weights = Classifier(taxonomy: taxonomy, training: training).weights(training: training) else {
    fatalError("the shipped taxonomy does not load: \(diagnostics.sorted.map(\.formatted))")
}
let source = """
// Generated at build time by the TrainModel plugin: the classifier trained on the shipped taxonomy and offers.
/// The weights of the shipped classifier (`Classifier.weights`), base64.
public enum ShippedWeights {
    public static let base64 = "\(Data(weights).base64EncodedString())"
}

"""
try Data(source.utf8).write(to: URL(fileURLWithPath: arguments[0]))
