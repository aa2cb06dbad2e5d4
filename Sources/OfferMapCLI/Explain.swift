import ArgumentParser
import Foundation
import OfferMapCore

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show why each label of an offer (or of every offer of an institution) was given.")

    @OptionGroup var input: InputOptions

    @Argument(help: "An offer id (institution/offer) or an institution id.")
    var id: String

    func run() throws {
        var diagnostics = Diagnostics()
        let counties = try InputLoader.load(inputs: input.inputs, selection: input.counties, diagnostics: &diagnostics)
        if report(diagnostics, strict: false) { throw ExitCode(1) }
        let parts = id.split(separator: "/").map(String.init)
        var found = false
        for county in counties {
            let classifier = Classifier(taxonomy: county.taxonomy)
            for institution in county.institutions where institution.id == parts.first {
                for offer in institution.offers where parts.count == 1 || offer.id == parts[1] {
                    found = true
                    print(explanation(classifier.classify(offer, institutionID: institution.id), county: county))
                }
            }
        }
        if !found {
            let known = counties.flatMap { county in county.institutions.flatMap { i in [i.id] + i.offers.map { "\(i.id)/\($0.id)" } } }
            let hint = Suggestion.didYouMean(id, in: known).map { "; \($0)" } ?? ""
            throw UsageError("no offer or institution '\(id)'\(hint)")
        }
    }

    func explanation(_ offer: ClassifiedOffer, county: County) -> String {
        let taxonomy = county.taxonomy
        func label(_ id: String) -> String {
            let parts = id.split(separator: ":").map(String.init)
            let term = parts[0] == "phase" ? taxonomy.phase(parts[1]) : taxonomy.category(parts[1])
            return "\(parts[0]) \(parts[1])" + (term.map { " (\($0.label.de))" } ?? "")
        }
        var lines = ["\(offer.fullID): \(offer.offer.title)", "  \(offer.offer.location.path):\(offer.offer.location.line)"]
        let given = offer.phases.map { "phase:\($0)" } + offer.categories.map { "category:\($0)" }
        for id in given {
            let evidence = offer.evidence.filter { $0.label == id }
            let reasons = evidence.map { e -> String in
                switch e.source {
                case "explicit": return "given in the file (\(e.field))"
                default:
                    let text = e.field == "title" ? offer.offer.title : offer.offer.description
                    let words = Surface.words(for: e, in: text, taxonomy: taxonomy).prefix(3).map { "„\($0)“" }
                    return "\(e.source) '\(e.term)' in \(e.field)" + (words.isEmpty ? "" : " (\(words.joined(separator: ", ")))")
                }
            }
            lines.append("  ✓ \(label(id)): \(reasons.joined(separator: "; "))")
        }
        if offer.phases.isEmpty { lines.append("  ✗ no phase: nothing in title or description points to a founding phase") }
        if offer.categories.isEmpty { lines.append("  ✗ no category: nothing in title or description points to a kind of support") }
        for miss in offer.nearMisses {
            lines.append("  – \(label(miss.label)) not given (score \(String(format: "%.2f", miss.score))): \(miss.reason)")
        }
        return lines.joined(separator: "\n")
    }
}
