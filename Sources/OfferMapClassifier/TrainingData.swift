import Foundation
import OfferMapModel

/// Labeled offers in JSON Lines: what the model learns from and is measured on.
public enum TrainingData {
    /// `id`, `title`, `description`, `phases`, `categories` per line; lines that are no object are skipped.
    /// `source` names the file; offers whose id starts with a writer's letter ("a-web-001") get "<source>/a".
    public static func parse(_ text: String, source: String = "") -> [LabeledText] {
        text.split(separator: "\n").compactMap { line in
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else { return nil }
            let id = object["id"] as? String ?? ""
            let writer = id.split(separator: "-", maxSplits: 1).first.flatMap { $0.count == 1 ? "/" + $0 : nil } ?? ""
            return LabeledText(id: id, title: object["title"] as? String ?? "",
                               description: object["description"] as? String ?? "",
                               phases: (object["phases"] as? [String] ?? []).map(PhaseID.init(rawValue:)),
                               categories: (object["categories"] as? [String] ?? []).map(CategoryID.init(rawValue:)),
                               source: source + writer)
        }
    }
}
