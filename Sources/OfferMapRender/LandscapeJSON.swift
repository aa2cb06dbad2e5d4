import OfferMapModel
import OfferMapInput
import OfferMapAnalysis
/// `landscape.json`, schema offermap.landscape/1, written straight from the model (members in sorted key order).
public enum LandscapeJSON {
    public static func make(_ landscape: Landscape, audience: Audience, wording: Wording) -> String {
        document(landscape, audience: audience, wording: wording).text
    }

    /// The document in its writer, to be written to a file without being made a String.
    public static func document(_ landscape: Landscape, audience: Audience, wording: Wording) -> JSONWriter {
        var json = JSONWriter(capacity: 1 << 20)
        write(landscape, audience: audience, wording: wording, into: &json)
        return json
    }

    static func write(_ landscape: Landscape, audience: Audience, wording: Wording, into json: inout JSONWriter) {
        let county = landscape.county
        json.object { json in
            json.key("audience"); json.string(audience.rawValue)
            json.key("categories"); json.ids(landscape.taxonomy.categoryIDs)
            json.key("cells"); json.array(landscape.cells) { cell($1, into: &$0) }
            json.key("county"); json.object { json in
                json.key("id"); json.string(county.id)
                json.key("name"); json.string(county.name)
                json.key("state"); json.optional(county.state)
            }
            json.key("date"); json.string(landscape.date.description)
            json.key("findings")
            json.array(landscape.findings.lazy.filter { audience.shows($0.kind) }) { finding($1, wording, audience, into: &$0) }
            json.key("institutions"); json.array(county.institutions) { institution(landscape, $1, audience, into: &$0) }
            json.key("language"); json.string(landscape.language.rawValue)
            json.key("phases"); json.ids(landscape.taxonomy.phaseIDs)
            json.key("schema"); json.string("offermap.landscape/1")
            json.key("summary"); json.object { json in
                let summary = landscape.summary
                json.key("coverage"); json.double(summary.coverage)
                json.key("covered_expected"); json.int(summary.coveredExpected)
                json.key("expected_cells"); json.int(summary.expectedCells)
                json.key("institutions"); json.int(summary.institutions)
                json.key("offers"); json.int(summary.offers)
            }
            json.key("unclassified"); json.strings(landscape.unclassified.lazy.map(\.fullID))
        }
    }

    static func institution(_ landscape: Landscape, _ institution: Institution, _ audience: Audience, into json: inout JSONWriter) {
        json.object { json in
            json.key("address"); json.optional(institution.address)
            json.key("contacts"); json.array(audience.visible(institution.contacts)) { contact($1, into: &$0) }
            json.key("id"); json.string(institution.id)
            json.key("municipality"); json.optional(institution.municipality)
            json.key("name"); json.string(institution.name)
            json.key("offers"); json.array(landscape.offers(of: institution.id)) { offer($1, into: &$0) }
            json.key("refers_to"); json.strings(institution.refersTo.lazy.map(\.id))
            json.key("short"); json.optional(institution.short)
            json.key("type"); json.string(institution.type)
            json.key("updated"); json.optional(institution.updated?.description)
            json.key("website"); json.optional(institution.website)
        }
    }

    static func contact(_ contact: Contact, into json: inout JSONWriter) {
        json.object { json in
            json.key("email"); json.optional(contact.email)
            json.key("languages"); json.strings(contact.languages)
            json.key("name"); json.string(contact.name)
            json.key("phone"); json.optional(contact.phone)
            json.key("public"); json.bool(contact.isPublic)
            json.key("role"); json.optional(contact.role)
        }
    }

    static func offer(_ offer: ClassifiedOffer, into json: inout JSONWriter) {
        let given = offer.offer
        json.object { json in
            json.key("categories"); json.ids(offer.categories)
            json.key("cost"); json.optional(given.cost)
            json.key("description"); json.string(given.description)
            json.key("evidence"); json.array(offer.evidence) { EvidenceJSON.write($1, in: given, into: &$0) }
            json.key("format"); json.optional(given.format)
            json.key("full_id"); json.string(offer.fullID)
            json.key("id"); json.string(given.id)
            json.key("labels"); json.array(offer.phases.map(Label.phase) + offer.categories.map(Label.category)) { json, label in
                json.object { json in
                    json.key("label"); json.string(label.qualified)
                    if offer.isConfirmed(label) {
                        json.key("status"); json.string("confirmed")
                    } else {
                        json.key("probability"); json.double(((offer.probabilities[label] ?? 0) * 1000).rounded() / 1000)
                        json.key("status"); json.string("proposed")
                    }
                }
            }
            json.key("languages"); json.strings(given.languages)
            json.key("municipalities"); json.strings(given.municipalities)
            json.key("phases"); json.ids(offer.phases)
            json.key("target_groups"); json.strings(given.targetGroups)
            json.key("title"); json.string(given.title)
            json.key("url"); json.optional(given.url)
        }
    }

    static func cell(_ cell: Cell, into json: inout JSONWriter) {
        json.object { json in
            json.key("category"); json.string(cell.category.rawValue)
            json.key("expected"); json.bool(cell.expected)
            json.key("institutions"); json.strings(cell.institutions)
            json.key("offers"); json.strings(cell.offers)
            json.key("phase"); json.string(cell.phase.rawValue)
            json.key("status"); json.string(cell.status.rawValue)
            json.key("uncertain"); json.bool(cell.uncertain)
        }
    }

    static func finding(_ finding: Finding, _ wording: Wording, _ audience: Audience, into json: inout JSONWriter) {
        json.object { json in
            if let cell = finding.cell { json.key("category"); json.string(cell.category.rawValue) }
            json.key("institutions"); json.strings(finding.institutions)
            json.key("kind"); json.string(finding.kind.rawValue)
            json.key("message"); json.string(wording.message(finding))
            if audience == .internal, let step = wording.nextStep(finding) { json.key("next_step"); json.string(step) }
            if let offer = finding.offers.first { json.key("offer"); json.string(offer) }
            if let cell = finding.cell { json.key("phase"); json.string(cell.phase.rawValue) }
            if finding.cells.count > 1 { json.key("to_phase"); json.string(finding.cells[1].phase.rawValue) }
        }
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
