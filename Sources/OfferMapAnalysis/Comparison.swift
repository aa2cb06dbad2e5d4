import OfferMapModel
/// Key figures of one county, as compared.
public struct CountyFigures: Sendable {
    public var id: String
    public var name: String
    public var summary: Summary
    public var gaps: Int
    public var thin: Int
    public var overlaps: Int
    /// Languages other than German offered somewhere in the expected cells.
    public var languages: [String]
    /// Integration and MSO institutions with a link to founding advice.
    public var integrationLinked: Int
    public var integrationTotal: Int

    public var integrationShare: Double? {
        integrationTotal == 0 ? nil : Double(integrationLinked) / Double(integrationTotal)
    }
}

/// A cell that is weak in one county but covered elsewhere, with who covers it there.
public struct Difference: Sendable {
    public struct Elsewhere: Sendable {
        public var county: String
        public var status: CellStatus
        public var institutions: Int
        /// Institution type ids, sorted.
        public var types: [String]
        public var offers: [String]
    }

    public var county: String
    public var phase: PhaseID
    public var category: CategoryID
    public var status: CellStatus
    public var elsewhere: [Elsewhere]
}

/// Counties side by side, on the phase and category ids they share.
public struct Comparison: Sendable {
    public var landscapes: [Landscape]
    public var figures: [CountyFigures]
    public var phases: [PhaseID]
    public var categories: [CategoryID]
    /// Ids that not every county's taxonomy has.
    public var uncomparedPhases: [PhaseID]
    public var uncomparedCategories: [CategoryID]
    public var differences: [Difference]

    /// At most this many counties get a heatmap and a difference list when none are chosen.
    public static let heatmapLimit = 8

    /// `figures`: each county's, worked out before (`make`); nil works them out here.
    public init(_ landscapes: [Landscape], figures: [CountyFigures]? = nil) {
        self.landscapes = landscapes
        self.figures = figures ?? landscapes.map(Comparison.figures)
        let allPhases = Comparison.union(landscapes.map(\.taxonomy.phaseIDs))
        let allCategories = Comparison.union(landscapes.map(\.taxonomy.categoryIDs))
        let phases = allPhases.filter { id in landscapes.allSatisfy { $0.taxonomy.phaseIDs.contains(id) } }
        let categories = allCategories.filter { id in landscapes.allSatisfy { $0.taxonomy.categoryIDs.contains(id) } }
        self.phases = phases
        self.categories = categories
        uncomparedPhases = allPhases.filter { !phases.contains($0) }
        uncomparedCategories = allCategories.filter { !categories.contains($0) }
        differences = []
        differences = findDifferences()
    }

    /// The comparison, with each county's figures worked out on all cores.
    public static func make(_ landscapes: [Landscape], threads: Int = Parallel.width) async -> Comparison {
        Comparison(landscapes, figures: await Parallel.map(landscapes, threads: threads, figures))
    }

    /// Ids in first-seen order.
    static func union<ID: TermID>(_ lists: [[ID]]) -> [ID] {
        var result: [ID] = []
        for list in lists { for id in list where !result.contains(id) { result.append(id) } }
        return result
    }

    @Sendable static func figures(_ landscape: Landscape) -> CountyFigures {
        let cells = landscape.cells
        let expectedOffers = Set(cells.filter(\.expected).flatMap(\.offers))
        var languages: Set<String> = []
        for offer in landscape.offers where expectedOffers.contains(offer.fullID) { languages.formUnion(offer.offer.languages) }
        languages.remove("de")
        let share = landscape.network.linkedShare(.integration, to: .founding)
        return CountyFigures(id: landscape.county.id, name: landscape.county.name, summary: landscape.summary,
                             gaps: cells.filter { $0.status == .gap }.count, thin: cells.filter { $0.status == .thin }.count,
                             overlaps: cells.filter { $0.status == .overlap }.count, languages: languages.sorted(),
                             integrationLinked: share.linked, integrationTotal: share.total)
    }

    public func status(_ county: Int, _ phase: PhaseID, _ category: CategoryID) -> CellStatus? {
        landscapes[county].cell(phase, category)?.status
    }

    static let strong: Set<CellStatus> = [.covered, .overlap]

    /// Per cell once: the counties where it is covered, most institutions first; every county
    /// where it is a gap or thin gets the first three of them (linear in the number of counties),
    /// or none where no county covers it.
    func findDifferences() -> [Difference] {
        var found: [(county: Int, phase: Int, category: Int, difference: Difference)] = []
        for (p, phase) in phases.enumerated() {
            for (c, category) in categories.enumerated() {
                let cells = landscapes.map { $0.cell(phase, category) }
                let strong = cells.indices.filter { cells[$0].map { Comparison.strong.contains($0.status) } ?? false }
                    .sorted { (cells[$1]!.n, landscapes[$0].county.id) < (cells[$0]!.n, landscapes[$1].county.id) }
                let elsewhere = strong.prefix(3).map { other in elsewhereEntry(landscapes[other], cells[other]!) }
                for (index, cell) in cells.enumerated() {
                    guard let cell, cell.status == .gap || cell.status == .thin else { continue }
                    found.append((index, p, c, Difference(county: landscapes[index].county.id, phase: phase, category: category,
                                                          status: cell.status, elsewhere: elsewhere)))
                }
            }
        }
        return found.sorted { ($0.county, $0.phase, $0.category) < ($1.county, $1.phase, $1.category) }.map(\.difference)
    }

    func elsewhereEntry(_ landscape: Landscape, _ cell: Cell) -> Difference.Elsewhere {
        let types = Set(cell.institutions.compactMap { landscape.county.institution($0)?.type })
        let offers = Set(cell.offers)
        let titles = landscape.offers.filter { offers.contains($0.fullID) }.prefix(3).map(\.offer.title)
        return Difference.Elsewhere(county: landscape.county.id, status: cell.status, institutions: cell.n,
                                    types: types.sorted(), offers: Array(titles))
    }

    /// The counties whose matrices differ most from the most common status per cell (at most `limit`).
    public func mostDifferent(limit: Int) -> [String] {
        guard landscapes.count > limit else { return landscapes.map(\.county.id) }
        var distance = [Int](repeating: 0, count: landscapes.count)
        for phase in phases {
            for category in categories {
                let statuses = landscapes.indices.map { status($0, phase, category) }
                var counts: [CellStatus: Int] = [:]
                for status in statuses.compactMap({ $0 }) { counts[status, default: 0] += 1 }
                let mode = counts.max { a, b in a.value != b.value ? a.value < b.value : a.key.rawValue > b.key.rawValue }?.key
                for (index, status) in statuses.enumerated() where status != mode { distance[index] += 1 }
            }
        }
        return landscapes.indices.sorted { (distance[$1], landscapes[$0].county.id) < (distance[$0], landscapes[$1].county.id) }
            .prefix(limit).map { landscapes[$0].county.id }
    }
}
