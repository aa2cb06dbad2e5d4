import Foundation
import Testing
@testable import OfferMapModel
@testable import OfferMapInput
@testable import OfferMapRender
@testable import OfferMapCore
@testable import OfferMapServe

/// The review page's values and the server's request checks, without a browser (Tests/site/test_serve.py drives
/// the running server in Chromium).
@Suite struct ServeTests {
    static let files = [
        "kreis/county.yaml": countyYAML,
        "kreis/institutions/wfg.md": institution("""
        name: Wirtschaftsförderung <b>Test</b>
        type: wirtschaftsfoerderung
        offers:
          - title: Gründungsberatung für den Businessplan
            description: Einzelberatung zum Businessplan und zur Finanzierung, vor der Gründung.
          - title: Sprechstunde
            description: Offene Sprechstunde.
          - title: Gründungszuschuss
            phases: [gruendung]
            categories: [finanzierung]
        """),
    ]

    func samples() async throws -> [Landscape] {
        var options = BuildOptions(date: Day("2026-11-25")!)
        options.classifiers = testClassifiers
        options.inputs = repositoryRoot.appendingPathComponent("inputs").path
        var diagnostics = Diagnostics()
        return await Pipeline.analyse(try await Pipeline.load(options, diagnostics: &diagnostics), options: options, diagnostics: &diagnostics)
    }

    @Test func reviewListsOffersWithMachineLabelsLeastSureFirst() async throws {
        let scratch = Scratch(ServeTests.files)
        let landscape = scratch.landscape()
        let view = ReviewView(landscape: landscape, texts: Texts.shipped(.de))
        let open = view.open
        #expect(open.map(\.offer.id).sorted() == ["gruendungsberatung-fuer-den-businessplan", "sprechstunde"])
        #expect(open.map(\.confidence) == open.map(\.confidence).sorted())
        let offenbach = try #require(try await samples().first { $0.county.id == "kreis-offenbach" })
        let first = try #require(ReviewView(landscape: offenbach, texts: Texts.shipped(.de)).open.first)
        #expect(first.isUnclassified)
        let context = view.context(ReviewView.Page(token: "t", versions: [:]))
        #expect(context["progress"] as? String == "1 von 3 Angeboten bestätigt")
    }

    @Test func wordsThatCarriedALabelAreMarkedAndTheRestIsKept() throws {
        let scratch = Scratch(ServeTests.files)
        let landscape = scratch.landscape()
        let view = ReviewView(landscape: landscape, texts: Texts.shipped(.de))
        let offer = try #require(landscape.offers.first { $0.offer.id == "gruendungsberatung-fuer-den-businessplan" })
        let parts = view.parts(offer, .description)
        #expect(parts.map { $0["text"] as! String }.joined() == offer.offer.description)
        let marked = parts.filter { $0["mark"] as! Bool }.map { $0["text"] as! String }
        #expect(marked.contains { $0.contains("Businessplan") })
    }

    @Test func reviewPageEscapesOfferTextAndCarriesTheToken() throws {
        let scratch = Scratch(ServeTests.files)
        let landscape = scratch.landscape()
        var diagnostics = Diagnostics()
        let templates = Templates(diagnostics: &diagnostics)
        let page = ReviewView.Page(token: "abc123", versions: [:])
        let html = templates.render("review.html", ReviewView(landscape: landscape, texts: Texts.shipped(.de)).context(page))
        #expect(html.contains("Wirtschaftsförderung &lt;b&gt;Test&lt;/b&gt;"))
        #expect(!html.contains("<b>Test</b>"))
        #expect(html.contains(#"name="token" value="abc123""#))
        #expect(html.contains("<code>kreis/institutions/wfg.md:"))
        #expect(!html.contains(scratch.root))
    }

    @Test func formFieldsAreDecodedAndRepeatedOnesKept() {
        let form = Form(Data("token=a%20b&label=phase%3Agruendung&label=category%3Arecht&next=&x=%ZZ&title=A+B".utf8))
        #expect(form.first("token") == "a b")
        #expect(form.all("label") == ["phase:gruendung", "category:recht"])
        #expect(form.first("next") == "")
        #expect(form.first("x") == "")
        #expect(form.first("title") == "A B")
    }

    @Test func onlyThisServersHostAndOriginAreAccepted() async {
        let origin = Origin()
        await origin.set("http://127.0.0.1:4000", port: 4000)
        #expect(await origin.allowsHost("127.0.0.1:4000"))
        #expect(await origin.allowsHost("localhost:4000"))
        #expect(await !origin.allowsHost("evil.example:4000"))
        #expect(await !origin.allowsHost(nil))
        #expect(await origin.allowsOrigin("http://127.0.0.1:4000", site: "same-origin"))
        #expect(await origin.allowsOrigin(nil, site: nil))
        #expect(await !origin.allowsOrigin("http://evil.example", site: nil))
        #expect(await !origin.allowsOrigin(nil, site: "cross-site"))
    }

    @Test func conflictShowsTheLinesThatChanged() {
        let lines = Review.changes(from: "a\nb\nc\n", to: "a\nB\nc\n", path: "/x/wfg.md")
        #expect(lines == ["wfg.md", "- 2: b", "+ 2: B"])
    }

    @Test func filesOutsideTheOutputAreNotNames() {
        #expect(Responses.isPlainPath(["reports", "kreis", "report.html"]))
        #expect(!Responses.isPlainPath(["site", ".."]))
        #expect(!Responses.isPlainPath([".offermap-staging-1", "x.html"]))
        #expect(!Responses.isPlainPath(["a%2f"]))
        #expect(!Responses.isPlainPath([]))
    }

    @Test func theLiveScriptGoesIntoTheHeadAndErrorsOnTop() {
        let page = Responses.inject("<html><head></head><body class=\"x\"><main></main></body></html>", banner: "<p>Fehler</p>", generation: 7)
        #expect(page == "<html><head><script src=\"/_serve.js\" data-generation=\"7\" defer></script>\n</head><body class=\"x\">\n<p>Fehler</p><main></main></body></html>")
    }
}
