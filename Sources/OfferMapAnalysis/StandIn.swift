import OfferMapModel

/// Which institutions can stand in for each other, and which offers in a cell are of the same kind:
/// the ground for naming an overlap or for asking two institutions to cover for each other.
enum StandIn {
    /// Institution types that can give the same kind of support; a type in no group only stands in for itself.
    /// An authority's decision, the employment agency's benefits, a professional integration service and a
    /// migrant self-organisation's volunteers cannot replace one another.
    static let groups: [Set<String>] = [
        ["wirtschaftsfoerderung", "kammer", "bildung", "verein", "finanzinstitut"],
    ]

    /// Types whose every institution has a competence of its own (an authority decides for its area only).
    static let own: Set<String> = ["behoerde"]

    static func group(_ type: String) -> String {
        groups.firstIndex { $0.contains(type) }.map { "group \($0)" } ?? type
    }

    /// Institution id → type.
    static func types(_ county: County) -> [String: String] {
        Dictionary(county.institutions.map { ($0.id, $0.type) }) { first, _ in first }
    }

    static func canStandIn(_ a: String, for b: String) -> Bool { !own.contains(a) && !own.contains(b) && group(a) == group(b) }

    /// The most institutions whose offers in one cell are alike: the same set of categories (an interpreter pool
    /// is not recognition advice that is also given in other languages), from types that can stand in for each
    /// other, reaching one common target group (an offer for `alle` reaches every group).
    static func largestAlikeGroup(_ offers: [ClassifiedOffer], types: [String: String], taxonomy: Taxonomy) -> [String] {
        var kinds: [String: [ClassifiedOffer]] = [:]
        for offer in offers {
            let type = types[offer.institutionID] ?? ""
            let kind = (own.contains(type) ? offer.institutionID : group(type)) + "|" + offer.categories.map(\.rawValue).sorted().joined(separator: ",")
            kinds[kind, default: []].append(offer)
        }
        var best: [String] = []
        for kind in kinds.keys.sorted() {
            // a kind with no more institutions than the best group so far cannot give a larger one
            guard Set(kinds[kind]!.map(\.institutionID)).count > best.count else { continue }
            for targetGroup in taxonomy.targetGroups.map(\.id) {
                let reaching = Set(kinds[kind]!.filter { $0.offer.targetGroups.contains(targetGroup) || $0.offer.targetGroups.contains("alle") }
                    .map(\.institutionID)).sorted()
                if reaching.count > best.count { best = reaching }
            }
        }
        return best
    }
}
