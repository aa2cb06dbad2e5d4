import OfferMapModel
import OfferMapInput
import OfferMapAnalysis
/// `landscape.json`, schema offermap.landscape/1.
public enum LandscapeJSON {
    public static func make(_ landscape: Landscape, audience: Audience, wording: Wording) -> JSON {
        let county = landscape.county
        return .object([
            "schema": .string("offermap.landscape/1"),
            "date": .string(landscape.date.description),
            "language": .string(landscape.language.rawValue),
            "audience": .string(audience.rawValue),
            "county": .object(["id": .string(county.id), "name": .string(county.name), "state": .optional(county.state)]),
            "phases": .ids(landscape.taxonomy.phaseIDs),
            "categories": .ids(landscape.taxonomy.categoryIDs),
            "institutions": .array(county.institutions.map { institution(landscape, $0, audience) }),
            "unclassified": .strings(landscape.unclassified.map(\.fullID)),
            "cells": .array(landscape.cells.map(cell)),
            "findings": .array(landscape.findings.filter { audience.shows($0.kind) }.map { finding($0, wording, audience) }),
            "summary": .object([
                "institutions": .int(landscape.summary.institutions),
                "offers": .int(landscape.summary.offers),
                "expected_cells": .int(landscape.summary.expectedCells),
                "covered_expected": .int(landscape.summary.coveredExpected),
                "coverage": .double(landscape.summary.coverage),
            ]),
        ])
    }

    static func institution(_ landscape: Landscape, _ institution: Institution, _ audience: Audience) -> JSON {
        .object([
            "id": .string(institution.id),
            "name": .string(institution.name),
            "short": .optional(institution.short),
            "type": .string(institution.type),
            "website": .optional(institution.website),
            "address": .optional(institution.address),
            "municipality": .optional(institution.municipality),
            "updated": .optional(institution.updated?.description),
            "refers_to": .strings(institution.refersTo.map(\.id)),
            "contacts": .array(audience.visible(institution.contacts).map(contact)),
            "offers": .array(landscape.offers(of: institution.id).map(offer)),
        ])
    }

    static func contact(_ contact: Contact) -> JSON {
        .object([
            "name": .string(contact.name), "role": .optional(contact.role), "email": .optional(contact.email),
            "phone": .optional(contact.phone), "languages": .strings(contact.languages), "public": .bool(contact.isPublic),
        ])
    }

    static func offer(_ offer: ClassifiedOffer) -> JSON {
        .object([
            "id": .string(offer.offer.id),
            "full_id": .string(offer.fullID),
            "title": .string(offer.offer.title),
            "description": .string(offer.offer.description),
            "phases": .ids(offer.phases),
            "categories": .ids(offer.categories),
            "target_groups": .strings(offer.offer.targetGroups),
            "languages": .strings(offer.offer.languages),
            "cost": .optional(offer.offer.cost),
            "format": .optional(offer.offer.format),
            "municipalities": .strings(offer.offer.municipalities),
            "url": .optional(offer.offer.url),
            "evidence": .array(offer.evidence.map { EvidenceJSON.make($0, in: offer.offer) }),
            "labels": .array((offer.phases.map(Label.phase) + offer.categories.map(Label.category)).map { label in
                offer.isConfirmed(label) ? .object(["label": .string(label.qualified), "status": .string("confirmed")])
                    : .object(["label": .string(label.qualified), "status": .string("proposed"),
                               "probability": .double(((offer.probabilities[label] ?? 0) * 1000).rounded() / 1000)])
            }),
        ])
    }

    static func cell(_ cell: Cell) -> JSON {
        .object([
            "phase": .string(cell.phase.rawValue), "category": .string(cell.category.rawValue), "expected": .bool(cell.expected),
            "status": .string(cell.status.rawValue), "offers": .strings(cell.offers), "institutions": .strings(cell.institutions),
            "uncertain": .bool(cell.uncertain),
        ])
    }

    static func finding(_ finding: Finding, _ wording: Wording, _ audience: Audience) -> JSON {
        var members: [String: JSON] = ["kind": .string(finding.kind.rawValue), "message": .string(wording.message(finding)),
                                       "institutions": .strings(finding.institutions)]
        if let cell = finding.cell {
            members["phase"] = .string(cell.phase.rawValue)
            members["category"] = .string(cell.category.rawValue)
        }
        if finding.cells.count > 1 { members["to_phase"] = .string(finding.cells[1].phase.rawValue) }
        if let offer = finding.offers.first { members["offer"] = .string(offer) }
        if audience == .internal, let step = wording.nextStep(finding) { members["next_step"] = .string(step) }
        return .object(members)
    }
}

/// `matrix.csv`: one row per cell, in taxonomy order.
public enum MatrixCSV {
    public static func make(_ landscape: Landscape) -> String {
        CSV.document(
            header: ["phase", "category", "expected", "status", "institutions_count", "institutions", "offers"],
            rows: landscape.cells.map { cell in
                [cell.phase.rawValue, cell.category.rawValue, cell.expected ? "yes" : "no", cell.status.rawValue, String(cell.n),
                 cell.institutions.joined(separator: " "), cell.offers.joined(separator: " ")]
            })
    }
}
