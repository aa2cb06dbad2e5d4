/// The referral network: who refers to whom, how well the integration side and the
/// founding-advice side are linked, and whom an unlinked institution should meet.
public struct Network: Sendable {
    public enum Side: String, Sendable, CaseIterable {
        case integration, founding, other
    }

    public let institutions: [Institution]
    /// Unordered pairs of institutions joined by a `refers_to` in either direction.
    public let links: Set<[String]>
    /// Directed references between existing institutions, sorted.
    public let references: [(from: String, to: String)]
    /// Each institution's partners (see `links`), sorted, and its side.
    private let partnersByID: [String: [String]]
    private let sides: [String: Side]

    public init(_ county: County) {
        institutions = county.institutions
        let ids = Set(county.institutions.map(\.id))
        var references: [(String, String)] = []
        for institution in county.institutions {
            for reference in institution.refersTo where ids.contains(reference.id) && reference.id != institution.id
                && !references.contains(where: { $0 == (institution.id, reference.id) }) {
                references.append((institution.id, reference.id))
            }
        }
        self.references = references.sorted { $0 < $1 }
        let links = Set(references.map { [$0.0, $0.1].sorted() })
        self.links = links
        var partners: [String: [String]] = [:]
        for link in links {
            partners[link[0], default: []].append(link[1])
            partners[link[1], default: []].append(link[0])
        }
        partnersByID = partners.mapValues { $0.sorted() }
        sides = Dictionary(county.institutions.map { ($0.id, Network.side(of: $0.type)) }) { first, _ in first }
    }

    public static func side(of type: String) -> Side {
        switch type {
        case "integration", "mso": .integration
        case "wirtschaftsfoerderung", "kammer", "arbeitsagentur": .founding
        default: .other
        }
    }

    public func side(_ id: String) -> Side { sides[id] ?? .other }

    /// By index, so that the institutions passed over are not copied.
    public func institution(_ id: String) -> Institution? {
        for index in institutions.indices where institutions[index].id == id { return institutions[index] }
        return nil
    }

    public func partners(of id: String) -> [String] { partnersByID[id] ?? [] }

    public func referredBy(_ id: String) -> [String] { references.filter { $0.to == id }.map(\.from) }

    public func members(_ side: Side) -> [Institution] { institutions.filter { Network.side(of: $0.type) == side } }

    /// Share of the institutions of `side` with at least one link to `other`.
    public func linkedShare(_ side: Side, to other: Side) -> (linked: Int, total: Int) {
        let group = members(side)
        let linked = group.filter { partners(of: $0.id).contains { self.side($0) == other } }
        return (linked.count, group.count)
    }

    /// Institutions with links across the two sides: integration ↔ founding advice.
    public var bridges: [String] {
        institutions.filter { institution in
            let sides = Set(partners(of: institution.id).map(side))
            switch Network.side(of: institution.type) {
            case .integration: return sides.contains(.founding)
            case .founding: return sides.contains(.integration)
            case .other: return sides.contains(.integration) && sides.contains(.founding)
            }
        }.map(\.id)
    }

    /// Institutions nobody refers to.
    public var unreferenced: [String] {
        institutions.filter { referredBy($0.id).isEmpty }.map(\.id)
    }

    /// Institutions without any link at all.
    public var isolated: [String] {
        institutions.filter { partners(of: $0.id).isEmpty }.map(\.id)
    }

    /// The founding-advice institution an integration institution should meet first:
    /// shared languages other than German and offers for migrants count most, then shared phases;
    /// the economic development agency wins a tie, then the id.
    public func bestPartner(for id: String, offers: [ClassifiedOffer]) -> String? {
        let byInstitution = Dictionary(grouping: offers, by: \.institutionID)
        let own = byInstitution[id] ?? []
        let languages = Set(own.flatMap(\.offer.languages)).subtracting(["de"])
        let phases = Set(own.flatMap(\.phases))
        func score(_ candidate: Institution) -> Int {
            let theirs = byInstitution[candidate.id] ?? []
            var total = 2 * languages.intersection(theirs.flatMap(\.offer.languages)).count
            if theirs.contains(where: { !Set($0.offer.targetGroups).isDisjoint(with: ["migrant", "gefluechtete"]) }) { total += 2 }
            total += phases.intersection(theirs.flatMap(\.phases)).count
            if candidate.type == "wirtschaftsfoerderung" { total += 1 }
            return total
        }
        let scored = members(.founding).map { (id: $0.id, score: score($0)) }
        return scored.max { a, b in a.score != b.score ? a.score < b.score : a.id > b.id }?.id
    }
}
