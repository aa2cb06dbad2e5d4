import CommonMark
import Foundation
import Testing
@testable import OfferMapModel
@testable import OfferMapInput
@testable import OfferMapClassifier
@testable import OfferMapWeights
@testable import OfferMapAnalysis
@testable import OfferMapRender
@testable import OfferMapCore

/// Text from the inputs must come out inert in every format.
@Suite struct InjectionTests {
    let hostile = county([(
        "k/institutions/evil.md",
        institution("""
        name: "<script>alert('name')</script>"
        short: "\\"><img src=x onerror=alert(1)>"
        type: verein
        website: "javascript:alert('web')"
        contacts:
          - name: "=HYPERLINK(\\"http://x\\")"
            email: "a@b.example\\"><script>x</script>"
            public: true
        offers:
          - title: "\\" onmouseover=\\"alert(1)"
            description: "[click](javascript:alert(2)) <b>bold</b> | table | # heading"
            url: "JAVASCRIPT:alert(3)"
            phases: [vorgruendung]
            categories: [beratung]
          - title: "=1+2"
            phases: [vorgruendung]
            categories: [beratung]
        """, body: "<img src=x onerror=alert(4)>\n\n[link](javascript:alert(5)) <a href=\"javascript:alert(6)\">a</a>\n\n[ref]: vbscript:msgbox\n")
    )])

    func files() async -> [String: String] {
        var options = BuildOptions(date: Day("2026-11-25")!)
        options.classifiers = testClassifiers
        options.inputs = hostile.root
        var diagnostics = Diagnostics()
        let counties = try! await Pipeline.load(options, diagnostics: &diagnostics)
        #expect(!diagnostics.hasErrors, "\(diagnostics.sorted.map(\.formatted))")
        let landscapes = await Pipeline.analyse(counties, options: options, diagnostics: &diagnostics)
        return await Pipeline.render(landscapes, options: options, templates: Templates(diagnostics: &diagnostics)).files
    }

    @Test func htmlHasNoActiveContent() async {
        let html = await files()["k/report.html"]!
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>"))
        #expect(!html.lowercased().contains("href=\"javascript"))
        #expect(!html.contains("\" onmouseover"))
        #expect(html.contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;"))
    }

    @Test func markdownHasNoRawHTMLOrScriptLinks() async {
        let markdown = await files()["k/report.md"]!
        #expect(!markdown.lowercased().contains("(javascript:"))
        #expect(!markdown.lowercased().contains("vbscript:"))
        // Even a viewer that passes raw HTML through shows nothing active.
        let html = CommonMark.html(markdown, allowRawHTML: true)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>"))
        #expect(!html.lowercased().contains("href=\"javascript"))
        #expect(!html.lowercased().contains("href=\"vbscript"))
    }

    @Test func jsonKeepsTextExactButInert() async throws {
        let json = await files()["k/landscape.json"]!
        #expect(!json.contains("<"))
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let institutions = object["institutions"] as! [[String: Any]]
        #expect(institutions[0]["name"] as? String == "<script>alert('name')</script>")
    }

    @Test func csvCellsCannotRunFormulas() async {
        #expect(CSV.cell("=1+2") == "'=1+2")
        #expect(CSV.cell("+49 5651") == "'+49 5651")
        #expect(CSV.cell("-3") == "'-3")
        #expect(CSV.cell("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSV.cell("a,\"b\"") == "\"a,\"\"b\"\"\"")
        #expect(CSV.cell("Beratung") == "Beratung")
        #expect(CSV.cell("Zeile 1\r\nZeile 2") == "\"Zeile 1\r\nZeile 2\"")
        #expect(CSV.cell("„Grün\"\u{301};") == "\"„Grün\"\"\u{301};\"")
    }
}


@Suite struct JSONTests {
    @Test func escapingRoundTripsThroughFoundation() throws {
        let samples = ["", "plain", "Grün\"dung\\", "a<b>&c", "tab\tnew\nline\r", "\u{01}\u{1F}", "x\u{2028}y\u{2029}z", "€ „Zitat“ 🚀", "\u{2028}"]
        for sample in samples {
            let text = JSON.array([.string(sample)]).serialized()
            #expect(!text.contains("<") && !text.contains(">") && !text.contains("&") && !text.contains("\u{2028}"))
            let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String]
            #expect(parsed == [sample])
        }
    }

    @Test func numbersAreWrittenAsFormattedWithFourDigits() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 1, -1, 0.5, 0.12345, 0.99995, 0.00005, -0.00005, -0.00004, 0.1, 0.10001, 2.5e-5, 1e-9,
                                123.45678, -123.45678, 9_999.99999, 1e14 + 0.25, 3e15, -7e16]
        values += (0..<20_000).map { _ in Double.random(in: -2...2, using: &generator) }
        values += (0..<2_000).map { _ in Double(Int.random(in: -100_000...100_000, using: &generator)) / 10_000 }
        for value in values {
            var writer = JSONWriter(compact: true)
            writer.double(value)
            #expect(writer.text == value.formatted(digits: 4).trimmingZeros + "\n", "\(value)")
        }
        var writer = JSONWriter(compact: true)
        writer.double(.nan)
        #expect(writer.text == "null\n")
    }

    @Test func layoutIsSortedIndentedAndCompactOnOneLine() {
        let value = JSON.object(["b": .array([.int(1), .object([:]), .array([])]), "a": .string("x"), "c": .object(["d": .double(0.5), "e": .null])])
        #expect(value.serialized() == """
            {
              "a": "x",
              "b": [
                1,
                {},
                []
              ],
              "c": {
                "d": 0.5,
                "e": null
              }
            }

            """)
        #expect(value.compact() == #"{"a":"x","b":[1,{},[]],"c":{"d":0.5,"e":null}}"#)
        #expect(value.written(indent: 1).hasSuffix("\n  }"))
    }

    /// landscape.json is written without a tree; a tree made from the file's own parse writes the same bytes.
    @Test func streamedLandscapeEqualsItsTree() async throws {
        var options = Samples().options
        var diagnostics = Diagnostics()
        let landscapes = await Pipeline.analyse(try await Pipeline.load(options, diagnostics: &diagnostics), options: options, diagnostics: &diagnostics)
        options.formats = [.json]
        let files = await Pipeline.render(landscapes, options: options, templates: Templates(diagnostics: &diagnostics)).files
        #expect(files.count == 3)
        for (path, text) in files {
            let tree = JSON.from(try JSONSerialization.jsonObject(with: Data(text.utf8)))
            #expect(tree.serialized() == text, "\(path)")
        }
    }
}

extension JSON {
    /// Foundation's parse as a tree: whole numbers as `int`, JSON writes them the same either way.
    static func from(_ value: Any) -> JSON {
        switch value {
        case let text as String: return .string(text)
        case let number as NSNumber where String(cString: number.objCType) == "c": return .bool(number.boolValue)
        case let number as NSNumber: return number.doubleValue == number.doubleValue.rounded() ? .int(number.intValue) : .double(number.doubleValue)
        case let items as [Any]: return .array(items.map(from))
        case let members as [String: Any]: return .object(members.mapValues(from))
        default: return .null
        }
    }
}
