/// The other commands: the same first stages as `build`, then their own output.
extension Pipeline {
    /// At most this many counties get a heatmap and a difference list when none are chosen.
    public static let heatmapLimit = 8

    /// `offermap compare`: `<out>/compare/compare.{md,html,json}`.
    public static func compare(_ options: BuildOptions, progress: (String) -> Void = { _ in }) async throws -> BuildResult {
        let (landscapes, templates, diagnostics) = try await prepare(options, progress: progress)
        guard let landscapes else { return BuildResult(diagnostics: diagnostics, blocked: true) }
        progress("[3/4] compare")
        let comparison = Comparison(landscapes)
        let shown = options.counties.isEmpty ? comparison.mostDifferent(limit: heatmapLimit) : options.counties
        let context = CompareView(comparison: comparison, texts: Texts.shipped(options.language ?? .de), date: options.date,
                                  shown: landscapes.map(\.county.id).filter(shown.contains)).context()
        var writer = OutputWriter(root: options.out)
        writer.add("compare/compare.md", templates.render("compare.md", context))
        writer.add("compare/compare.html", templates.render("compare.html", context))
        writer.add("compare/compare.json", CompareJSON.make(comparison, date: options.date).serialized())
        progress("[4/4] write")
        return BuildResult(diagnostics: diagnostics, written: try writer.commit(), landscapes: landscapes)
    }

    /// `offermap publish`: the website in `<out>/site/`.
    public static func publish(_ options: BuildOptions, baseURL: String?, progress: (String) -> Void = { _ in }) async throws -> BuildResult {
        let (landscapes, templates, diagnostics) = try await prepare(options, progress: progress)
        guard let landscapes else { return BuildResult(diagnostics: diagnostics, blocked: true) }
        progress("[3/4] render")
        let texts = Texts.shipped(options.language ?? .de)
        let view = SiteView(landscapes: landscapes, texts: texts, date: options.date)
        var writer = OutputWriter(root: options.out, streaming: true)
        var pages: [String] = []
        for chunk in chunks(landscapes, options) {
            let rendered = await Parallel.map(Array(chunk), threads: options.threads) {
                SiteBuilder.countyFiles($0, view: view, templates: templates)
            }
            for (path, content) in rendered.joined() {
                try writer.stream("site/" + path, content)
                pages.append(path)
            }
        }
        let shared = try SiteBuilder.sharedFiles(landscapes, comparison: Comparison(landscapes), view: view, templates: templates,
                                             baseURL: baseURL, countyPages: pages, writer: &writer, folder: "site/")
        for (path, content) in shared.sorted(by: { $0.key < $1.key }) { try writer.stream("site/" + path, content) }
        progress("[4/4] write")
        return BuildResult(diagnostics: diagnostics, written: try writer.commit(), landscapes: landscapes)
    }

    /// `offermap kit`: printable workshop material in `<out>/<county>/kit/`.
    public static func kit(_ options: BuildOptions, progress: (String) -> Void = { _ in }) async throws -> BuildResult {
        let (landscapes, templates, diagnostics) = try await prepare(options, progress: progress)
        guard let landscapes else { return BuildResult(diagnostics: diagnostics, blocked: true) }
        progress("[3/4] render")
        var writer = OutputWriter(root: options.out)
        for landscape in landscapes {
            let view = KitView(landscape: landscape, texts: Texts.shipped(options.language ?? landscape.language))
            let folder = "\(landscape.county.id)/kit/"
            writer.add(folder + "all-sheets.html", templates.render("kit-sheets.html", view.sheets(landscape.county.institutions)))
            for institution in landscape.county.institutions {
                writer.add(folder + "\(institution.id).html", templates.render("kit-sheets.html", view.sheets([institution])))
            }
            writer.add(folder + "poster.html", templates.render("kit-poster.html", view.poster()))
        }
        progress("[4/4] write")
        return BuildResult(diagnostics: diagnostics, written: try writer.commit(), landscapes: landscapes)
    }
}
