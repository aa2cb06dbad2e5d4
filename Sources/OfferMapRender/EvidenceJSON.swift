import OfferMapModel

/// A piece of evidence as landscape.json and `classify` write it: `label`, `source` (explicit, keyword, model),
/// `term` (the matched keyword or feature), `field`, and beside them the offer's own `words` and their `spans`.
public enum EvidenceJSON {
    public static func write(_ evidence: Evidence, in offer: Offer, into json: inout JSONWriter) {
        let spans = evidence.spans
        json.object { json in
            if case .abbreviation(_, _, let short, let expansion, _) = evidence {
                json.key("abbreviation"); json.string(short)
                json.key("expansion"); json.string(expansion)
            }
            json.key("field"); json.string(field(evidence))
            json.key("label"); json.string(evidence.label.qualified)
            json.key("source"); json.string(source(evidence))
            if !spans.isEmpty {
                json.key("spans"); json.array(spans) { json, span in
                    json.object { json in
                        json.key("end"); json.int(span.end)
                        json.key("field"); json.string(span.field.rawValue)
                        json.key("start"); json.int(span.start)
                    }
                }
            }
            json.key("term"); json.string(term(evidence))
            if case .model(_, _, let weight, _) = evidence { json.key("weight"); json.double((weight * 1000).rounded() / 1000) }
            if !spans.isEmpty { json.key("words"); json.array(spans) { json, span in json.string(span.text(in: offer)) } }
        }
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
