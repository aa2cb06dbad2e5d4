import OfferMapModel
import OfferMapInput
import OfferMapAnalysis
/// `compare.json`, schema offermap.compare/1.
public enum CompareJSON {
    public static func make(_ comparison: Comparison, date: Day) -> JSON {
        .object([
            "schema": .string("offermap.compare/1"),
            "date": .string(date.description),
            "phases": .ids(comparison.phases),
            "categories": .ids(comparison.categories),
            "not_compared": .object(["phases": .ids(comparison.uncomparedPhases),
                                     "categories": .ids(comparison.uncomparedCategories)]),
            "counties": .array(comparison.figures.map { figures in
                .object([
                    "id": .string(figures.id), "name": .string(figures.name),
                    "institutions": .int(figures.summary.institutions), "offers": .int(figures.summary.offers),
                    "expected_cells": .int(figures.summary.expectedCells), "covered_expected": .int(figures.summary.coveredExpected),
                    "coverage": .double(figures.summary.coverage),
                    "gaps": .int(figures.gaps), "thin": .int(figures.thin), "overlaps": .int(figures.overlaps),
                    "languages": .strings(figures.languages),
                    "integration_linked": .int(figures.integrationLinked), "integration_total": .int(figures.integrationTotal),
                    "integration_linked_share": figures.integrationShare.map(JSON.double) ?? .null,
                ])
            }),
            "cells": .array(comparison.phases.flatMap { phase in
                comparison.categories.map { category in
                    var statuses: [String: JSON] = [:]
                    for (index, landscape) in comparison.landscapes.enumerated() {
                        statuses[landscape.county.id] = .string(comparison.status(index, phase, category)?.rawValue ?? "empty")
                    }
                    return .object(["phase": .string(phase.rawValue), "category": .string(category.rawValue), "status": .object(statuses)])
                }
            }),
            "differences": .array(comparison.differences.map { difference in
                .object([
                    "county": .string(difference.county), "phase": .string(difference.phase.rawValue),
                    "category": .string(difference.category.rawValue), "status": .string(difference.status.rawValue),
                    "elsewhere": .array(difference.elsewhere.map { other in
                        .object(["county": .string(other.county), "status": .string(other.status.rawValue),
                                 "institutions": .int(other.institutions), "types": .strings(other.types),
                                 "offers": .strings(other.offers)])
                    }),
                ])
            }),
        ])
    }
}
