import OfferMapModel

/// A piece of evidence as landscape.json and `classify` write it: `label`, `source` (explicit, keyword, model),
/// `term` (the matched keyword or feature), `field`, and beside them the offer's own `words` and their `spans`.
public enum EvidenceJSON {
    public static func make(_ evidence: Evidence, in offer: Offer) -> JSON {
        var members: [String: JSON] = ["label": .string(evidence.label.qualified), "source": .string(source(evidence)),
                                       "term": .string(term(evidence)), "field": .string(field(evidence))]
        let spans = evidence.spans
        if !spans.isEmpty {
            members["words"] = .strings(spans.map { $0.text(in: offer) })
            members["spans"] = .array(spans.map { .object(["field": .string($0.field.rawValue), "start": .int($0.start), "end": .int($0.end)]) })
        }
        switch evidence {
        case .abbreviation(_, _, let short, let expansion, _):
            members["abbreviation"] = .string(short)
            members["expansion"] = .string(expansion)
        case .model(_, _, let weight, _):
            members["weight"] = .double((weight * 1000).rounded() / 1000)
        default:
            break
        }
        return .object(members)
    }

    static func source(_ evidence: Evidence) -> String {
        switch evidence {
        case .given: "explicit"
        case .keyword, .abbreviation: "keyword"
        case .model, .overall: "model"
        }
    }

    /// As written before the evidence was typed, so that readers of landscape.json keep their meaning.
    static func term(_ evidence: Evidence) -> String {
        switch evidence {
        case .given(let label): label.rawValue
        case .keyword(_, let keyword, _): keyword
        case .abbreviation(_, let keyword, let short, _, _): "\(keyword) (from '\(short)')"
        case .model(_, let feature, _, _):
            switch feature {
            case .word(let word): word
            case .stem(let stem): stem + "…"
            case .keywords(let label): "keywords of \(label.qualified)"
            case .keyword(let term, let label): "keyword \(term) of \(label.qualified)"
            case .fits(let category): "fits category \(category.rawValue)"
            }
        case .overall: "overall wording (no single strong feature)"
        }
    }

    /// `phases`/`categories` for labels given in the file; else `title` when the evidence stands in the title.
    static func field(_ evidence: Evidence) -> String {
        switch evidence {
        case .given(let label): label.isPhase ? "phases" : "categories"
        default: evidence.spans.contains { $0.field == .title } ? "title" : "description"
        }
    }
}
