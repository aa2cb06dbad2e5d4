import OfferMapModel

/// Turns the matrix and the referral links into findings a network manager can act on.
struct Findings {
    let county: County
    let offers: [ClassifiedOffer]
    let cells: [Cell]
    let date: Day
    let network: Network

    var taxonomy: Taxonomy { county.taxonomy }

    func all() -> [Finding] {
        let steps = NextSteps(cells: cells, taxonomy: taxonomy, offers: offers, network: network)
        return (matrixFindings() + languageGaps() + unlinkedHandovers() + isolatedIntegration() + brokenReferrals() + stale() + unclassified())
            .map { finding in
                var finding = finding
                finding.nextStep = steps.step(for: finding)
                return finding
            }
    }

    func matrixFindings() -> [Finding] {
        var result: [Finding] = []
        for (status, kind) in [(CellStatus.gap, FindingKind.gap), (.thin, .thin)] {
            for cell in cells where cell.status == status {
                result.append(Finding(kind: kind, cells: [cell.key], institutions: cell.institutions))
            }
        }
        // an overlap names only the institutions whose offers are alike, not everyone in the cell
        let types = StandIn.types(county)
        let index = offerIndex()
        for cell in cells where cell.status == .overlap {
            let inCell = offers(in: cell, index)
            result.append(Finding(kind: .overlap, cells: [cell.key],
                                  institutions: StandIn.largestAlikeGroup(inCell, types: types, taxonomy: taxonomy)))
        }
        return result
    }

    /// Full offer id → position in `offers`.
    func offerIndex() -> [String: Int] {
        Dictionary(offers.enumerated().map { ($0.element.fullID, $0.offset) }) { first, _ in first }
    }

    /// A cell's offers, in the order of `offers`.
    func offers(in cell: Cell, _ index: [String: Int]) -> [ClassifiedOffer] {
        Set(cell.offers.compactMap { index[$0] }).sorted().map { offers[$0] }
    }

    func languageGaps() -> [Finding] {
        let index = offerIndex()
        return cells.filter { $0.expected && $0.n > 0 }.compactMap { cell in
            let inCell = offers(in: cell, index)
            guard !inCell.contains(where: { $0.offer.languages.contains { $0 != "de" } }) else { return nil }
            return Finding(kind: .languageGap, cells: [cell.key], institutions: cell.institutions)
        }
    }

    func unlinkedHandovers() -> [Finding] {
        var result: [Finding] = []
        let byKey = Dictionary(uniqueKeysWithValues: cells.map { ($0.key, $0) })
        let phases = taxonomy.phaseIDs
        for category in taxonomy.categoryIDs {
            for (from, to) in zip(phases, phases.dropFirst()) {
                guard let a = byKey[CellKey(from, category)], let b = byKey[CellKey(to, category)],
                      a.n > 0, b.n > 0, Set(a.institutions).isDisjoint(with: b.institutions) else { continue }
                let linked = a.institutions.contains { x in b.institutions.contains { y in network.links.contains([x, y].sorted()) } }
                guard !linked else { continue }
                result.append(Finding(kind: .unlinkedHandover, cells: [a.key, b.key], institutions: a.institutions + b.institutions))
            }
        }
        return result
    }

    func isolatedIntegration() -> [Finding] {
        network.members(.integration).compactMap { institution in
            guard !network.partners(of: institution.id).contains(where: { network.side($0) == .founding }) else { return nil }
            return Finding(kind: .isolatedIntegration, institutions: [institution.id])
        }
    }

    func brokenReferrals() -> [Finding] {
        let ids = Set(county.institutions.map(\.id))
        return county.institutions.flatMap { institution in
            institution.refersTo.filter { !ids.contains($0.id) }.map { reference in
                Finding(kind: .brokenReferral, institutions: [institution.id], reference: reference.id)
            }
        }
    }

    func stale() -> [Finding] {
        let limit = date.minus(months: taxonomy.thresholds.staleMonths)
        return county.institutions.compactMap { institution in
            if let updated = institution.updated, updated >= limit { return nil }
            return Finding(kind: .stale, institutions: [institution.id])
        }
    }

    func unclassified() -> [Finding] {
        offers.filter(\.isUnclassified).map { offer in
            Finding(kind: .unclassified, institutions: [offer.institutionID], offers: [offer.fullID])
        }
    }
}
