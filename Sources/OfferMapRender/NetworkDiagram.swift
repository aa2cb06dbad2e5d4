import OfferMapModel

/// The referral diagram's layout: three columns (integration, others, founding advice), each institution a box
/// with its full name wrapped, ordered within its column to reduce crossings (barycenter sweeps), arrows spread
/// along the sides of a box, and a mutual referral drawn once with two heads. Deterministic.
struct NetworkDiagram {
    let network: Network
    /// The name shown in a box.
    let name: (String) -> String
    let isolated: Set<String>
    let columnLabel: (Network.Side) -> String

    static let sides: [Network.Side] = [.integration, .other, .founding]
    static let nodeWidth = 240, lineHeight = 15, padding = 6, gap = 10, top = 44, columnGap = 130, margin = 90
    /// Characters a line of a box holds at 12px.
    static let lineLength = 32

    struct Box {
        var id: String
        var column: Int
        var x = 0, y = 0, height = 0
        var lines: [String] = []
        var midY: Int { y + height / 2 }
    }

    /// One side of a box: where edges leave or enter it.
    struct BoxSide: Hashable {
        var id: String
        var right: Bool
    }

    struct Port: Hashable {
        var side: BoxSide
        var edge: Int
    }

    struct Edge {
        var from: String, to: String
        var both: Bool
    }

    /// Words into lines of at most `length` characters; a longer word stands alone.
    static func wrap(_ text: String, length: Int = lineLength) -> [String] {
        var lines: [String] = []
        for word in text.split(separator: " ").map(String.init) {
            if let last = lines.last, last.count + 1 + word.count <= length {
                lines[lines.count - 1] = last + " " + word
            } else {
                lines.append(word)
            }
        }
        return lines.isEmpty ? [""] : lines
    }

    /// Referrals between existing institutions; a pair that refers both ways once, with `both`.
    var edges: [Edge] {
        var result: [Edge] = []
        for reference in network.references {
            let back = network.references.contains { $0 == (reference.to, reference.from) }
            if back && reference.to < reference.from { continue }
            result.append(Edge(from: reference.from, to: reference.to, both: back))
        }
        return result
    }

    /// Ids per column, ordered by the mean position of their partners in the other columns, a few sweeps.
    func order() -> [[String]] {
        var columns = NetworkDiagram.sides.map { network.members($0).map(\.id) }
        var partners: [String: [String]] = [:]
        for reference in network.references {
            partners[reference.from, default: []].append(reference.to)
            partners[reference.to, default: []].append(reference.from)
        }
        for _ in 0..<4 {
            for column in [1, 0, 2, 1] {
                var rank: [String: Double] = [:]
                for (index, ids) in columns.enumerated() where index != column {
                    for (row, id) in ids.enumerated() { rank[id] = Double(row) / Double(max(ids.count - 1, 1)) }
                }
                let current = columns[column]
                let scale = Double(max(current.count - 1, 1))
                // each box's centre once, then sorted by centre and former row
                let centers = current.enumerated().map { row, id -> (Double, Int) in
                    let ranks = (partners[id] ?? []).compactMap { rank[$0] }
                    return (ranks.isEmpty ? Double(row) / scale : ranks.reduce(0, +) / Double(ranks.count), row)
                }
                columns[column] = centers.sorted { $0 < $1 }.map { current[$0.1] }
            }
        }
        return columns
    }

    /// Boxes stacked per column, each tall enough for its name and for the arrows at its busiest side.
    func boxes(_ columns: [[String]], ports: [String: Int]) -> [String: Box] {
        var result: [String: Box] = [:]
        for (column, ids) in columns.enumerated() {
            var y = NetworkDiagram.top
            for id in ids {
                let lines = NetworkDiagram.wrap(name(id), length: NetworkDiagram.lineLength - (isolated.contains(id) ? 2 : 0))
                let height = max(lines.count * NetworkDiagram.lineHeight + 2 * NetworkDiagram.padding, (ports[id] ?? 0) * 6)
                result[id] = Box(id: id, column: column, x: NetworkDiagram.x(column), y: y, height: height, lines: lines)
                y += height + NetworkDiagram.gap
            }
        }
        return result
    }

    static func x(_ column: Int) -> Int { margin + column * (nodeWidth + columnGap) }

    /// Which side of its box an edge leaves or enters: towards the other box, or outwards within a column
    /// (left in the first column, right in the last, in the middle the side with fewer edges to the others).
    static func rightSide(_ box: Box, towards other: Box, middleRight: Bool) -> Bool {
        guard other.column == box.column else { return other.column > box.column }
        return box.column == 1 ? middleRight : box.column == 2
    }

    func context() -> [String: Any] {
        let columns = order()
        var unplaced: [String: Box] = [:]
        for (column, ids) in columns.enumerated() { for id in ids { unplaced[id] = Box(id: id, column: column) } }
        let edges = edges.filter { unplaced[$0.from] != nil && unplaced[$0.to] != nil }
        func between(_ x: Int, _ y: Int) -> Int { edges.filter { Set([unplaced[$0.from]!.column, unplaced[$0.to]!.column]) == [x, y] }.count }
        let middleRight = between(1, 2) <= between(0, 1)
        func rightSide(_ box: Box, _ other: Box) -> Bool { NetworkDiagram.rightSide(box, towards: other, middleRight: middleRight) }
        var perSide: [BoxSide: Int] = [:]
        for edge in edges {
            let (a, b) = (unplaced[edge.from]!, unplaced[edge.to]!)
            perSide[BoxSide(id: a.id, right: rightSide(a, b)), default: 0] += 1
            perSide[BoxSide(id: b.id, right: rightSide(b, a)), default: 0] += 1
        }
        var busiest: [String: Int] = [:]
        for (side, count) in perSide { busiest[side.id] = max(busiest[side.id] ?? 0, count) }
        let boxes = boxes(columns, ports: busiest)
        // the points where edges meet a side, spread along it in the order of the other ends
        var ports: [BoxSide: [(edge: Int, otherY: Int)]] = [:]
        for (index, edge) in edges.enumerated() {
            let (a, b) = (boxes[edge.from]!, boxes[edge.to]!)
            ports[BoxSide(id: a.id, right: rightSide(a, b)), default: []].append((index, b.midY))
            ports[BoxSide(id: b.id, right: rightSide(b, a)), default: []].append((index, a.midY))
        }
        var portY: [Port: Int] = [:]
        for (side, list) in ports {
            let box = boxes[side.id]!
            for (rank, port) in list.sorted(by: { ($0.otherY, $0.edge) < ($1.otherY, $1.edge) }).enumerated() {
                portY[Port(side: side, edge: port.edge)] = box.y + box.height * (rank + 1) / (list.count + 1)
            }
        }
        let paths = edges.enumerated().map { index, edge -> [String: Any] in
            let (a, b) = (boxes[edge.from]!, boxes[edge.to]!)
            let (ra, rb) = (rightSide(a, b), rightSide(b, a))
            let start = (x: ra ? a.x + NetworkDiagram.nodeWidth : a.x, y: portY[Port(side: BoxSide(id: a.id, right: ra), edge: index)]!)
            let end = (x: rb ? b.x + NetworkDiagram.nodeWidth : b.x, y: portY[Port(side: BoxSide(id: b.id, right: rb), edge: index)]!)
            let arrow = edge.both ? " ↔ " : " → "
            return ["d": NetworkDiagram.path(start, end, sameColumn: a.column == b.column, outwards: ra ? 1 : -1),
                    "both": edge.both, "title": name(edge.from) + arrow + name(edge.to)]
        }
        let nodes = NetworkDiagram.sides.indices.flatMap { column in
            boxes.values.filter { $0.column == column }.sorted { $0.y < $1.y }
        }.map { box -> [String: Any] in
            ["x": box.x, "y": box.y, "w": NetworkDiagram.nodeWidth, "h": box.height, "label": name(box.id),
             "title": network.institution(box.id)?.name ?? box.id, "isolated": isolated.contains(box.id),
             "lines": box.lines.enumerated().map { row, text -> [String: Any] in
                 ["x": box.x + 8, "y": box.y + NetworkDiagram.padding + (row + 1) * NetworkDiagram.lineHeight - 3, "text": text, "first": row == 0]
             }]
        }
        let bottom = boxes.values.map { $0.y + $0.height }.max() ?? NetworkDiagram.top
        return ["width": 2 * NetworkDiagram.margin + 3 * NetworkDiagram.nodeWidth + 2 * NetworkDiagram.columnGap,
                "height": bottom + 16,
                "columns": NetworkDiagram.sides.enumerated().map { column, side in ["x": NetworkDiagram.x(column), "label": columnLabel(side)] },
                "nodes": nodes, "edges": paths]
    }

    /// A curve between two ports; within a column it bends outwards, the further the longer it is, so that
    /// arcs nest instead of crossing.
    static func path(_ a: (x: Int, y: Int), _ b: (x: Int, y: Int), sameColumn: Bool, outwards: Int) -> String {
        if sameColumn {
            let bend = a.x + outwards * min(16 + abs(b.y - a.y) / 4, margin - 8)
            return "M\(a.x) \(a.y) C\(bend) \(a.y), \(bend) \(b.y), \(b.x) \(b.y)"
        }
        let middle = (a.x + b.x) / 2
        return "M\(a.x) \(a.y) C\(middle) \(a.y), \(middle) \(b.y), \(b.x) \(b.y)"
    }
}
