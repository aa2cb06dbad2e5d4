/// `landscape.json`, schema offermap.landscape/1.
public enum LandscapeJSON {
    public static func make(_ landscape: Landscape, audience: Audience) -> JSON {
        let county = landscape.county
        return .object([
            "schema": .string("offermap.landscape/1"),
            "date": .string(landscape.date.description),
            "language": .string(landscape.language.rawValue),
            "audience": .string(audience.rawValue),
            "county": .object(["id": .string(county.id), "name": .string(county.name), "state": .optional(county.state)]),
            "phases": .strings(landscape.taxonomy.phaseIDs),
            "categories": .strings(landscape.taxonomy.categoryIDs),
            "institutions": .array(county.institutions.map { institution(landscape, $0, audience) }),
            "unclassified": .strings(landscape.unclassified.map(\.fullID)),
            "cells": .array(landscape.cells.map(cell)),
            "findings": .array(landscape.findings.map(finding)),
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
            "phases": .strings(offer.phases),
            "categories": .strings(offer.categories),
            "target_groups": .strings(offer.offer.targetGroups),
            "languages": .strings(offer.offer.languages),
            "cost": .optional(offer.offer.cost),
            "format": .optional(offer.offer.format),
            "municipalities": .strings(offer.offer.municipalities),
            "url": .optional(offer.offer.url),
            "evidence": .array(offer.evidence.map { evidence in
                .object(["label": .string(evidence.label), "source": .string(evidence.source),
                         "term": .string(evidence.term), "field": .string(evidence.field)])
            }),
        ])
    }

    static func cell(_ cell: Cell) -> JSON {
        .object([
            "phase": .string(cell.phase), "category": .string(cell.category), "expected": .bool(cell.expected),
            "status": .string(cell.status.rawValue), "offers": .strings(cell.offers), "institutions": .strings(cell.institutions),
        ])
    }

    static func finding(_ finding: Finding) -> JSON {
        var members: [String: JSON] = ["kind": .string(finding.kind.rawValue), "message": .string(finding.message),
                                       "institutions": .strings(finding.institutions)]
        if let phase = finding.phase { members["phase"] = .string(phase) }
        if let toPhase = finding.toPhase { members["to_phase"] = .string(toPhase) }
        if let category = finding.category { members["category"] = .string(category) }
        if let offer = finding.offer { members["offer"] = .string(offer) }
        if let step = finding.nextStep { members["next_step"] = .string(step) }
        return .object(members)
    }
}

/// `matrix.csv`: one row per cell, in taxonomy order.
public enum MatrixCSV {
    public static func make(_ landscape: Landscape) -> String {
        CSV.document(
            header: ["phase", "category", "expected", "status", "institutions_count", "institutions", "offers"],
            rows: landscape.cells.map { cell in
                [cell.phase, cell.category, cell.expected ? "yes" : "no", cell.status.rawValue, String(cell.n),
                 cell.institutions.joined(separator: " "), cell.offers.joined(separator: " ")]
            })
    }
}
