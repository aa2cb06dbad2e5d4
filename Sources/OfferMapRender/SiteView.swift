import OfferMapModel
import OfferMapInput
import OfferMapAnalysis
/// Values for the website's pages. Every page gets `root`, the relative way back to the
/// site's top folder, so that all links stay relative and work from file:// and any host.
/// Pages of all counties are in the site's language; a county's own pages in the county's.
package struct SiteView {
    package init(landscapes: [Landscape], texts: Texts, date: Day) {
        self.landscapes = landscapes
        self.texts = texts
        self.date = date
    }

    let landscapes: [Landscape]
    let texts: Texts
    let date: Day

    /// The words of a county's pages, or of the site's shared pages for nil.
    func texts(_ landscape: Landscape?) -> Texts { landscape.map { Texts.shipped($0.language) } ?? texts }

    func common(root: String, title: String, _ texts: Texts) -> [String: Any] {
        [
            "t": texts.tree, "lang": texts.language.rawValue, "root": root, "page_title": title,
            "site_title": texts("site.title"), "date": texts("report.date", ["date": texts.date(date)]),
        ]
    }

    func common(root: String, title: String) -> [String: Any] { common(root: root, title: title, texts) }

    func languageName(_ code: String, _ texts: Texts) -> String { texts.languageName(code) }

    func index() -> [String: Any] {
        var context = common(root: "", title: texts("site.title"))
        context["counties"] = landscapes.map { landscape -> [String: Any] in
            let summary = landscape.summary
            return ["id": landscape.county.id, "name": landscape.county.name, "state": landscape.county.state ?? "",
                    "institutions": summary.institutions, "offers": summary.offers, "coverage": texts.percent(summary.coverage),
                    "gaps": landscape.findings.filter { $0.kind == .gap }.count]
        }
        return context
    }

    /// `reads`: whether the county's templates may look up a value (`Templates.reads`).
    func county(_ landscape: Landscape, reads: @escaping (String) -> Bool = { _ in true }) -> [String: Any] {
        let texts = texts(landscape)
        var context = ReportView(landscape: landscape, audience: .public, texts: texts, reads: reads).context(markdown: false)
        context.merge(common(root: "../", title: landscape.county.name, texts)) { $1 }
        context["county_name"] = landscape.county.name
        if let categories = context["matrix_categories"] as? [[String: Any]] {
            context["matrix_categories"] = categories.map { category in
                category.merging(["label": Self.softHyphens(category["label"] as? String ?? "")]) { $1 }
            }
        }
        if let rows = context["rows"] as? [[String: Any]] {
            context["rows"] = rows.map { row in
                row.merging(["cells": (row["cells"] as? [[String: Any]] ?? []).map { cell in
                    cell.merging(["flag": Self.softHyphens(cell["flag"] as? String ?? "")]) { $1 }
                }]) { $1 }
            }
        }
        return context
    }

    /// Break opportunities (soft hyphens) in long German words before their usual endings, for the
    /// matrix's narrow columns: a browser without a hyphenation dictionary would otherwise break
    /// "Veranstaltungen" anywhere or let it run into the next cell.
    static func softHyphens(_ text: String) -> String {
        let consonants = Set("bcdfghjklmnpqrstvwxzß")
        return text.split(separator: " ", omittingEmptySubsequences: false).map { part -> String in
            let word = Array(part)
            guard word.count >= 10 else { return String(part) }
            let lower = String(part).lowercased()
            for suffix in ["ungen", "ung"] where lower.hasSuffix(suffix) {
                let at = word.count - suffix.count - 1
                if at > 3, consonants.contains(Character(word[at].lowercased())) {
                    return String(word[..<at]) + "\u{AD}" + String(word[at...])
                }
            }
            for suffix in ["nisse", "nis", "keit", "heit", "schaft"] where lower.hasSuffix(suffix) {
                let at = word.count - suffix.count
                return String(word[..<at]) + "\u{AD}" + String(word[at...])
            }
            return String(part)
        }.joined(separator: " ")
    }

    /// Offers grouped by the non-empty cells, in taxonomy order: the targets of the heatmap's links.
    /// The county's accent colour for its own pages.
    func branded(_ context: [String: Any], _ landscape: Landscape?) -> [String: Any] {
        var context = context
        context["accent"] = landscape?.county.branding.accent ?? false
        return context
    }

    /// `items`: `offerItems(landscape)`, when already made for the county's finder.
    func offers(_ landscape: Landscape, items: [[String: Any]]? = nil) -> [String: Any] {
        let items = items ?? offerItems(landscape)
        let texts = texts(landscape), wording = Wording(landscape: landscape, texts: texts)
        var context = branded(common(root: "../", title: texts("site.offers_title", ["county": landscape.county.name]), texts), landscape)
        context["county_name"] = landscape.county.name
        // a cell's offers in the county's order
        let positions = Dictionary(grouping: landscape.offers.indices) { landscape.offers[$0].fullID }
        context["cells"] = landscape.cells.filter { $0.n > 0 }.map { cell -> [String: Any] in
            let offers = Set(cell.offers).flatMap { positions[$0] ?? [] }.sorted().map { items[$0] }
            return ["anchor": "c-\(cell.phase)-\(cell.category)", "heading": "\(wording.phase(cell.phase)) × \(wording.category(cell.category))",
                    "offers": offers]
        }
        return context
    }

    /// The values of each of the county's offers, in its order, as its offers page and finder show them.
    func offerItems(_ landscape: Landscape) -> [[String: Any]] {
        let texts = texts(landscape)
        return landscape.offers.map { offerItem($0, landscape, texts) }
    }

    func offerItem(_ offer: ClassifiedOffer, _ landscape: Landscape, _ texts: Texts) -> [String: Any] {
        let taxonomy = landscape.taxonomy
        func labels(_ ids: [String], _ terms: [Term]) -> String {
            ids.map { id in terms.first { $0.id == id }?.label.text(texts.language) ?? id }.joined(separator: ", ")
        }
        let institution = landscape.county.institutions.first { $0.id == offer.institutionID }
        var item: [String: Any] = [
            "title": offer.offer.title,
            "institution": institution?.name ?? offer.institutionID,
            "href": "institutions/\(offer.institutionID).html",
            "county_id": landscape.county.id, "county": landscape.county.name,
            "phases": labels(offer.phases.map(\.rawValue), taxonomy.phases),
            "categories": labels(offer.categories.map(\.rawValue), taxonomy.categories),
            "languages": offer.offer.languages.map { languageName($0, texts) }.joined(separator: ", "),
            "target_groups": labels(offer.offer.targetGroups, taxonomy.targetGroups),
            "data_phases": offer.phases.map(\.rawValue).joined(separator: " "),
            "data_categories": offer.categories.map(\.rawValue).joined(separator: " "),
            "data_languages": offer.offer.languages.joined(separator: " "), "data_groups": offer.offer.targetGroups.joined(separator: " "),
            "data_cost": offer.offer.cost ?? "", "data_format": offer.offer.format ?? "",
        ]
        if let cost = offer.offer.cost { item["cost"] = labels([cost], taxonomy.costs) }
        if let format = offer.offer.format { item["format"] = labels([format], taxonomy.formats) }
        return item
    }

    /// `values`: the institution's values from the county page, when already built.
    func institution(_ institution: Institution, _ landscape: Landscape, values: [String: Any]? = nil) -> [String: Any] {
        let texts = texts(landscape)
        var context = branded(common(root: "../../", title: institution.name, texts), landscape)
        context["institution"] = values
            ?? ReportView(landscape: landscape, audience: .public, texts: texts).institution(institution, markdown: false)
        context["county"] = ["id": landscape.county.id, "name": landscape.county.name]
        context["contact_via"] = [[String: Any]]()
        if let shown = context["institution"] as? [String: Any], shown["website"] == nil, shown["address"] == nil,
           (shown["contacts"] as? [Any])?.isEmpty ?? true {
            context["contact_via"] = contactVia(institution, landscape)
        }
        return context
    }

    /// With no public contact, website or address: the institutions that refer to this one, as the way to reach it.
    func contactVia(_ institution: Institution, _ landscape: Landscape) -> [[String: Any]] {
        let referrers = landscape.network.referredBy(institution.id).compactMap(landscape.institution).sorted { $0.name < $1.name }
        return referrers.enumerated().map { index, other in
            ["name": other.name, "href": "\(other.id).html", "last": index == referrers.count - 1]
        }
    }

    /// Above this many offers the start finder asks for the county first (each county has its own).
    static let finderLimit = 5_000

    /// The finder over all counties (`finder.html`), or over one (`<county>/finder.html`).
    /// `items`: the county's `offerItems`, when already made.
    func finder(_ county: Landscape? = nil, items: [[String: Any]]? = nil, limit: Int = SiteView.finderLimit) -> [String: Any] {
        let chosen = county.map { [$0] } ?? landscapes
        let texts = texts(county), language = texts.language
        let title = county.map { texts("site.finder_county", ["county": $0.county.name]) } ?? texts("site.finder_title")
        var context = branded(common(root: county == nil ? "" : "../", title: title, texts), county)
        let total = chosen.reduce(0) { $0 + $1.offers.filter { !$0.isUnclassified }.count }
        if county == nil && total > limit {
            context["choosing"] = true
            context["choose_county"] = landscapes.map { ["id": $0.county.id, "name": $0.county.name] }
            return context
        }
        let taxonomy = chosen.first?.taxonomy ?? Taxonomy()
        func options(_ terms: [Term]) -> [[String: Any]] { terms.map { ["id": $0.id, "label": $0.label.text(language)] } }
        let languages = Set(chosen.flatMap { $0.offers.flatMap(\.offer.languages) }).sorted { a, b in
            a == "de" ? true : b == "de" ? false : languageName(a, texts) < languageName(b, texts)
        }
        var filters: [[String: Any]] = [
            ["key": "phases", "label": texts("report.phases"), "options": options(taxonomy.phases)],
            ["key": "categories", "label": texts("report.categories"), "options": options(taxonomy.categories)],
            ["key": "languages", "label": texts("report.languages"), "options": languages.map { ["id": $0, "label": languageName($0, texts)] }],
            ["key": "groups", "label": texts("report.target_groups"), "options": options(taxonomy.targetGroups.filter { $0.id != "alle" })],
            ["key": "cost", "label": texts("report.cost"), "options": options(taxonomy.costs)],
            ["key": "format", "label": texts("report.format"), "options": options(taxonomy.formats)],
        ]
        if county == nil {
            filters.append(["key": "county", "label": texts("compare.county"),
                            "options": landscapes.map { ["id": $0.county.id, "label": $0.county.name] }])
        }
        context["filters"] = filters
        if let items, let county {
            context["offers"] = county.offers.indices.filter { !county.offers[$0].isUnclassified }.map { items[$0] }
            context["total"] = total
            return context
        }
        context["offers"] = chosen.flatMap { landscape in
            landscape.offers.filter { !$0.isUnclassified }.map { offer -> [String: Any] in
                var item = offerItem(offer, landscape, texts)
                if county == nil {
                    item["href"] = "\(landscape.county.id)/institutions/\(offer.institutionID).html"
                    item["show_county"] = true
                }
                return item
            }
        }
        context["total"] = total
        return context
    }
}
