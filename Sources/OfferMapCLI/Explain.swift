import ArgumentParser
import Foundation
import OfferMapModel
import OfferMapInput
import OfferMapClassifier
import OfferMapAnalysis
import OfferMapRender
import OfferMapCore

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show why each label of an offer (or of every offer of an institution) was given.")

    @OptionGroup var input: InputOptions

    @Option(help: "Language: de or en (default: the county's, else de).")
    var lang: Language?

    @Argument(help: "An offer id (institution/offer) or an institution id.")
    var id: String

    func run() throws {
        var diagnostics = Diagnostics()
        let counties = try InputLoader.load(inputs: input.inputs, selection: input.counties, diagnostics: &diagnostics)
        if input.reporting.report(diagnostics, strict: false) { throw ExitCode(1) }
        let parts = id.split(separator: "/").map(String.init)
        let chosen = counties.filter { county in county.institutions.contains { $0.id == parts.first } }
        guard !chosen.isEmpty else {
            let known = counties.flatMap { county in county.institutions.flatMap { i in [i.id] + i.offers.map { "\(i.id)/\($0.id)" } } }
            let hint = Suggestion.didYouMean(id, in: known).map { "; \($0)" } ?? ""
            throw UsageError("no offer or institution '\(id)'\(hint)")
        }
        let classifiers = ClassifierCache()
        var found = false
        for county in chosen {
            let classifier = classifiers.classifier(for: county.taxonomy)
            let landscape = Analysis.landscape(of: county, date: .today, language: Language.of(county, option: lang), classifier: classifier)
            let explanation = ExplanationText(wording: Wording(landscape: landscape, texts: Texts.shipped(landscape.language)))
            for institution in county.institutions where institution.id == parts.first {
                for offer in institution.offers where parts.count == 1 || offer.id == parts[1] {
                    found = true
                    print(explanation.text(classifier.classify(offer, institutionID: institution.id)))
                }
            }
        }
        if !found { throw UsageError("no offer '\(id)'") }
    }
}
