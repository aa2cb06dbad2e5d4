/// Turns the matrix and the referral links into findings a network manager can act on.
struct Findings {
    let county: County
    let offers: [ClassifiedOffer]
    let cells: [Cell]
    let date: Day
    let texts: Texts

    var taxonomy: Taxonomy { county.taxonomy }

    func all() -> [Finding] {
        let steps = NextSteps(findings: self, network: Network(county))
        return (matrixFindings() + languageGaps() + unlinkedHandovers() + isolatedIntegration() + brokenReferrals() + stale() + unclassified())
            .map { finding in
                var finding = finding
                finding.nextStep = steps.step(for: finding)
                return finding
            }
    }

    func phaseLabel(_ id: String) -> String { taxonomy.phase(id)?.label.text(texts.language) ?? id }
    func categoryLabel(_ id: String) -> String { taxonomy.category(id)?.label.text(texts.language) ?? id }
    func names(_ ids: [String]) -> String {
        texts.list(ids.map { id in county.institutions.first { $0.id == id }.map { $0.short ?? $0.name } ?? id })
    }

    func cellValues(_ cell: Cell) -> [String: String] {
        ["phase": phaseLabel(cell.phase), "category": categoryLabel(cell.category),
         "institutions": names(cell.institutions), "n": String(cell.n)]
    }

    func matrixFindings() -> [Finding] {
        var result: [Finding] = []
        for kind in [CellStatus.gap, .thin, .overlap] {
            for cell in cells where cell.status == kind {
                let findingKind: FindingKind = kind == .gap ? .gap : kind == .thin ? .thin : .overlap
                result.append(Finding(kind: findingKind, phase: cell.phase, category: cell.category,
                                      institutions: cell.institutions, message: texts("finding.\(kind.rawValue)", cellValues(cell))))
            }
        }
        return result
    }

    func languageGaps() -> [Finding] {
        cells.filter { $0.expected && $0.n > 0 }.compactMap { cell in
            let inCell = offers.filter { cell.offers.contains($0.fullID) }
            guard !inCell.contains(where: { $0.offer.languages.contains { $0 != "de" } }) else { return nil }
            return Finding(kind: .languageGap, phase: cell.phase, category: cell.category, institutions: cell.institutions,
                           message: texts("finding.language-gap", cellValues(cell)))
        }
    }

    var links: Set<[String]> { Network(county).links }

    func unlinkedHandovers() -> [Finding] {
        var result: [Finding] = []
        let links = self.links
        let phases = taxonomy.phaseIDs
        for category in taxonomy.categoryIDs {
            for (from, to) in zip(phases, phases.dropFirst()) {
                guard let a = cells.first(where: { $0.phase == from && $0.category == category }),
                      let b = cells.first(where: { $0.phase == to && $0.category == category }),
                      a.n > 0, b.n > 0, Set(a.institutions).isDisjoint(with: b.institutions) else { continue }
                let linked = a.institutions.contains { x in b.institutions.contains { y in links.contains([x, y].sorted()) } }
                guard !linked else { continue }
                result.append(Finding(kind: .unlinkedHandover, phase: from, toPhase: to, category: category,
                                      institutions: (a.institutions + b.institutions),
                                      message: texts("finding.unlinked-handover", [
                                          "category": categoryLabel(category), "from": phaseLabel(from), "to": phaseLabel(to),
                                          "a": names(a.institutions), "b": names(b.institutions)])))
            }
        }
        return result
    }

    func isolatedIntegration() -> [Finding] {
        let network = Network(county)
        return network.members(.integration).compactMap { institution in
            guard !network.partners(of: institution.id).contains(where: { network.side($0) == .founding }) else { return nil }
            return Finding(kind: .isolatedIntegration, institutions: [institution.id],
                           message: texts("finding.isolated-integration", ["institution": institution.name]))
        }
    }

    func brokenReferrals() -> [Finding] {
        let ids = Set(county.institutions.map(\.id))
        return county.institutions.flatMap { institution in
            institution.refersTo.filter { !ids.contains($0.id) }.map { reference in
                Finding(kind: .brokenReferral, institutions: [institution.id],
                        message: texts("finding.broken-referral", ["institution": institution.name, "id": reference.id]))
            }
        }
    }

    func stale() -> [Finding] {
        let limit = date.minus(months: taxonomy.thresholds.staleMonths)
        return county.institutions.compactMap { institution in
            if let updated = institution.updated {
                guard updated < limit else { return nil }
                return Finding(kind: .stale, institutions: [institution.id],
                               message: texts("finding.stale", ["institution": institution.name, "date": texts.date(updated),
                                                                "months": String(taxonomy.thresholds.staleMonths)]))
            }
            return Finding(kind: .stale, institutions: [institution.id],
                           message: texts("finding.stale-missing", ["institution": institution.name]))
        }
    }

    func unclassified() -> [Finding] {
        offers.filter(\.isUnclassified).map { offer in
            let missing = offer.phases.isEmpty && offer.categories.isEmpty ? "both" : offer.phases.isEmpty ? "phases" : "categories"
            return Finding(kind: .unclassified, institutions: [offer.institutionID], offer: offer.fullID,
                           message: texts("finding.unclassified-\(missing)", ["title": offer.offer.title]))
        }
    }
}
