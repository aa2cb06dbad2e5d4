public enum CellStatus: String, Sendable, CaseIterable, Codable {
    case gap, thin, covered, overlap, empty
}

/// One phase × one category.
public struct Cell: Sendable {
    public var phase: String
    public var category: String
    public var expected: Bool
    public var status: CellStatus
    /// Full offer ids, sorted.
    public var offers: [String]
    /// Distinct institution ids, sorted.
    public var institutions: [String]

    public var n: Int { institutions.count }
}

public enum FindingKind: String, Sendable, CaseIterable, Codable {
    case gap, thin, overlap, unclassified
    case languageGap = "language-gap"
    case unlinkedHandover = "unlinked-handover"
    case isolatedIntegration = "isolated-integration"
    case brokenReferral = "broken-referral"
    case stale
}

public struct Finding: Sendable {
    public var kind: FindingKind
    public var phase: String?
    /// The second phase of an unlinked handover.
    public var toPhase: String?
    public var category: String?
    public var institutions: [String] = []
    public var offer: String?
    public var message: String
    /// Who is closest to closing it, and who should talk to whom.
    public var nextStep: String?
}

public struct Summary: Sendable {
    public var institutions: Int
    public var offers: Int
    public var expectedCells: Int
    public var coveredExpected: Int
    /// covered expected cells / expected cells, 0…1
    public var coverage: Double
}

/// Everything known about one county on one report date.
public struct Landscape: Sendable {
    public var county: County
    public var date: Day
    public var language: Language
    public var offers: [ClassifiedOffer]
    public var cells: [Cell]
    public var findings: [Finding]
    public var summary: Summary

    public var taxonomy: Taxonomy { county.taxonomy }

    /// Cells are stored in taxonomy order, phase by phase.
    public func cell(_ phase: String, _ category: String) -> Cell? {
        guard let p = taxonomy.phases.firstIndex(where: { $0.id == phase }),
              let c = taxonomy.categories.firstIndex(where: { $0.id == category }) else { return nil }
        let index = p * taxonomy.categories.count + c
        return cells.indices.contains(index) ? cells[index] : nil
    }

    public func offers(of institution: String) -> [ClassifiedOffer] {
        offers.filter { $0.institutionID == institution }
    }

    public var unclassified: [ClassifiedOffer] { offers.filter(\.isUnclassified) }
}
