import Foundation
import Testing
@testable import OfferMapModel
@testable import OfferMapInput
@testable import OfferMapClassifier
@testable import OfferMapWeights
@testable import OfferMapAnalysis
@testable import OfferMapRender
@testable import OfferMapCore

/// The byte-level escaping and trimming must give exactly what the slower ways gave.
@Suite struct EscapingTests {
    let samples = ["", "plain", "a<b>&c\"d'e", "Grüße & „Zitat“ <🚀>", "x\u{301}<y", "*_[]|#~!{}`\\", "zwei\nZeilen\r", "&amp;"]

    @Test func htmlEscapesLikeMustache() {
        #expect(Escaping.html("a<b>&c\"d'e") == "a&lt;b&gt;&amp;c&quot;d&#39;e")
        #expect(Escaping.html("Grüße & „Zitat“ <🚀>") == "Grüße &amp; „Zitat“ &lt;🚀&gt;")
        #expect(Escaping.html("&amp;") == "&amp;amp;")
        for sample in samples {
            let unescaped = Escaping.html(sample).replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
            #expect(unescaped == sample)
        }
    }

    @Test func markdownEscapesEveryMarkupCharacter() {
        #expect(Escaping.markdown("*_[]|#~!{}`\\") == "\\*\\_\\[\\]\\|\\#\\~\\!\\{\\}\\`\\\\")
        #expect(Escaping.markdown("zwei\nZeilen\r") == "zwei Zeilen ")
        #expect(Escaping.markdown("Grüße <b>") == "Grüße \\<b\\>")
    }

    @Test func trimmedMatchesFoundation() {
        let cases = samples + ["  a b  ", "\n\tx\n", "   ", "\u{00A0}nbsp\u{00A0}", " ü ", "\u{2003}em", "x\n"]
        for text in cases {
            #expect(text.trimmed == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(Array(text.utf8))")
            #expect(text.isBlank == text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
            #expect(text.trimmedSpaces == text.trimmingCharacters(in: .whitespaces), "\(Array(text.utf8))")
        }
    }

    @Test func linksAreWebOrMailAddressesOnly() {
        #expect(safeURL("  HTTPS://Example.org/a?b=1  ") == "HTTPS://Example.org/a?b=1")
        #expect(safeURL("mailto:info@example.org") == "mailto:info@example.org")
        #expect(safeURL("http://ä.example") == "http://ä.example")
        for bad in ["javascript:alert(1)", "data:text/html,x", "https://a.org/\"onmouseover=x", "https://a.org/<script>",
                    "https://a.org/\u{2028}x", "https://a.org/ x", "https://a.org/ \u{301}x", "", "   ", nil] {
            #expect(safeURL(bad) == nil, "\(bad ?? "nil")")
        }
    }

    @Test func contactWithoutLanguagesHasNoEmptyBrackets() async {
        let scratch = Scratch([
            "k/county.yaml": countyYAML,
            "k/institutions/wfg.md": institution("""
            name: WFG
            type: wirtschaftsfoerderung
            contacts:
              - name: Erika Muster
                role: Beratung
                public: true
              - name: Ali Demir
                languages: [de, ar]
                public: true
            offers:
              - title: Gründungsberatung
                phases: [gruendung]
                categories: [beratung]
            """),
        ])
        let landscape = scratch.landscape()
        var diagnostics = Diagnostics()
        let templates = Templates(diagnostics: &diagnostics)
        let context = ReportView(landscape: landscape, audience: .internal, texts: Texts.shipped(.de)).context()
        for name in ["report.md", "report.html"] {
            let text = templates.render(name, context)
            #expect(text.contains("Erika Muster, Beratung"))
            #expect(!text.contains("Erika Muster, Beratung ()"))
            #expect(text.contains("Ali Demir (Deutsch, Arabisch)"))
        }
    }
}
