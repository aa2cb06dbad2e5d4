import OfferMapModel
import OfferMapInput
import OfferMapAnalysis
import OfferMapRender

/// The commands: the shared stages of `Pipeline.run` around each command's own step.
extension Pipeline {
    /// `offermap build`: one report set per county, staged as soon as the county is classified, so that memory does not
    /// grow with every rendered file.
    public static func build(_ options: BuildOptions, progress: (String) -> Void = { _ in }) async throws -> BuildResult {
        try await run(options, step: "render", streaming: true, perCounty: { landscape, _, templates, staging in
            try staging.write(report(landscape, options: options, templates: templates))
        }, progress: progress) { _, _ in }
    }

    /// Makes each county's files on all cores and stages them at once; returns their paths, in county order.
    static func stageEach(_ landscapes: [Landscape], options: BuildOptions, under folder: String, _ writer: inout OutputWriter,
                          _ files: @escaping @Sendable (Landscape) -> [(String, FileContent)]) async throws -> [String] {
        let staging = try writer.staging()
        let staged = await Parallel.map(landscapes, threads: options.threads, perTask: 1) { landscape in
            Result { try staging.write(files(landscape), under: folder) }
        }
        let paths = try staged.flatMap { try $0.get() }
        writer.staged(paths)
        return paths
    }

    /// One county's report files; the template values are built once for Markdown and HTML.
    static func report(_ landscape: Landscape, options: BuildOptions, templates: Templates) -> [(String, FileContent)] {
        let texts = Texts.shipped(landscape.language)
        var context: [String: Any]?
        func reportContext() -> [String: Any] {
            if let context { return context }
            let made = ReportView(landscape: landscape, audience: options.audience, texts: texts, reviewPages: options.reviewPages).context()
            context = made
            return made
        }
        return options.formats.map { format in
            let content: FileContent
            switch format {
            case .md: content = .text(templates.render("report.md", reportContext()))
            case .html: content = .text(templates.render("report.html", reportContext()))
            case .json: content = .json(LandscapeJSON.document(landscape, audience: options.audience,
                                                               wording: Wording(landscape: landscape, texts: texts)))
            case .csv: content = .text(MatrixCSV.make(landscape))
            }
            return ("\(landscape.county.id)/\(format.fileName)", content)
        }
    }

    /// `offermap compare`: `<out>/compare/compare.{md,html,json}`.
    public static func compare(_ options: BuildOptions, progress: (String) -> Void = { _ in }) async throws -> BuildResult {
        try await run(options, step: "compare", detail: .figures, progress: progress) { run, writer in
            for (path, content) in await comparison(run) { writer.add(path, content) }
        }
    }

    static func comparison(_ run: Run) async -> [(String, String)] {
        let options = run.options
        let comparison = await Comparison.make(run.landscapes, threads: options.threads)
        let shown = options.counties.isEmpty ? comparison.mostDifferent(limit: Comparison.heatmapLimit) : options.counties
        let context = CompareView(comparison: comparison, texts: Texts.shipped(options.sharedLanguage(run.landscapes)), date: options.date,
                                  shown: run.landscapes.map(\.county.id).filter(shown.contains)).context()
        // the JSON, the larger part, is written while the pages are rendered
        async let json = CompareJSON.make(comparison, date: options.date).serialized()
        let pages = [("compare/compare.md", run.templates.render("compare.md", context)),
                     ("compare/compare.html", run.templates.render("compare.html", context))]
        return pages + [("compare/compare.json", await json)]
    }

    /// `offermap publish`: the website in `<out>/site/`.
    /// A county's pages are rendered as soon as it is classified; the pages of all counties come last.
    public static func publish(_ options: BuildOptions, baseURL: String?, progress: (String) -> Void = { _ in }) async throws -> BuildResult {
        try await run(options, step: "render", streaming: true, perCounty: { landscape, shared, templates, staging in
            let view = SiteView(landscapes: [], texts: Texts.shipped(shared), date: options.date)
            return try staging.write(SiteBuilder.countyFiles(landscape, view: view, templates: templates), under: siteFolder)
        }, progress: progress) { run, writer in
            try await sharedPages(run, countyFiles: run.countyFiles, baseURL: baseURL, &writer)
        }
    }

    /// The site in one go, from counties classified before (`serve`).
    static func site(_ run: Run, baseURL: String?, _ writer: inout OutputWriter) async throws {
        let view = siteView(run)
        let files = try await stageEach(run.landscapes, options: run.options, under: siteFolder, &writer) { landscape in
            SiteBuilder.countyFiles(landscape, view: view, templates: run.templates)
        }
        try await sharedPages(run, countyFiles: files, baseURL: baseURL, &writer)
    }

    /// The site's values over all counties of the run, in the language of the pages they share.
    static func siteView(_ run: Run) -> SiteView {
        SiteView(landscapes: run.landscapes, texts: Texts.shipped(run.options.sharedLanguage(run.landscapes)), date: run.options.date)
    }

    /// The site's folder in the output.
    static let siteFolder = "site/"

    /// The pages and data of all counties: start page, finder, comparison, open data, sitemap.
    /// `countyFiles`: the counties' own files as staged, under `siteFolder`.
    static func sharedPages(_ run: Run, countyFiles: [String], baseURL: String?, _ writer: inout OutputWriter) async throws {
        let pages = countyFiles.map { String($0.dropFirst(siteFolder.count)) }
        let shared = try await SiteBuilder.sharedFiles(run.landscapes, comparison: await Comparison.make(run.landscapes, threads: run.options.threads), view: siteView(run),
                                                 templates: run.templates, baseURL: baseURL, countyPages: pages, writer: &writer,
                                                 folder: siteFolder)
        for (path, content) in shared.sorted(by: { $0.key < $1.key }) { try writer.stream(siteFolder + path, content) }
    }

    /// `offermap serve`: reports (under `reports/`), comparison and site from one load, for a preview folder.
    public static func preview(_ options: BuildOptions) async throws -> BuildResult {
        try await run(options, step: "render", streaming: true, progress: { _ in }) { run, writer in
            _ = try await stageEach(run.landscapes, options: run.options, under: "reports/", &writer) { landscape in
                report(landscape, options: run.options, templates: run.templates)
            }
            for (path, content) in await comparison(run) { try writer.stream(path, content) }
            try await site(run, baseURL: nil, &writer)
        }
    }

    /// `offermap kit`: printable workshop material in `<out>/<county>/kit/`.
    public static func kit(_ options: BuildOptions, progress: (String) -> Void = { _ in }) async throws -> BuildResult {
        try await run(options, step: "render", progress: progress) { run, writer in
            for landscape in run.landscapes {
                let view = KitView(landscape: landscape, texts: Texts.shipped(landscape.language))
                let folder = "\(landscape.county.id)/kit/"
                writer.add(folder + "all-sheets.html", run.templates.render("kit-sheets.html", view.sheets(landscape.county.institutions)))
                for institution in landscape.county.institutions {
                    writer.add(folder + "\(institution.id).html", run.templates.render("kit-sheets.html", view.sheets([institution])))
                }
                writer.add(folder + "poster.html", run.templates.render("kit-poster.html", view.poster()))
            }
        }
    }
}

extension Pipeline {
    /// Every county's report files at once, in memory (tests and tools; `build` streams them).
    public static func render(_ landscapes: [Landscape], options: BuildOptions, templates: Templates) async -> OutputWriter {
        let rendered = await Parallel.map(landscapes, threads: options.threads) {
            report($0, options: options, templates: templates).map { path, content in (path, content.text) }
        }
        var writer = OutputWriter(root: options.out)
        for (path, content) in rendered.joined() { writer.add(path, content) }
        return writer
    }
}
