/// A concrete next step for a gap, a thin cell, an unlinked handover or an isolated
/// integration institution: who is closest to filling it, and who should talk to whom.
struct NextSteps {
    let findings: Findings
    let network: Network

    var texts: Texts { findings.texts }

    func institutions(_ phase: String, _ category: String) -> [String] {
        findings.cells.first { $0.phase == phase && $0.category == category }?.institutions ?? []
    }

    /// The closest institutions other than `excluding`, and how they are close.
    func closest(phase: String, category: String, excluding: [String]) -> (ids: [String], values: [String: String], key: String)? {
        let phases = findings.taxonomy.phaseIDs
        guard let index = phases.firstIndex(of: phase) else { return nil }
        for neighbour in [index - 1, index + 1] where phases.indices.contains(neighbour) {
            let ids = institutions(phases[neighbour], category).filter { !excluding.contains($0) }
            if !ids.isEmpty { return (Array(ids.prefix(3)), ["other": findings.phaseLabel(phases[neighbour])], "adjacent") }
        }
        for other in findings.taxonomy.category(category)?.related ?? [] {
            let ids = institutions(phase, other).filter { !excluding.contains($0) }
            if !ids.isEmpty { return (Array(ids.prefix(3)), ["other": findings.categoryLabel(other)], "related") }
        }
        return nil
    }

    func step(for finding: Finding) -> String? {
        switch finding.kind {
        case .gap, .thin:
            guard let phase = finding.phase, let category = finding.category else { return nil }
            var values = ["phase": findings.phaseLabel(phase), "category": findings.categoryLabel(category),
                          "sole": findings.names(finding.institutions)]
            guard let match = closest(phase: phase, category: category, excluding: finding.institutions) else {
                return texts("step.\(finding.kind.rawValue)-none", values)
            }
            values.merge(match.values) { $1 }
            values["names"] = findings.names(match.ids)
            return texts("step.\(finding.kind.rawValue)-\(match.key)", values)
        case .unlinkedHandover:
            guard let from = finding.phase, let to = finding.toPhase, let category = finding.category,
                  let a = institutions(from, category).first, let b = institutions(to, category).first else { return nil }
            return texts("step.unlinked-handover", ["a": findings.names([a]), "b": findings.names([b]),
                                                    "from": findings.phaseLabel(from), "to": findings.phaseLabel(to)])
        case .isolatedIntegration:
            guard let id = finding.institutions.first, let partner = network.bestPartner(for: id, offers: findings.offers) else {
                return nil
            }
            return texts("step.isolated-integration", ["institution": findings.names([id]), "partner": findings.names([partner])])
        default:
            return nil
        }
    }
}
