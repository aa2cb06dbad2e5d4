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
            let partner = network.bestPartner(for: id, offers: landscape.offers)
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

    static let nodeWidth = 240, nodeHeight = 26, rowHeight = 34, top = 44, columnGap = 70, margin = 50

    func diagram() -> [String: Any] {
        let sides: [Network.Side] = [.integration, .other, .founding]
        var position: [String: (x: Int, y: Int, column: Int)] = [:]
        var nodes: [[String: Any]] = []
        var columns: [[String: Any]] = []
        let isolated = audience == .internal ? Set(network.isolated) : []
        for (column, side) in sides.enumerated() {
            let x = NetworkView.margin + column * (NetworkView.nodeWidth + NetworkView.columnGap)
            columns.append(["x": x, "label": texts("network.side_\(side.rawValue)")])
            for (row, institution) in network.members(side).enumerated() {
                let y = NetworkView.top + row * NetworkView.rowHeight
                position[institution.id] = (x, y, column)
                let label = name(institution.id)
                nodes.append(["x": x, "y": y, "w": NetworkView.nodeWidth, "h": NetworkView.nodeHeight,
                              "tx": x + 8, "ty": y + 17, "label": label.count > 34 ? String(label.prefix(33)) + "…" : label,
                              "title": institution.name, "isolated": isolated.contains(institution.id)])
            }
        }
        let edges = network.references.compactMap { reference -> [String: Any]? in
            guard let a = position[reference.from], let b = position[reference.to] else { return nil }
            return ["d": path(from: a, to: b), "title": "\(name(reference.from)) → \(name(reference.to))"]
        }
        let rows = sides.map { network.members($0).count }.max() ?? 0
        return ["width": 2 * NetworkView.margin + 3 * NetworkView.nodeWidth + 2 * NetworkView.columnGap,
                "height": NetworkView.top + max(rows, 1) * NetworkView.rowHeight + 10,
                "columns": columns, "nodes": nodes, "edges": edges]
    }

    /// A curve from the side of one node to the facing side of the other; within a column it bends outwards.
    func path(from a: (x: Int, y: Int, column: Int), to b: (x: Int, y: Int, column: Int)) -> String {
        let h = NetworkView.nodeHeight / 2, w = NetworkView.nodeWidth
        if a.column == b.column {
            let x = a.column == 0 ? a.x : a.x + w
            let bend = a.column == 0 ? x - 40 : x + 40
            return "M\(x) \(a.y + h) C\(bend) \(a.y + h), \(bend) \(b.y + h), \(x) \(b.y + h)"
        }
        let rightwards = b.column > a.column
        let x1 = rightwards ? a.x + w : a.x, x2 = rightwards ? b.x : b.x + w
        let middle = (x1 + x2) / 2
        return "M\(x1) \(a.y + h) C\(middle) \(a.y + h), \(middle) \(b.y + h), \(x2) \(b.y + h)"
    }
}
