import OfferMapModel

/// The words for a county's findings, next steps and evidence, in the county's language.
/// Every sentence a reader sees about the analysis is chosen here, from the translation files.
public struct Wording {
    public let landscape: Landscape
    public let texts: Texts

    public init(landscape: Landscape, texts: Texts) {
        self.landscape = landscape
        self.texts = texts
    }

    var taxonomy: Taxonomy { landscape.taxonomy }
    var language: Language { texts.language }

    public func label(_ label: Label) -> String { taxonomy.term(label)?.label.text(language) ?? label.rawValue }
    public func phase(_ id: PhaseID) -> String { label(.phase(id)) }
    public func category(_ id: CategoryID) -> String { label(.category(id)) }

    /// "WFG, IHK und Jobcenter"
    public func names(_ ids: [String]) -> String { texts.list(ids.map(landscape.county.shortName)) }

    func fullName(_ id: String) -> String { landscape.institution(id)?.name ?? id }

    func cellValues(_ key: CellKey, institutions: [String]) -> [String: String] {
        ["phase": phase(key.phase), "category": category(key.category), "institutions": names(institutions), "n": String(institutions.count)]
    }

    // MARK: Findings

    public func message(_ finding: Finding) -> String {
        let key = "finding.\(finding.kind.rawValue)"
        switch finding.kind {
        case .gap, .thin, .overlap, .languageGap:
            guard let cell = finding.cell else { return texts(key) }
            return texts(key, cellValues(cell, institutions: finding.institutions))
        case .unlinkedHandover:
            guard finding.cells.count == 2 else { return texts(key) }
            let (from, to) = (finding.cells[0], finding.cells[1])
            return texts(key, ["category": category(from.category), "from": phase(from.phase), "to": phase(to.phase),
                               "a": names(landscape.cell(from)?.institutions ?? []), "b": names(landscape.cell(to)?.institutions ?? [])])
        case .isolatedIntegration:
            return texts(key, ["institution": fullName(finding.institutions.first ?? "")])
        case .brokenReferral:
            return texts(key, ["institution": fullName(finding.institutions.first ?? ""), "id": finding.reference ?? ""])
        case .stale:
            let id = finding.institutions.first ?? ""
            guard let updated = landscape.institution(id)?.updated else { return texts("finding.stale-missing", ["institution": fullName(id)]) }
            return texts(key, ["institution": fullName(id), "date": texts.date(updated), "months": String(taxonomy.thresholds.staleMonths)])
        case .unclassified:
            let id = finding.offers.first ?? ""
            guard let offer = landscape.offers.first(where: { $0.fullID == id }) else { return texts("finding.unclassified-both", ["title": quote(id)]) }
            let missing = offer.phases.isEmpty && offer.categories.isEmpty ? "both" : offer.phases.isEmpty ? "phases" : "categories"
            return texts("finding.unclassified-\(missing)", ["title": quote(offer.offer.title)])
        }
    }

    public func nextStep(_ finding: Finding) -> String? {
        guard let step = finding.nextStep else { return nil }
        let kind = finding.kind.rawValue
        switch step {
        case .adjacentPhase, .relatedCategory, .nobody:
            guard let cell = finding.cell else { return nil }
            var values = ["phase": phase(cell.phase), "category": category(cell.category), "sole": names(finding.institutions)]
            switch step {
            case .adjacentPhase(let other, let ids):
                values["other"] = phase(other)
                values["names"] = names(ids)
                return texts("step.\(kind)-adjacent", values)
            case .relatedCategory(let other, let ids):
                values["other"] = category(other)
                values["names"] = names(ids)
                return texts("step.\(kind)-related", values)
            default:
                return texts("step.\(kind)-none", values)
            }
        case .handover(let a, let b):
            guard finding.cells.count == 2 else { return nil }
            return texts("step.unlinked-handover", ["a": names([a]), "b": names([b]),
                                                    "from": phase(finding.cells[0].phase), "to": phase(finding.cells[1].phase)])
        case .meet(let partner):
            return texts("step.isolated-integration", ["institution": names(finding.institutions), "partner": names([partner])])
        }
    }

    // MARK: Evidence

    /// How an offer got its labels, for the report's "Zuordnung" column:
    /// `angegeben` or `erkannt an: „Gründungszuschuss“ (als „GZ“ geschrieben), „Infoabend“ (Titel)`.
    public func evidence(_ offer: ClassifiedOffer) -> String {
        var parts: [String] = []
        if offer.evidence.contains(where: \.isGiven) { parts.append(texts("evidence.given")) }
        let found = words(offer.evidence, in: offer.offer)  // passes over the labels given in the file
        if !found.isEmpty { parts.append(texts("evidence.found", ["words": found.joined(separator: ", ")])) }
        return parts.joined(separator: "; ")
    }

    /// The offer's words behind the evidence, quoted, each once in the order found, "(Titel)" where one stands in the
    /// title; an abbreviation as what it stands for ("„Gründungszuschuss“ (als „GZ“ geschrieben)").
    public func words(_ evidence: [Evidence], in offer: Offer) -> [String] {
        enum Piece {
            case abbreviation(expansion: String, written: String)
            case fixed(String)
            case word(String)
        }
        // few per offer: a list searched from the front keeps the order found
        var pieces: [(key: String, piece: Piece, inTitle: Bool)] = []
        func add(_ key: String, title: Bool, _ piece: Piece) {
            if let index = pieces.firstIndex(where: { $0.key == key }) {
                pieces[index].inTitle = pieces[index].inTitle || title
            } else {
                pieces.append((key, piece, title))
            }
        }
        // the words an abbreviation stands in are shown once, as the abbreviation
        var abbreviated: [TextSpan] = []
        for case .abbreviation(_, _, _, _, let spans) in evidence { abbreviated += spans }
        for item in evidence {
            switch item {
            case .given:
                continue
            case .abbreviation(_, _, _, let expansion, let spans):
                for span in spans {
                    let written = span.text(in: offer)
                    add("\u{1}" + expansion + "\u{1}" + written, title: span.field == .title, .abbreviation(expansion: expansion, written: written))
                }
            case .model(_, .fits(let id), _, let spans) where spans.isEmpty:
                let text = texts("evidence.fits", ["category": quote(category(id))])
                add(text, title: false, .fixed(text))
            case .overall:
                let text = texts("evidence.overall")
                add(text, title: false, .fixed(text))
            default:
                for span in item.spans where !abbreviated.contains(span) {
                    let written = span.text(in: offer)
                    add(written, title: span.field == .title, .word(written))
                }
            }
        }
        return pieces.map { _, piece, title in
            switch piece {
            case .abbreviation(let expansion, let written):
                texts(title ? "evidence.abbreviation_title" : "evidence.abbreviation", ["words": quote(expansion), "written": quote(written)])
            case .fixed(let text): text
            case .word(let written): quote(written) + (title ? " " + texts("evidence.in_title") : "")
            }
        }
    }

    /// One piece of evidence as the reader sees it.
    public func words(_ evidence: Evidence, in offer: Offer) -> [String] { words([evidence], in: offer) }

    func quote(_ text: String) -> String { texts.quote(text) }

    /// Where an offer stands, from the inputs folder: "musterkreis/institutions/wfg.md:11".
    func place(_ offer: ClassifiedOffer) -> String {
        "\(landscape.county.id)/institutions/\(offer.institutionID).md:\(offer.offer.location.line)"
    }

}
