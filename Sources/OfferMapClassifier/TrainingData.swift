import Foundation
import OfferMapModel

/// Labeled offers in JSON Lines: what the model learns from and is measured on.
public enum TrainingData {
    /// `id`, `title`, `description`, `phases`, `categories` per line; lines that are no object are skipped.
    public static func parse(_ text: String) -> [LabeledText] {
        text.split(separator: "\n").compactMap { line in
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else { return nil }
            return LabeledText(id: object["id"] as? String ?? "", title: object["title"] as? String ?? "",
                               description: object["description"] as? String ?? "",
                               phases: (object["phases"] as? [String] ?? []).map(PhaseID.init(rawValue:)),
                               categories: (object["categories"] as? [String] ?? []).map(CategoryID.init(rawValue:)))
        }
    }
}
