import Foundation
import Mustache
import Testing
import OfferMapResources
@testable import OfferMapModel
@testable import OfferMapInput
@testable import OfferMapAnalysis
@testable import OfferMapRender
@testable import OfferMapCore

/// The compiled templates against swift-mustache: the same bytes for every shipped template over every context the
/// pipeline makes (reports, comparison, site, kit, serve pages) for the golden fixture and the sample counties, in
/// German and English, internal and public; and the Mustache spec cases of the features the templates use.
@Suite(.serialized) struct CompiledTemplatesTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The shipped templates as overrides: swift-mustache renders every one of them from the same text.
    static let templateFolder = repository.appendingPathComponent("templates").path

    struct Engines {
        let compiled: Templates
        let interpreted: Templates

        init() {
            var diagnostics = Diagnostics()
            compiled = Templates(diagnostics: &diagnostics)
            interpreted = Templates(overrides: CompiledTemplatesTests.templateFolder, diagnostics: &diagnostics)
            #expect(diagnostics.all.isEmpty)
            #expect(compiled.interpreted.isEmpty)
            #expect(interpreted.interpreted == Set(Shipped.templates.keys))
        }
    }

    /// Every file a step renders, by path, with one engine.
    func rendered(_ landscapes: [Landscape], _ options: BuildOptions, _ templates: Templates) async throws -> [String: String] {
        var files: [String: String] = [:]
        let run = Pipeline.Run(options: options, landscapes: landscapes, templates: templates)
        for landscape in landscapes {
            for (path, content) in Pipeline.report(landscape, options: options, templates: templates) { files[path] = content.text }
            let kit = KitView(landscape: landscape, texts: Texts.shipped(landscape.language))
            files["\(landscape.county.id)/kit/all-sheets.html"] = templates.render("kit-sheets.html", kit.sheets(landscape.county.institutions))
            for institution in landscape.county.institutions {
                files["\(landscape.county.id)/kit/\(institution.id).html"] = templates.render("kit-sheets.html", kit.sheets([institution]))
            }
            files["\(landscape.county.id)/kit/poster.html"] = templates.render("kit-poster.html", kit.poster())
            var page = ReviewView.Page(token: "token", versions: [:])
            page.notice = "Gespeichert <b>"
            page.conflict = ["x.md"]
            page.undo = "Angebot \"A\""
            page.errors = [Diagnostic(.brokenTemplate, .error, SourceLocation(path: "a.md", line: 2, column: 3), "broken <template>")]
            files["review/\(landscape.county.id).html"] = templates.render("review.html", ReviewView(landscape: landscape, texts: Texts.shipped(landscape.language)).context(page))
        }
        for (path, text) in await Pipeline.comparison(run) { files[path] = text }
        let texts = Texts.shipped(options.sharedLanguage(landscapes))
        let errors = [Diagnostic(.unclassifiedOffer, .warning, SourceLocation(path: "b.md"), "odd & <odd>")]
        files["serve/index.html"] = templates.render("serve-index.html", ServeView.index(landscapes, texts: texts, inputs: "in", errors: errors))
        files["serve/errors.html"] = templates.render("serve-errors.html", ServeView.values(errors, texts: texts))
        files["serve/serve.js"] = templates.render("serve.js", [:])
        let scratch = NSTemporaryDirectory() + "offermap-compiled-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        var writer = OutputWriter(root: scratch, streaming: true)
        let view = SiteView(landscapes: landscapes, texts: texts, date: options.date)
        var pages: [String] = []
        for landscape in landscapes {
            for (path, content) in SiteBuilder.countyFiles(landscape, view: view, templates: templates) {
                files["site/" + path] = content.text
                pages.append(path)
            }
        }
        for (path, text) in try await SiteBuilder.sharedFiles(landscapes, comparison: Comparison(landscapes), view: view, templates: templates,
                                                        baseURL: "https://example.org/", countyPages: pages, writer: &writer, folder: "site/") {
            files["site/" + path] = text
        }
        return files
    }

    func compareEngines(inputs: String) async throws {
        let engines = Engines()
        for language in [Language.de, .en] {
            var options = BuildOptions(date: Day("2026-11-25")!)
            options.classifiers = testClassifiers
            options.inputs = inputs
            options.language = language
            var diagnostics = Diagnostics()
            let counties = try await Pipeline.load(options, diagnostics: &diagnostics)
            let landscapes = await Pipeline.analyse(counties, options: options, diagnostics: &diagnostics)
            #expect(!landscapes.isEmpty)
            for audience in [Audience.internal, .public] {
                options.audience = audience
                let compiled = try await rendered(landscapes, options, engines.compiled)
                let interpreted = try await rendered(landscapes, options, engines.interpreted)
                #expect(compiled.keys.sorted() == interpreted.keys.sorted())
                #expect(compiled.count > 20)
                for (path, text) in compiled.sorted(by: { $0.key < $1.key }) {
                    let other = interpreted[path] ?? ""
                    let same = text.utf8.elementsEqual(other.utf8)
                    #expect(same, "\(path) (\(language), \(audience)) differs \(same ? "" : firstDifference(text, other))")
                }
            }
        }
    }

    func firstDifference(_ a: String, _ b: String) -> String {
        let a = Array(a.utf8), b = Array(b.utf8)
        let index = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        func around(_ bytes: [UInt8]) -> String { String(decoding: bytes[max(0, index - 60)..<min(bytes.count, index + 60)], as: UTF8.self) }
        return "at byte \(index): compiled …\(around(a))… swift-mustache …\(around(b))…"
    }

    @Test func goldenFixtureGivesTheSameBytes() async throws {
        try await compareEngines(inputs: GoldenTests.folder.appendingPathComponent("inputs").path)
    }

    @Test func sampleCountiesGiveTheSameBytes() async throws {
        try await compareEngines(inputs: CompiledTemplatesTests.repository.appendingPathComponent("inputs").path)
    }

    @Test func everyShippedTemplateIsCompiled() {
        #expect(CompiledTemplates.names == Set(Shipped.templates.keys))
    }

    @Test func aReplacedTemplateAndThoseIncludingItRenderThroughSwiftMustache() throws {
        let scratch = Scratch(["templates/site-head.html.mustache": "<head>{{page_title}} own</head>\n"])
        var diagnostics = Diagnostics()
        let templates = Templates(overrides: scratch.root + "/templates", diagnostics: &diagnostics)
        #expect(diagnostics.all.isEmpty)
        let page = templates.render("site-index.html", ["page_title": "A & B", "root": ""])
        #expect(page.hasPrefix("<head>A &amp; B own</head>\n"))
        // a template that does not include it stays compiled, with the same bytes
        #expect(templates.render("report.css", [:]) == Engines().interpreted.render("report.css", [:]))
    }

    /// Values no template reads are not made; a replaced template may read anything, and one that does gets it.
    @Test func valuesAreMadeForTheTemplatesThatReadThem() async throws {
        var diagnostics = Diagnostics()
        let shipped = Templates(diagnostics: &diagnostics)
        #expect(shipped.reads("evidence", in: ["report.html"]) && shipped.reads("phases", in: ["site-institution.html"]))
        #expect(!shipped.reads("evidence", in: ["site-county.html", "site-embed.html", "site-institution.html"]))
        let scratch = Scratch([
            "templates/site-institution.html.mustache": "{{#institution}}{{#offers}}<p>{{title}}: {{evidence}}</p>{{/offers}}{{/institution}}\n",
        ])
        let replaced = Templates(overrides: scratch.root + "/templates", diagnostics: &diagnostics)
        #expect(diagnostics.all.isEmpty)
        #expect(replaced.reads("evidence", in: ["site-institution.html"]))
        var options = BuildOptions(date: Day("2026-11-25")!)
        options.classifiers = testClassifiers
        options.inputs = CompiledTemplatesTests.repository.appendingPathComponent("inputs").path
        options.counties = ["werra-meissner"]
        let counties = try await Pipeline.load(options, diagnostics: &diagnostics)
        let landscape = try #require(await Pipeline.analyse(counties, options: options, diagnostics: &diagnostics).first)
        let view = SiteView(landscapes: [landscape], texts: Texts.shipped(landscape.language), date: landscape.date)
        let files = Dictionary(uniqueKeysWithValues: SiteBuilder.countyFiles(landscape, view: view, templates: replaced).map { ($0.0, $0.1.text) })
        let page = try #require(files.first { $0.key.contains("/institutions/") && $0.value.contains("<p>") }?.value)
        #expect(page.contains("erkannt an: ") || page.contains("in der Datei angegeben"))
    }

    // MARK: the Mustache spec (github.com/mustache/spec, v1.4) for the features the templates use; templates in Fixtures/spec

    static let specFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/spec")

    static let specLibrary: MustacheLibrary = {
        var library = MustacheLibrary()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: specFolder.path)) ?? []
        for file in names where file.hasSuffix(".mustache") {
            let text = try! String(contentsOf: specFolder.appendingPathComponent(file), encoding: .utf8)
            library.register(try! MustacheTemplate(string: text), named: String(file.dropLast(".mustache".count)))
        }
        return library
    }()

    struct SpecCase: Sendable, CustomTestStringConvertible {
        let name: String
        nonisolated(unsafe) let data: Any
        /// The spec's expectation; nil where the spec has none (swift-mustache's own answer is the reference).
        let expected: String?
        var testDescription: String { name }
    }

    static let forbidden = "& \" < >"
    static let specCases: [SpecCase] = [
        SpecCase(name: "interpolation-none", data: [String: Any](), expected: "Hello from {Mustache}!\n"),
        SpecCase(name: "interpolation-basic", data: ["subject": "world"], expected: "Hello, world!\n"),
        SpecCase(name: "interpolation-html-escaping", data: ["forbidden": forbidden],
                 expected: "These characters should be HTML escaped: &amp; &quot; &lt; &gt;\n"),
        SpecCase(name: "interpolation-triple-mustache", data: ["forbidden": forbidden],
                 expected: "These characters should not be HTML escaped: & \" < >\n"),
        SpecCase(name: "interpolation-ampersand", data: ["forbidden": forbidden],
                 expected: "These characters should not be HTML escaped: & \" < >\n"),
        SpecCase(name: "interpolation-integer", data: ["mph": 85], expected: "\"85 miles an hour!\""),
        SpecCase(name: "interpolation-decimal", data: ["power": 1.210], expected: "\"1.21 jiggawatts!\""),
        SpecCase(name: "interpolation-null", data: ["cannot": NSNull()], expected: "I () be seen!"),
        SpecCase(name: "interpolation-context-miss", data: [String: Any](), expected: "I () be seen!"),
        SpecCase(name: "interpolation-dotted", data: ["person": ["name": "Joe"]], expected: "\"Joe\" == \"Joe\""),
        SpecCase(name: "interpolation-dotted-depth", data: ["a": ["b": ["c": ["d": ["e": ["name": "Phil"]]]]]],
                 expected: "\"Phil\" == \"Phil\""),
        SpecCase(name: "interpolation-dotted-broken", data: ["a": [String: Any]()], expected: "\"\" == \"\""),
        SpecCase(name: "interpolation-dotted-broken-resolution", data: ["a": ["b": [String: Any]()], "c": ["name": "Jim"]],
                 expected: "\"\" == \"\""),
        SpecCase(name: "interpolation-dotted-initial",
                 data: ["a": ["b": ["c": ["d": ["e": ["name": "Phil"]]]]], "b": ["c": ["d": ["e": ["name": "Wrong"]]]]],
                 expected: "\"Phil\" == \"Phil\""),
        SpecCase(name: "interpolation-implicit", data: "world", expected: "Hello, world!\n"),
        SpecCase(name: "interpolation-standalone", data: ["string": "---"], expected: "  ---\n"),
        SpecCase(name: "interpolation-padding", data: ["string": "---"], expected: "|---|"),
        SpecCase(name: "sections-truthy", data: ["boolean": true], expected: "\"This should be rendered.\""),
        SpecCase(name: "sections-falsey", data: ["boolean": false], expected: "\"\""),
        SpecCase(name: "sections-null", data: ["null": NSNull()], expected: "\"\""),
        SpecCase(name: "sections-context", data: ["context": ["name": "Joe"]], expected: "\"Hi Joe.\""),
        SpecCase(name: "sections-list", data: ["list": [["item": 1], ["item": 2], ["item": 3]]], expected: "\"123\""),
        SpecCase(name: "sections-empty-list", data: ["list": [Any]()], expected: "\"\""),
        SpecCase(name: "sections-implicit-string", data: ["list": ["a", "b", "c", "d", "e"]], expected: "\"(a)(b)(c)(d)(e)\""),
        SpecCase(name: "sections-implicit-integer", data: ["list": [1, 2, 3, 4, 5]], expected: "\"(1)(2)(3)(4)(5)\""),
        SpecCase(name: "sections-implicit-decimal", data: ["list": [1.1, 2.2, 3.3, 4.4, 5.5]], expected: "\"(1.1)(2.2)(3.3)(4.4)(5.5)\""),
        SpecCase(name: "sections-deeply-nested", data: ["a": ["one": 1], "b": ["two": 2], "c": ["three": 3]],
                 expected: "1\n121\n12321\n121\n1\n"),
        SpecCase(name: "sections-context-miss", data: [String: Any](), expected: "[]"),
        SpecCase(name: "sections-standalone-lines", data: ["boolean": true], expected: "| This Is\n|\n| A Line\n"),
        SpecCase(name: "sections-indented-standalone-lines", data: ["boolean": true], expected: "| This Is\n|\n| A Line\n"),
        SpecCase(name: "sections-standalone-line-endings", data: ["boolean": true], expected: "|\r\n|"),
        SpecCase(name: "sections-standalone-without-previous-line", data: ["boolean": true], expected: "#\n/"),
        SpecCase(name: "sections-standalone-without-newline", data: ["boolean": true], expected: "#\n/\n"),
        SpecCase(name: "sections-indented-inline", data: ["boolean": true], expected: " YES\n GOOD\n"),
        // not in the spec: 0 and "" are truthy in swift-mustache (only false, nil, NSNull and empty lists are falsy)
        SpecCase(name: "sections-zero-and-empty-string", data: ["zero": 0, "empty": "", "nothing": NSNull()],
                 expected: "[zero|empty|no nothing]"),
        SpecCase(name: "inverted-falsey", data: ["boolean": false], expected: "\"This should be rendered.\""),
        SpecCase(name: "inverted-truthy", data: ["boolean": true], expected: "\"\""),
        SpecCase(name: "inverted-null", data: ["null": NSNull()], expected: "\"This should be rendered.\""),
        SpecCase(name: "inverted-context", data: ["context": ["name": "Joe"]], expected: "\"\""),
        SpecCase(name: "inverted-list", data: ["list": [["n": 1], ["n": 2], ["n": 3]]], expected: "\"\""),
        SpecCase(name: "inverted-empty-list", data: ["list": [Any]()], expected: "\"Yay lists!\""),
        SpecCase(name: "inverted-standalone-lines", data: ["boolean": false], expected: "| This Is\n|\n| A Line\n"),
        SpecCase(name: "partials-basic", data: [String: Any](), expected: "\"from partial\""),
        SpecCase(name: "partials-failed-lookup", data: [String: Any](), expected: "\"\""),
        SpecCase(name: "partials-context", data: ["text": "content"], expected: "\"*content*\""),
        SpecCase(name: "partials-recursion", data: ["content": "X", "nodes": [["content": "Y", "nodes": [Any]()]]], expected: "X<Y<>>"),
        SpecCase(name: "partials-nested", data: ["a": "hello", "b": "world"], expected: "*hello world!*"),
        SpecCase(name: "partials-surrounding-whitespace", data: [String: Any](), expected: "| \t|\t |"),
        SpecCase(name: "partials-inline-indentation", data: ["data": "|"], expected: "  |  >\n>\n"),
        SpecCase(name: "partials-standalone-line-endings", data: [String: Any](), expected: "|\r\n>|"),
        SpecCase(name: "partials-standalone-without-previous-line", data: [String: Any](), expected: "  >\n  >>"),
        SpecCase(name: "partials-standalone-without-newline", data: [String: Any](), expected: ">\n  >\n  >"),
        SpecCase(name: "partials-standalone-indentation", data: ["content": "<\n->"], expected: "\\\n |\n <\n->\n |\n/\n"),
        SpecCase(name: "partials-padding-whitespace", data: ["boolean": true], expected: "|[]|"),
        SpecCase(name: "comments-standalone", data: [String: Any](), expected: "Begin.\nEnd.\n"),
        SpecCase(name: "comments-inline", data: [String: Any](), expected: "1234567890"),
        SpecCase(name: "comments-multiline-standalone", data: [String: Any](), expected: "Begin.\nEnd.\n"),
        // not in the spec: a dotted name found in the root value is remembered (TemplateStack.find(slot:...)) only
        // while no value entered since has its first name
        SpecCase(name: "sections-dotted-shadowed",
                 data: ["t": ["a": "root"], "list": [["n": 1], ["t": ["a": "item"]], ["inner": ["t": ["a": "inner"]]], ["inner": true]]],
                 expected: "root|root,item,root,root,|root|;;inner;root;||root\n"),
        // not in the spec: the transforms the templates use
        SpecCase(name: "transforms-sequence-position", data: ["list": ["a", "b", "c"], "none": [String]()], expected: "a, b, c!none"),
    ]

    @Test(arguments: specCases) func specCase(_ spec: SpecCase) throws {
        let interpreted = CompiledTemplatesTests.specLibrary.render(spec.data, withTemplate: spec.name)
        let compiled = TemplateRuntime.render(spec.name, spec.data, with: SpecTemplates.render)
        #expect(compiled != nil)
        #expect(compiled == interpreted, "compiled \(String(reflecting: compiled)) vs swift-mustache \(String(reflecting: interpreted))")
        if let expected = spec.expected { #expect(compiled == expected) }
    }

    @Test func everySpecTemplateHasACase() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: CompiledTemplatesTests.specFolder.path).map { String($0.dropLast(".mustache".count)) }
        let cases = Set(CompiledTemplatesTests.specCases.map(\.name))
        #expect(names.filter { name in !cases.contains(name) && !cases.contains { name.hasPrefix($0 + "-") } } == [])
    }
}
