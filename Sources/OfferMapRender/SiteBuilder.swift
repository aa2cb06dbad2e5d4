import OfferMapModel
import OfferMapInput
import OfferMapAnalysis
/// `offermap publish`: the public website under `<out>/site/`.
/// Everything public: only contacts with `public: true` appear anywhere.
public enum SiteBuilder {
    /// The pages and data that span all counties; the sitemap lists `countyPages` too.
    /// The open data (offers.csv, HSDS) goes straight into `writer`; the pages are returned.
    package static func sharedFiles(_ landscapes: [Landscape], comparison: Comparison, view: SiteView, templates: Templates,
                            baseURL: String?, countyPages: [String], writer: inout OutputWriter, folder: String) async throws -> [String: String] {
        let texts = view.texts
        var files: [String: String] = [:]
        files["index.html"] = templates.render("site-index.html", view.index())
        files["finder.html"] = templates.render("site-finder.html", view.finder())
        var compare = CompareView(comparison: comparison, texts: texts, date: view.date,
                                  shown: comparison.mostDifferent(limit: Comparison.heatmapLimit)).context()
        compare.merge(view.common(root: "", title: texts("compare.title"))) { $1 }
        files["compare.html"] = templates.render("site-compare.html", compare)
        files["assets/site.css"] = templates.render("report.css", [:]) + templates.render("site.css", [:])
        files["assets/finder.js"] = templates.render("site-finder.js", [:])
        try await OffersCSV.write(landscapes, to: try writer.open(folder + "data/offers.csv"))
        try await HSDS.export(landscapes, folder: folder + "data/hsds", writer: &writer)
        if let baseURL {
            let pages = (Array(files.keys) + countyPages).filter { $0.hasSuffix(".html") && !$0.hasSuffix("embed.html") }
            files["sitemap.xml"] = sitemap(baseURL, paths: pages)
        }
        return files
    }

    /// A county's own pages and data; the public report values are built once for page and embed.
    package static func countyFiles(_ landscape: Landscape, view: SiteView, templates: Templates) -> [(String, FileContent)] {
        let id = landscape.county.id
        let county = view.county(landscape) { templates.reads($0, in: ["site-county.html", "site-embed.html", "site-institution.html"]) }
        var embed = county
        let texts = view.texts(landscape), items = view.offerItems(landscape)
        embed["page_title"] = texts("site.embed_title", ["county": landscape.county.name])
        var files: [(String, FileContent)] = [
            ("\(id)/index.html", .text(templates.render("site-county.html", county))),
            ("\(id)/offers.html", .text(templates.render("site-offers.html", view.offers(landscape, items: items)))),
            ("\(id)/embed.html", .text(templates.render("site-embed.html", embed))),
            ("\(id)/finder.html", .text(templates.render("site-finder.html", view.finder(landscape, items: items)))),
            ("data/\(id).json", .json(LandscapeJSON.document(landscape, audience: .public, wording: Wording(landscape: landscape, texts: texts)))),
        ]
        let values = county["institutions"] as? [[String: Any]]
        for (index, institution) in landscape.county.institutions.enumerated() {
            files.append(("\(id)/institutions/\(institution.id).html",
                          .text(templates.render("site-institution.html", view.institution(institution, landscape, values: values?[index])))))
        }
        return files
    }

    static func sitemap(_ baseURL: String, paths: [String]) -> String {
        let base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        let entries = paths.sorted().map { "  <url><loc>\(xmlEscape(base + $0))</loc></url>" }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            + entries.joined(separator: "\n") + "\n</urlset>\n"
    }

    static func xmlEscape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

/// `data/offers.csv`: one flat row per offer of every county, public fields only.
public enum OffersCSV {
    /// County by county into the file (at national scale the table has 70,000 rows), a few counties' rows made
    /// side by side.
    static func write(_ landscapes: [Landscape], to file: OutputFile) async throws {
        try file.append(CSV.line(["county_id", "county", "institution_id", "institution", "institution_type", "offer_id",
                             "title", "description", "phases", "categories", "target_groups", "languages", "cost",
                             "format", "municipalities", "url", "website"]))
        for batch in Parallel.batches(landscapes) {
            for rows in await Parallel.map(Array(batch), rows) { try file.append(rows) }
        }
        try file.flush()
    }

    @Sendable static func rows(_ landscape: Landscape) -> String {
        var rows = ""
        let institutions = Dictionary(landscape.county.institutions.map { ($0.id, $0) }) { first, _ in first }
        for offer in landscape.offers {
            let institution = institutions[offer.institutionID]
            rows += CSV.line([
                landscape.county.id, landscape.county.name, offer.institutionID, institution?.name ?? "",
                institution?.type ?? "", offer.fullID, offer.offer.title, offer.offer.description,
                offer.phases.map(\.rawValue).joined(separator: ";"), offer.categories.map(\.rawValue).joined(separator: ";"),
                offer.offer.targetGroups.joined(separator: ";"), offer.offer.languages.joined(separator: ";"),
                offer.offer.cost ?? "", offer.offer.format ?? "", offer.offer.municipalities.joined(separator: ";"),
                offer.offer.url ?? "", institution?.website ?? "",
            ])
        }
        return rows
    }
}
