import OfferMapModel

/// Builds the phase × category cells and decides each cell's status.
enum Matrix {
    /// `types`: institution id → type, for telling which offers are alike.
    static func cells(offers: [ClassifiedOffer], types: [String: String], taxonomy: Taxonomy) -> [Cell] {
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
                                status: status(expected: expected, offers: inCell, institutions: institutions.count, types: types, taxonomy: taxonomy),
                                offers: inCell.map(\.fullID).sorted(), institutions: institutions)
                cell.uncertain = !inCell.isEmpty && inCell.allSatisfy { $0.confidence(key) < Cell.confidence }
                cells.append(cell)
            }
        }
        return cells
    }

    /// An overlap needs as many institutions as the threshold whose offers in the cell are alike (`StandIn`).
    static func status(expected: Bool, offers: [ClassifiedOffer], institutions n: Int, types: [String: String], taxonomy: Taxonomy) -> CellStatus {
        if n == 0 { return expected ? .gap : .empty }
        if n >= taxonomy.thresholds.overlap
            && StandIn.largestAlikeGroup(offers, types: types, taxonomy: taxonomy).count >= taxonomy.thresholds.overlap {
            return .overlap
        }
        return expected && n == 1 ? .thin : .covered
    }
}
