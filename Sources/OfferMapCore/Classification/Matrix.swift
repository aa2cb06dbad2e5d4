/// Builds the phase × category cells and decides each cell's status.
enum Matrix {
    static func cells(offers: [ClassifiedOffer], taxonomy: Taxonomy) -> [Cell] {
        var byCell: [String: [ClassifiedOffer]] = [:]
        for offer in offers where !offer.isUnclassified {
            for phase in offer.phases {
                for category in offer.categories { byCell["\(phase)|\(category)", default: []].append(offer) }
            }
        }
        var cells: [Cell] = []
        for phase in taxonomy.phaseIDs {
            for category in taxonomy.categoryIDs {
                let inCell = byCell["\(phase)|\(category)"] ?? []
                let institutions = Array(Set(inCell.map(\.institutionID))).sorted()
                let expected = taxonomy.isExpected(phase: phase, category: category)
                cells.append(Cell(phase: phase, category: category, expected: expected,
                                  status: status(expected: expected, offers: inCell, institutions: institutions.count,
                                                 taxonomy: taxonomy),
                                  offers: inCell.map(\.fullID).sorted(), institutions: institutions))
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
