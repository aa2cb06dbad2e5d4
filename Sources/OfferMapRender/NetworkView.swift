import OfferMapModel
import OfferMapInput
import OfferMapAnalysis
/// The network section's values: shares, bridges, unlinked institutions with a partner to meet,
/// a table of referrals, and a deterministic diagram layout (three columns, one per side).
struct NetworkView {
    let landscape: Landscape
    let texts: Texts
    let network: Network
    /// Public output names no institution as unlinked or isolated.
    let audience: Audience

    init(landscape: Landscape, texts: Texts, audience: Audience = .internal) {
        self.landscape = landscape
        self.texts = texts
        self.network = landscape.network
        self.audience = audience
    }

    func name(_ id: String) -> String {
        landscape.county.shortName(of: id)
    }

    func context() -> [String: Any] {
        let integration = network.linkedShare(.integration, to: .founding)
        let founding = network.linkedShare(.founding, to: .integration)
        let unlinked = landscape.findings.filter { $0.kind == .isolatedIntegration && audience.shows($0.kind) }.compactMap { finding -> [String: Any]? in
            guard let id = finding.institutions.first else { return nil }
            // the finding's next step names the best partner already
            let partner: String? = if case .meet(let partner) = finding.nextStep { partner } else { nil }
            return ["id": id, "sentence": texts("network.meet", ["institution": name(id), "partner": partner.map(name) ?? texts("network.none")])]
        }
        return [
            "integration_share": texts("network.integration_share", ["linked": String(integration.linked), "total": String(integration.total)]),
            "founding_share": texts("network.founding_share", ["linked": String(founding.linked), "total": String(founding.total)]),
            "unlinked": unlinked,
            "has_unlinked": !unlinked.isEmpty,
            "bridges": network.bridges.isEmpty ? texts("network.bridges_none") : network.bridges.map(name).joined(separator: ", "),
            "unreferenced": network.unreferenced.isEmpty ? texts("network.none") : network.unreferenced.map(name).joined(separator: ", "),
            "rows": landscape.county.institutions.map { institution -> [String: Any] in
                let out = network.references.filter { $0.from == institution.id }.map { name($0.to) }
                let incoming = network.referredBy(institution.id).map(name)
                return ["id": institution.id, "name": name(institution.id),
                        "side": texts("network.side_\(Network.side(of: institution.type).rawValue)"),
                        "refers_to": out.isEmpty ? texts("network.none") : out.joined(separator: ", "),
                        "referred_by": incoming.isEmpty ? texts("network.none") : incoming.joined(separator: ", ")]
            },
            "diagram": diagram(),
        ]
    }

    func diagram() -> [String: Any] {
        NetworkDiagram(network: network, name: { landscape.institution($0)?.name ?? $0 },
                       isolated: audience == .internal ? Set(network.isolated) : [],
                       columnLabel: { texts("network.side_\($0.rawValue)") }).context()
    }
}
