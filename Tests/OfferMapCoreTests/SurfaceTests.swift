import Testing
@testable import OfferMapCore

/// `explain` points at the words as the offer writes them, not at folded keywords or stems.
@Suite struct SurfaceTests {
    let taxonomy = shippedTaxonomy()

    func words(_ source: String, _ term: String, _ text: String) -> [String] {
        Surface.words(for: Evidence(label: "phase:vorgruendung", source: source, term: term, field: "description"), in: text, taxonomy: taxonomy)
    }

    @Test func keywordInsideACompoundShowsTheWholeWord() {
        #expect(words("keyword", "*tragfahigkeit", "Tragfähigkeitsbescheinigung f. Antrag") == ["Tragfähigkeitsbescheinigung"])
        #expect(words("keyword", "check", "Unser Businessplan-Check, kostenlos") == ["Businessplan-Check"])
    }

    @Test func phrasesAndAbbreviations() {
        #expect(words("keyword", "vor aufnahme", "Antrag VOR Aufnahme der Tätigkeit") == ["VOR Aufnahme"])
        #expect(words("keyword", "*businessplan (from 'bp')", "BP + Kapitalbedarf vorab") == ["BP"])
        // a model word read from an abbreviation's expansion points at the abbreviation, also inside a compound
        #expect(words("model", "handelskammer", "kostenfrei fuer IHK-Branchen") == ["IHK-Branchen"])
    }

    @Test func modelStemsAndWords() {
        #expect(words("model", "grundu…", "Gründungszuschuss (GZ) und Gruendung") == ["Gründungszuschuss", "GZ", "Gruendung"])
        #expect(words("model", "antrag", "Der Antrag, ein Antrag") == ["Antrag"])
    }

    @Test func evidenceWithoutAWordShowsNothing() {
        #expect(words("model", "keywords of category:finanzierung", "Kredit").isEmpty)
        #expect(words("explicit", "phases", "Kredit").isEmpty)
        #expect(words("keyword", "*zuschuss", "Nichts davon hier").isEmpty)
    }
}
