import OfferMapModel

/// A concrete next step for a gap, a thin cell, an unlinked handover or an isolated
/// integration institution: who is closest to filling it, and who should talk to whom.
struct NextSteps {
    let cells: [Cell]
    let taxonomy: Taxonomy
    let offers: [ClassifiedOffer]
    let network: Network

    func institutions(_ key: CellKey) -> [String] {
        cells.first { $0.key == key }?.institutions ?? []
    }

    func type(_ id: String) -> String {
        network.institutions.first { $0.id == id }?.type ?? ""
    }

    /// The closest institutions other than `excluding`: in a neighbouring phase, else in a related category.
    /// For a thin cell only institutions that could stand in for its sole one (`excluding`) count.
    func closest(_ key: CellKey, excluding: [String], standingIn: Bool) -> NextStep {
        let types = excluding.map(type)
        func candidates(_ cell: CellKey) -> [String] {
            institutions(cell).filter { id in
                !excluding.contains(id) && (!standingIn || types.allSatisfy { StandIn.canStandIn(type(id), for: $0) })
            }
        }
        let phases = taxonomy.phaseIDs
        guard let index = phases.firstIndex(of: key.phase) else { return .nobody }
        for neighbour in [index - 1, index + 1] where phases.indices.contains(neighbour) {
            let ids = candidates(CellKey(phases[neighbour], key.category))
            if !ids.isEmpty { return .adjacentPhase(phases[neighbour], institutions: Array(ids.prefix(3))) }
        }
        for other in taxonomy.category(key.category)?.related ?? [] {
            let ids = candidates(CellKey(key.phase, other))
            if !ids.isEmpty { return .relatedCategory(other, institutions: Array(ids.prefix(3))) }
        }
        return .nobody
    }

    func step(for finding: Finding) -> NextStep? {
        switch finding.kind {
        case .gap, .thin:
            return finding.cell.map { closest($0, excluding: finding.institutions, standingIn: finding.kind == .thin) }
        case .unlinkedHandover:
            guard finding.cells.count == 2, let a = institutions(finding.cells[0]).first, let b = institutions(finding.cells[1]).first else {
                return nil
            }
            return .handover(from: a, to: b)
        case .isolatedIntegration:
            guard let id = finding.institutions.first, let partner = network.bestPartner(for: id, offers: offers) else { return nil }
            return .meet(partner: partner)
        default:
            return nil
        }
    }
}
