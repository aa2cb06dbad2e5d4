import OfferMapModel

/// Builds the phase × category cells and decides each cell's status.
enum Matrix {
    static func cells(offers: [ClassifiedOffer], taxonomy: Taxonomy) -> [Cell] {
        var byCell: [CellKey: [ClassifiedOffer]] = [:]
        for offer in offers {
            for key in offer.cells { byCell[key, default: []].append(offer) }
        }
        var cells: [Cell] = []
        for phase in taxonomy.phaseIDs {
            for category in taxonomy.categoryIDs {
                let key = CellKey(phase, category)
                let inCell = byCell[key] ?? []
                let institutions = Array(Set(inCell.map(\.institutionID))).sorted()
                let expected = taxonomy.isExpected(key)
                var cell = Cell(key: key, expected: expected,
                                status: status(expected: expected, offers: inCell, institutions: institutions.count, taxonomy: taxonomy),
                                offers: inCell.map(\.fullID).sorted(), institutions: institutions)
                cell.uncertain = !inCell.isEmpty && inCell.allSatisfy { $0.confidence(key) < Cell.confidence }
                cells.append(cell)
            }
        }
        return cells
    }

    static func status(expected: Bool, offers: [ClassifiedOffer], institutions n: Int, taxonomy: Taxonomy) -> CellStatus {
        if n == 0 { return expected ? .gap : .empty }
        if n >= taxonomy.thresholds.overlap && largestSharedGroup(offers, taxonomy: taxonomy).count >= taxonomy.thresholds.overlap {
            return .overlap
        }
        return expected && n == 1 ? .thin : .covered
    }

    /// The most institutions whose offers in the cell reach one common target group;
    /// an offer for `alle` reaches every group.
    static func largestSharedGroup(_ offers: [ClassifiedOffer], taxonomy: Taxonomy) -> Set<String> {
        var best = Set<String>()
        for group in taxonomy.targetGroups.map(\.id) {
            let reaching = Set(offers.filter { $0.offer.targetGroups.contains(group) || $0.offer.targetGroups.contains("alle") }
                .map(\.institutionID))
            if reaching.count > best.count { best = reaching }
        }
        return best
    }
}
