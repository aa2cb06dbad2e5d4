import Foundation
import Testing
@testable import OfferMapModel
@testable import OfferMapInput
@testable import OfferMapClassifier
@testable import OfferMapWeights
@testable import OfferMapAnalysis
@testable import OfferMapRender
@testable import OfferMapCore

/// Every interface word comes from the translation files: an English report holds no German
/// interface text and a German one no English (content written by institutions stays as written).
@Suite struct LanguageTests {
    /// Every rendered text of the fixture county in one language: report, comparison, kit, website.
    /// `county`: the language is the county's own (county.yaml), with no `--lang`.
    func everything(_ language: Language, county: Bool = false, inputs: URL = GoldenTests.folder.appendingPathComponent("inputs"))
        async throws -> String {
        let scratch = Scratch([:], taxonomy: false)
        try FileManager.default.copyItem(atPath: inputs.path, toPath: scratch.path("inputs"))
        if county {
            let path = scratch.path("inputs/musterkreis/county.yaml")
            try Data((try String(contentsOfFile: path, encoding: .utf8) + "\nlanguage: \(language.rawValue)\n").utf8).write(to: URL(fileURLWithPath: path))
        }
        var options = BuildOptions(date: Day("2026-11-25")!)
        options.classifiers = testClassifiers
        options.inputs = scratch.path("inputs")
        options.out = scratch.path("out")
        options.language = county ? nil : language
        _ = try await Pipeline.build(options)
        _ = try await Pipeline.compare(options)
        _ = try await Pipeline.kit(options)
        _ = try await Pipeline.publish(options, baseURL: nil)
        let paths = FileManager.default.enumerator(atPath: scratch.path("out"))?.allObjects as? [String] ?? []
        return paths.filter { $0.hasSuffix(".html") || $0.hasSuffix(".md") }.sorted()
            .compactMap { scratch.read("out/\($0)") }.joined(separator: "\n")
    }

    /// Fragments of the other language's texts (between placeholders) that differ from ours.
    func foreignFragments(in other: Language, comparedTo own: Language) -> Set<String> {
        let theirs = Texts.shipped(other).entries, ours = Texts.shipped(own).entries
        var fragments = Set<String>()
        for (key, text) in theirs where ours[key] != text {
            for part in text.components(separatedBy: CharacterSet(charactersIn: "{}")).enumerated() where part.offset % 2 == 0 {
                let fragment = part.element.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
                if fragment.count >= 9 && fragment.contains(" ") { fragments.insert(fragment) }
            }
        }
        return fragments
    }

    /// Taxonomy labels of `language`, leaving out words the institutions themselves wrote.
    func taxonomyLabels(_ language: Language) throws -> Set<String> {
        let taxonomy = shippedTaxonomy()
        let terms = taxonomy.phases + taxonomy.categories + taxonomy.types + taxonomy.targetGroups + taxonomy.costs + taxonomy.formats
        let folder = GoldenTests.folder.appendingPathComponent("inputs/musterkreis/institutions")
        let content = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }.joined()
        return Set(terms.filter { $0.label.de != $0.label.en }.map { $0.label.text(language) }
            .filter { $0.count >= 9 && !content.contains($0) })
    }

    @Test func englishOutputHasNoGermanInterfaceText() async throws {
        let text = try await everything(.en)
        let found = (foreignFragments(in: .de, comparedTo: .en).union(try taxonomyLabels(.de))).filter(text.contains)
        #expect(found.isEmpty, "German in English output: \(found.sorted())")
        #expect(text.contains("Founding support in Musterkreis"))
        #expect(text.contains("As of 2026-11-25"))
    }

    @Test func germanOutputHasNoEnglishInterfaceText() async throws {
        let text = try await everything(.de)
        let found = (foreignFragments(in: .en, comparedTo: .de).union(try taxonomyLabels(.en))).filter(text.contains)
        #expect(found.isEmpty, "English in German output: \(found.sorted())")
        #expect(text.contains("Stand: 25.11.2026"))
    }

    /// One rule for the language: a county with `language: en` and no `--lang` gets English in every output,
    /// the page's `lang` attribute, headings, findings and evidence alike.
    @Test func englishCountyGivesEnglishEverywhere() async throws {
        let text = try await everything(.en, county: true)
        let found = (foreignFragments(in: .de, comparedTo: .en).union(try taxonomyLabels(.de))).filter(text.contains)
        #expect(found.isEmpty, "German in the English county's output: \(found.sorted())")
        #expect(!text.contains("lang=\"de\""))
        #expect(text.contains("lang=\"en\""))
        #expect(text.contains("Founding support in Musterkreis"))
    }

    /// The sample counties, read in German: no English sentence of the interface or the classifier, no label id.
    @Test func germanSampleCountiesShowNoEnglishAndNoIds() async throws {
        let text = try await everything(.de, county: false, inputs: repositoryRoot.appendingPathComponent("inputs"))
        let english = foreignFragments(in: .en, comparedTo: .de).union(try taxonomyLabels(.en))
            .union(["fits category", "keywords of", "keyword of", "(from '", "overall wording", "not given", "probability"])
        let found = english.filter(text.contains)
        #expect(found.isEmpty, "English in German output: \(found.sorted())")
        let ids = try NSRegularExpression(pattern: "(phase|category):[a-z]")
        let match = ids.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
        #expect(match == nil, "a label id in German output: \(match.map { (text as NSString).substring(with: $0.range) } ?? "")")
        #expect(text.contains("erkannt an: „"))
    }

    @Test func placeholdersAreFilledOnceAndUnknownOnesKept() throws {
        let texts = try Texts(language: .de, yaml: """
            a: "Für {name}: {missing} {{name}} {name}{name} { offen"
            b: "{name"
            c: "Größe {wert} €"
            """)
        #expect(texts("a", ["name": "Übung {name}"]) == "Für Übung {name}: {missing} {Übung {name}} Übung {name}Übung {name} { offen")
        #expect(texts("b", ["name": "x"]) == "{name")
        #expect(texts("c", ["wert": "3 ½"]) == "Größe 3 ½ €")
        #expect(texts("c") == "Größe {wert} €")
        #expect(texts("fehlt", ["wert": "1"]) == "fehlt")
    }

    @Test func numbersAndDatesFollowTheLanguage() async {
        #expect(Texts.shipped(.de).number(0.6667, digits: 2) == "0,67")
        #expect(Texts.shipped(.en).number(0.6667, digits: 2) == "0.67")
        #expect(Texts.shipped(.de).date(Day("2026-11-25")!) == "25.11.2026")
        #expect(Texts.shipped(.en).date(Day("2026-11-25")!) == "2026-11-25")
        #expect(Texts.shipped(.de).percent(0.8) == "80 %")
        #expect(Texts.shipped(.en).percent(0.8) == "80%")
    }
}
