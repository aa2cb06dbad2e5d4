import OfferMapModel
import OfferMapInput
import OfferMapAnalysis
import CommonMark

/// The values the report templates receive (see docs/templates.md).
/// Plain dictionaries and arrays, so a template can use any of them.
public struct ReportView {
    let landscape: Landscape
    let audience: Audience
    let texts: Texts
    let wording: Wording
    /// Set by `offermap serve`: the "to review" list links to the county's review page.
    let reviewPage: String?
    /// Whether the templates may look up a value (`Templates.reads`): the costly ones no template reads are not made.
    let reads: (String) -> Bool

    public init(landscape: Landscape, audience: Audience, texts: Texts, reviewPages: Bool = false, reads: @escaping (String) -> Bool = { _ in true }) {
        self.landscape = landscape
        self.audience = audience
        self.texts = texts
        self.reviewPage = reviewPages && audience == .internal ? "/review/\(landscape.county.id)" : nil
        self.wording = Wording(landscape: landscape, texts: texts)
        self.reads = reads
    }

    var taxonomy: Taxonomy { landscape.taxonomy }
    var language: Language { texts.language }

    /// `markdown: false` leaves out the institutions' `body_markdown` (web pages do not show it).
    public func context(markdown: Bool = true) -> [String: Any] {
        let county = landscape.county
        let summary = landscape.summary
        let known = Set(county.institutions.map(\.id))
        let offersByInstitution = Dictionary(grouping: landscape.offers.indices) { landscape.offers[$0].institutionID }
        let review = reads("review") || reads("has_review") ? review() : []
        return [
            "t": texts.tree,
            "lang": language.rawValue,
            "title": texts("report.title", ["county": county.name]),
            "date": texts("report.date", ["date": texts.date(landscape.date)]),
            "county": ["id": county.id, "name": county.name, "state": county.state ?? ""],
            "audience_note": texts(audience == .internal ? "report.internal" : "report.public"),
            "internal": audience == .internal,
            "summary": [
                "institutions": summary.institutions, "offers": summary.offers,
                "expected_cells": summary.expectedCells, "covered_expected": summary.coveredExpected,
                "coverage": texts.percent(summary.coverage),
            ],
            "matrix_categories": taxonomy.categories.map { ["id": $0.id, "label": $0.label.text(language)] },
            "rows": rows(),
            "legend": CellStatus.allCases.map { ["status": $0.rawValue, "label": texts("status.\($0.rawValue)"),
                                                 "help": texts("status_help.\($0.rawValue)")] },
            "finding_groups": findingGroups(),
            "has_findings": landscape.findings.contains { $0.kind != .unclassified && audience.shows($0.kind) },
            "review": review.map { offer in
                ["id": offer.fullID, "title": offer.offer.title,
                 "href": reviewPage.map { "\($0)#\(ReviewView.anchor(offer))" } ?? "#o-\(offer.fullID)",
                 "location": wording.place(offer),
                 "note": offer.isUnclassified ? texts("report.review_unclassified")
                     : texts("report.review_uncertain", ["p": texts.number(offer.confidence, digits: 2)])] as [String: Any]
            },
            "has_review": !review.isEmpty,
            "review_page": reviewPage ?? false,
            "institutions": county.institutions.map { institution($0, known: known, offers: offersByInstitution[$0.id] ?? [], markdown: markdown) },
            "network": NetworkView(landscape: landscape, texts: texts, audience: audience).context(),
            "accent": county.branding.accent ?? false,
            "logo": county.branding.logo.map { ["src": $0.dataURI, "alt": texts("report.logo", ["county": county.name])] } ?? false,
        ]
    }

    func rows() -> [[String: Any]] {
        taxonomy.phases.map { phase in
            [
                "id": phase.id,
                "label": phase.label.text(language),
                "cells": taxonomy.categories.map { category -> [String: Any] in
                    let cell = landscape.cell(PhaseID(rawValue: phase.id), CategoryID(rawValue: category.id))!
                    let names = cell.institutions.map(name).joined(separator: ", ")
                    let statusLabel = texts("status.\(cell.status.rawValue)")
                    return [
                        "phase": phase.id, "category": category.id,
                        "n": cell.n, "status": cell.status.rawValue, "status_label": statusLabel, "linked": cell.n > 0,
                        "expected": cell.expected, "institutions": names,
                        "level": min(cell.n, 4),
                        "flag": cell.status == .covered || cell.status == .empty ? "" : statusLabel,
                        "uncertain": cell.uncertain,
                        "summary": "\(phase.label.text(language)) × \(category.label.text(language)): \(cell.n) – \(statusLabel)"
                            + (names.isEmpty ? "" : " (\(names))") + (cell.uncertain ? " – " + texts("report.uncertain") : ""),
                    ]
                },
            ]
        }
    }

    func name(_ id: String) -> String { landscape.county.shortName(of: id) }

    /// Offers to look at, least sure first: those without a cell, then those with a proposed label below `Cell.confidence`.
    func review() -> [ClassifiedOffer] {
        // each offer's confidence once, not at every comparison
        landscape.offers.indices.compactMap { index -> (Double, Int)? in
            let offer = landscape.offers[index]
            if offer.isUnclassified { return (-1, index) }
            let confidence = offer.confidence
            return confidence < Cell.confidence ? (confidence, index) : nil
        }.sorted { $0 < $1 }.map { landscape.offers[$0.1] }
    }

    func findingGroups() -> [[String: Any]] {
        // Unclassified offers have their own "to review" section.
        FindingKind.allCases.filter { $0 != .unclassified && audience.shows($0) }.compactMap { kind in
            let items = landscape.findings.filter { $0.kind == kind }
            guard !items.isEmpty else { return nil }
            return ["kind": kind.rawValue, "heading": texts("kind.\(kind.rawValue)"), "count": items.count,
                    "items": items.map { finding -> [String: Any] in
                        var item: [String: Any] = ["message": wording.message(finding), "kind": kind.rawValue,
                                                   "uncertain": finding.cells.contains { landscape.cell($0)?.uncertain == true }]
                        if audience == .internal, let step = wording.nextStep(finding) { item["next_step"] = step }
                        return item
                    }]
        }
    }

    func labels<ID: TermID>(_ ids: [ID], _ terms: [Term]) -> String { labels(ids.map(\.rawValue), terms) }

    func labels(_ ids: [String], _ terms: [Term]) -> String {
        ids.map { id in terms.first { $0.id == id }?.label.text(language) ?? id }.joined(separator: ", ")
    }

    /// `markdown: false` leaves out `body_markdown`, which only the Markdown report uses.
    func institution(_ institution: Institution, markdown: Bool = true) -> [String: Any] {
        self.institution(institution, known: Set(landscape.county.institutions.map(\.id)), markdown: markdown)
    }

    /// `known`: the county's institution ids; referrals to others are left out.
    /// `offers`: the positions of the institution's offers in the landscape, when already grouped.
    func institution(_ institution: Institution, known: Set<String>, offers: [Int]? = nil, markdown: Bool = true) -> [String: Any] {
        var values: [String: Any] = [
            "id": institution.id,
            "name": institution.name,
            "type": labels([institution.type], taxonomy.types),
            "refers_to": institution.refersTo.filter { known.contains($0.id) }.map { ["id": $0.id, "name": name($0.id)] },
            "contacts": audience.visible(institution.contacts).map { contact -> [String: Any] in
                var values: [String: Any] = [
                    "name": contact.name,
                    "languages": contact.languages.isEmpty ? false : contact.languages.map(texts.languageName).joined(separator: ", "),
                ]
                values.optional("role", contact.role)
                values.optional("email", contact.email)
                values.optional("mailto", safeURL("mailto:" + (contact.email ?? "")))
                values.optional("phone", contact.phone)
                return values
            },
            "offers": offers.map { $0.map { offer(landscape.offers[$0]) } } ?? landscape.offers(of: institution.id).map(offer),
        ]
        values.optional("short", institution.short)
        values.optional("website", safeURL(institution.website))
        values.optional("website_text", institution.website)
        values.optional("address", institution.address)
        values.optional("updated", institution.updated.map(texts.date))
        values.optional("body_html", CommonMark.html(institution.body))
        if markdown { values.optional("body_markdown", MarkdownText.quoteBlock(institution.body)) }
        return values
    }

    func offer(_ offer: ClassifiedOffer) -> [String: Any] {
        var values: [String: Any] = [
            "id": offer.fullID,
            "anchor": offer.institutionID + "--" + offer.offer.id,
            "title": offer.offer.title,
            "phases": labels(offer.phases, taxonomy.phases),
            "categories": labels(offer.categories, taxonomy.categories),
            "languages": offer.offer.languages.map(texts.languageName).joined(separator: ", "),
            "target_groups": labels(offer.offer.targetGroups, taxonomy.targetGroups),
            "unclassified": offer.isUnclassified,
        ]
        values.optional("description", offer.offer.description)
        values.optional("cost", offer.offer.cost.map { labels([$0], taxonomy.costs) })
        values.optional("format", offer.offer.format.map { labels([$0], taxonomy.formats) })
        values.optional("url", safeURL(offer.offer.url))
        if reads("evidence") { values.optional("evidence", wording.evidence(offer)) }
        return values
    }
}

extension [String: Any] {
    /// A text that may be empty: an empty one is left out, so that `{{#key}}…{{/key}}` skips it. Only for such
    /// texts: a missing key makes Mustache look the name up in the enclosing values.
    mutating func optional(_ key: String, _ text: String?) {
        if let text, !text.isEmpty { self[key] = text }
    }
}

extension Texts {
    static func tree(_ entries: [String: String]) -> [String: Any] {
        var root: [String: Any] = [:]
        func insert(_ path: ArraySlice<String>, _ value: String, into node: inout [String: Any]) {
            guard let head = path.first else { return }
            if path.count == 1 { node[head] = value; return }
            var child = node[head] as? [String: Any] ?? [:]
            insert(path.dropFirst(), value, into: &child)
            node[head] = child
        }
        for (key, value) in entries { insert(ArraySlice(key.split(separator: ".").map(String.init)), value, into: &root) }
        return root
    }
}
