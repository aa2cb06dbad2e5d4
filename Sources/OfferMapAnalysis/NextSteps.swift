import OfferMapModel

/// A concrete next step for a gap, a thin cell, an unlinked handover or an isolated
/// integration institution: who is closest to filling it, and who should talk to whom.
struct NextSteps {
    let cells: [Cell]
    let taxonomy: Taxonomy
    let offers: [ClassifiedOffer]
    let network: Network
    /// Institution id → type.
    let types: [String: String]

    init(cells: [Cell], taxonomy: Taxonomy, offers: [ClassifiedOffer], network: Network) {
        self.cells = cells
        self.taxonomy = taxonomy
        self.offers = offers
        self.network = network
        types = Dictionary(network.institutions.map { ($0.id, $0.type) }) { first, _ in first }
    }

    func institutions(_ key: CellKey) -> [String] {
        cells.first { $0.key == key }?.institutions ?? []
    }

    func type(_ id: String) -> String { types[id] ?? "" }

    /// Kinds of support that only some types can give, whether or not the county has one of them yet.
    static let competent: [CategoryID: Set<String>] = [
        "aufenthalt": ["behoerde", "integration", "mso"],
        "anerkennung": ["integration", "kammer", "bildung", "behoerde"],
    ]

    /// Whether institutions of this type can give this kind of support; most kinds any type can take on.
    static func gives(_ type: String, _ category: CategoryID) -> Bool {
        competent[category].map { $0.contains(type) } ?? true
    }

    /// The closest institutions other than `excluding`: in a neighbouring phase, else in a related category from a
    /// type that can give the missing kind of support (a chamber is not asked for residence permits).
    /// For a thin cell only institutions that could stand in for its sole one (`excluding`) count.
    func closest(_ key: CellKey, excluding: [String], standingIn: Bool) -> NextStep {
        let soleTypes = excluding.map(type)
        func candidates(_ cell: CellKey) -> [String] {
            institutions(cell).filter { id in
                !excluding.contains(id) && NextSteps.gives(type(id), key.category)
                    && (!standingIn || soleTypes.allSatisfy { StandIn.canStandIn(type(id), for: $0) })
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
