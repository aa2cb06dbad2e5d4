public enum CellStatus: String, Sendable, CaseIterable, Codable {
    case gap, thin, covered, overlap, empty
}

/// One phase × one category.
public struct Cell: Sendable {
    public var key: CellKey
    public var expected: Bool
    public var status: CellStatus
    /// Full offer ids, sorted.
    public var offers: [String]
    /// Distinct institution ids, sorted.
    public var institutions: [String]
    /// The cell's offers stand in it only through labels the classifier proposed, and not one of them with
    /// confidence (`ClassifiedOffer.confidence` below `Cell.confidence`): its status rests on guesses.
    public var uncertain = false

    /// A machine label at this probability or above counts as sure enough for a cell.
    public static let confidence = 0.7

    public init(key: CellKey, expected: Bool, status: CellStatus, offers: [String], institutions: [String]) {
        self.key = key
        self.expected = expected
        self.status = status
        self.offers = offers
        self.institutions = institutions
    }

    public var phase: PhaseID { key.phase }
    public var category: CategoryID { key.category }
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

/// Something the network manager can act on: a kind and what it is about. The words are chosen when rendering.
public struct Finding: Sendable {
    public var kind: FindingKind
    /// The cell (gap, thin, overlap, language gap); an unlinked handover has two, the earlier phase first.
    public var cells: [CellKey] = []
    /// The institutions concerned: of the cell, of both sides of a handover (earlier first), or the one institution.
    public var institutions: [String] = []
    /// Full offer ids (unclassified).
    public var offers: [String] = []
    /// The id a broken referral points to.
    public var reference: String?
    /// Who is closest to closing it, and who should talk to whom.
    public var nextStep: NextStep?

    public init(kind: FindingKind, cells: [CellKey] = [], institutions: [String] = [], offers: [String] = [], reference: String? = nil,
                nextStep: NextStep? = nil) {
        self.kind = kind
        self.cells = cells
        self.institutions = institutions
        self.offers = offers
        self.reference = reference
        self.nextStep = nextStep
    }

    public var cell: CellKey? { cells.first }
}

/// A concrete next step for a finding.
public enum NextStep: Sendable, Hashable {
    /// Institutions already in the neighbouring phase of the same category could take it on.
    case adjacentPhase(PhaseID, institutions: [String])
    /// Institutions already in a related category of the same phase could take it on.
    case relatedCategory(CategoryID, institutions: [String])
    /// Nobody is close.
    case nobody
    /// The two sides of a handover should agree on referrals.
    case handover(from: String, to: String)
    /// An integration institution should meet this founding-advice institution.
    case meet(partner: String)
}

public struct Summary: Sendable {
    public var institutions: Int
    public var offers: Int
    public var expectedCells: Int
    public var coveredExpected: Int
    /// covered expected cells / expected cells, 0…1
    public var coverage: Double

    public init(institutions: Int, offers: Int, expectedCells: Int, coveredExpected: Int, coverage: Double) {
        self.institutions = institutions
        self.offers = offers
        self.expectedCells = expectedCells
        self.coveredExpected = coveredExpected
        self.coverage = coverage
    }
}

/// Everything known about one county on one report date.
public struct Landscape: Sendable {
    public var county: County
    public var date: Day
    /// The language every output of this county is written in (`Language.of`).
    public var language: Language
    public var offers: [ClassifiedOffer]
    public var cells: [Cell]
    public var findings: [Finding]
    public var summary: Summary
    public var network: Network

    public init(county: County, date: Day, language: Language, offers: [ClassifiedOffer], cells: [Cell], findings: [Finding],
                summary: Summary, network: Network) {
        self.network = network
        self.county = county
        self.date = date
        self.language = language
        self.offers = offers
        self.cells = cells
        self.findings = findings
        self.summary = summary
    }

    public var taxonomy: Taxonomy { county.taxonomy }

    /// The same landscape, its offers keeping only the labels given in the files as evidence: what the pages
    /// of all counties need, at a fraction of the memory.
    public var withoutEvidence: Landscape {
        var slim = self
        for index in slim.offers.indices { slim.offers[index].evidence = slim.offers[index].evidence.filter(\.isGiven) }
        return slim
    }

    /// Cells are stored in taxonomy order, phase by phase.
    public func cell(_ key: CellKey) -> Cell? {
        guard let p = taxonomy.phases.firstIndex(where: { $0.id == key.phase.rawValue }),
              let c = taxonomy.categories.firstIndex(where: { $0.id == key.category.rawValue }) else { return nil }
        let index = p * taxonomy.categories.count + c
        return cells.indices.contains(index) ? cells[index] : nil
    }

    public func cell(_ phase: PhaseID, _ category: CategoryID) -> Cell? { cell(CellKey(phase, category)) }

    public func offers(of institution: String) -> [ClassifiedOffer] {
        offers.filter { $0.institutionID == institution }
    }

    public func institution(_ id: String) -> Institution? { county.institution(id) }

    public var unclassified: [ClassifiedOffer] { offers.filter(\.isUnclassified) }
}
