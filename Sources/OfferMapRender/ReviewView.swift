import OfferMapModel

/// The values of the review page (`offermap serve`): a county's offers that still carry machine labels, least sure
/// first, each with its words that carried a label marked and every phase and category as a checkbox.
public struct ReviewView {
    public struct Page {
        public var token: String
        /// The version of each institution file as shown (by path), sent back with a confirmation.
        public var versions: [String: String]
        public var notice: String?
        public var conflict: [String] = []
        public var errors: [Diagnostic] = []
        public var undo: String?
        public init(token: String, versions: [String: String]) {
            self.token = token
            self.versions = versions
        }
    }

    let landscape: Landscape
    let texts: Texts
    let wording: Wording

    public init(landscape: Landscape, texts: Texts) {
        self.landscape = landscape
        self.texts = texts
        self.wording = Wording(landscape: landscape, texts: texts)
    }

    /// Offers with at least one label the machine proposed: those it could not place first, then least sure first
    /// (file order among equals), as in the report's "Zu prüfen".
    public var open: [ClassifiedOffer] {
        func sureness(_ offer: ClassifiedOffer) -> Double { offer.isUnclassified ? -1 : offer.confidence }
        return landscape.offers.enumerated().filter { !isConfirmed($0.element) }
            .sorted { (sureness($0.element), $0.offset) < (sureness($1.element), $1.offset) }.map(\.element)
    }

    func isConfirmed(_ offer: ClassifiedOffer) -> Bool { offer.offer.phases != nil && offer.offer.categories != nil }

    public static func anchor(_ offer: ClassifiedOffer) -> String { "r-\(offer.institutionID)--\(offer.offer.id)" }

    public func context(_ page: Page) -> [String: Any] {
        let county = landscape.county
        let offers = open
        var context: [String: Any] = [
            "t": texts.tree,
            "lang": texts.language.rawValue,
            "title": texts("review.title", ["county": county.name]),
            "county": county.id,
            "token": page.token,
            "progress": texts("review.progress", ["done": "\(landscape.offers.count - offers.count)", "all": "\(landscape.offers.count)"]),
            "offers": offers.enumerated().map { index, offer in
                item(offer, page: page, next: index + 1 < offers.count ? ReviewView.anchor(offers[index + 1]) : "")
            },
            "empty": offers.isEmpty,
            "conflict": page.conflict,
            "has_conflict": !page.conflict.isEmpty,
        ]
        context.merge(ServeView.values(page.errors, texts: texts)) { $1 }
        if let notice = page.notice { context["notice"] = notice }
        if let undo = page.undo { context["undo"] = texts("review.undo_what", ["title": undo]) }
        return context
    }

    func item(_ offer: ClassifiedOffer, page: Page, next: String) -> [String: Any] {
        let institution = landscape.institution(offer.institutionID)
        let phases = landscape.taxonomy.phases.enumerated().map { index, term in
            choice(.phase(PhaseID(rawValue: term.id)), offer, key: "\(index + 1)", keyName: "\(index + 1)")
        }
        let categories = landscape.taxonomy.categories.enumerated().map { index, term in
            choice(.category(CategoryID(rawValue: term.id)), offer, key: index < 10 ? "\((index + 1) % 10)" : "",
                   keyName: index < 10 ? texts("review.shift_key", ["key": "\((index + 1) % 10)"]) : "")
        }
        return [
            "anchor": ReviewView.anchor(offer),
            "next": next,
            "institution": institution?.name ?? offer.institutionID,
            "institution_id": offer.institutionID,
            "offer": offer.offer.id,
            "version": page.versions[offer.offer.location.path] ?? "",
            "title_parts": parts(offer, .title),
            "description_parts": parts(offer, .description),
            "has_description": !offer.offer.description.isEmpty,
            "location": wording.place(offer),
            "confidence": texts("review.confidence", ["p": texts.percent(offer.confidence)]),
            "why": wording.evidence(offer),
            "phases": phases,
            "categories": categories,
        ]
    }

    func choice(_ label: Label, _ offer: ClassifiedOffer, key: String, keyName: String) -> [String: Any] {
        let checked = offer.phases.map(Label.phase).contains(label) || offer.categories.map(Label.category).contains(label)
        let confirmed = offer.isConfirmed(label)
        let probability = offer.probabilities[label] ?? 0
        return ["value": label.qualified, "name": wording.label(label), "checked": checked, "key": key, "key_name": keyName,
                "id": "\(ReviewView.anchor(offer))-\(label.qualified.replacingOccurrences(of: ":", with: "-"))",
                "probability": confirmed ? texts("review.given") : texts.percent(probability),
                "has_probability": confirmed || probability >= 0.01]
    }

    /// The field's text cut into pieces, those a machine label rests on marked.
    func parts(_ offer: ClassifiedOffer, _ field: OfferField) -> [[String: Any]] {
        let text = Array((field == .title ? offer.offer.title : offer.offer.description).utf8)
        var marked = [Bool](repeating: false, count: text.count)
        for evidence in offer.evidence where !evidence.isGiven {
            for span in evidence.spans where span.field == field && span.start >= 0 && span.start <= span.end && span.end <= text.count {
                for index in span.start..<span.end { marked[index] = true }
            }
        }
        var result: [[String: Any]] = []
        var start = 0
        while start < text.count {
            var end = start
            while end < text.count && marked[end] == marked[start] { end += 1 }
            result.append(["text": String(decoding: text[start..<end], as: UTF8.self), "mark": marked[start]])
            start = end
        }
        return result
    }
}

/// The values of `offermap serve`'s start page and of its error banner.
public enum ServeView {
    public static func index(_ landscapes: [Landscape], texts: Texts, inputs: String, errors: [Diagnostic]) -> [String: Any] {
        [
            "t": texts.tree, "lang": texts.language.rawValue,
            "inputs": texts("serve.inputs", ["path": inputs]),
            "counties": landscapes.map { landscape in
                ["id": landscape.county.id, "name": landscape.county.name,
                 "open": texts("serve.open", ["n": "\(ReviewView(landscape: landscape, texts: texts).open.count)"])]
            },
        ].merging(values(errors, texts: texts)) { $1 }
    }

    public static func values(_ errors: [Diagnostic], texts: Texts) -> [String: Any] {
        ["t": texts.tree, "has_errors": !errors.isEmpty,
         "errors": errors.map { ["location": $0.location.formatted, "message": $0.message, "hint": $0.suggestion ?? ""] }]
    }
}
