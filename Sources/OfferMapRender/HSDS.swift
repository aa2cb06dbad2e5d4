import OfferMapModel
import OfferMapInput
import OfferMapAnalysis
/// Open Referral HSDS 3 export: one JSON array per entity (organizations, services, contacts,
/// languages, service areas, taxonomy terms, and the attributes that link services to terms).
/// Identifiers are UUIDs derived from offermap's ids, so they stay stable from run to run.
/// Public data only: contacts appear only with `public: true`.
public enum HSDS {
    /// Writes `<folder>/<entity>.json` through a streaming writer.
    static func export(_ landscapes: [Landscape], folder: String, writer: inout OutputWriter) throws {
        func array(_ name: String) throws -> JSONArrayWriter { JSONArrayWriter(try writer.open("\(folder)/\(name).json")) }
        var organizations = try array("organizations"), services = try array("services"), contacts = try array("contacts")
        var languages = try array("languages"), areas = try array("service_areas"), attributes = try array("attributes")
        var terms = try array("taxonomy_terms")
        var termsByID: [String: JSON] = [:]
        for landscape in landscapes {
            let county = landscape.county
            for institution in county.institutions {
                let organization = uuid("organization:\(county.id)/\(institution.id)")
                var fields: [String: JSON] = ["id": .string(organization), "name": .string(institution.name),
                                              "description": .string(plain(institution.body, fallback: institution.name))]
                if let short = institution.short { fields["alternate_name"] = .string(short) }
                if let website = safeURL(institution.website), !website.hasPrefix("mailto:") { fields["website"] = .string(website) }
                try organizations.append(.object(fields))
                for (index, contact) in institution.contacts.filter(\.isPublic).enumerated() {
                    var fields: [String: JSON] = ["id": .string(uuid("contact:\(county.id)/\(institution.id)/\(index)")),
                                                  "organization_id": .string(organization), "name": .string(contact.name)]
                    if let role = contact.role { fields["title"] = .string(role) }
                    if let email = contact.email { fields["email"] = .string(email) }
                    try contacts.append(.object(fields))
                }
            }
            for offer in landscape.offers {
                let service = uuid("service:\(county.id)/\(offer.fullID)")
                var fields: [String: JSON] = [
                    "id": .string(service), "organization_id": .string(uuid("organization:\(county.id)/\(offer.institutionID)")),
                    "name": .string(offer.offer.title), "status": .string("active"),
                ]
                if !offer.offer.description.isEmpty { fields["description"] = .string(offer.offer.description) }
                if let url = safeURL(offer.offer.url), !url.hasPrefix("mailto:") { fields["url"] = .string(url) }
                try services.append(.object(fields))
                for code in offer.offer.languages {
                    try languages.append(.object(["id": .string(uuid("language:\(service)/\(code)")), "service_id": .string(service),
                                              "code": .string(code)]))
                }
                let area = offer.offer.municipalities.isEmpty ? county.name : offer.offer.municipalities.joined(separator: ", ")
                try areas.append(.object(["id": .string(uuid("area:\(service)")), "service_id": .string(service),
                                      "name": .string(area), "description": .string(county.name)]))
                for label in offer.phases.map(Label.phase) + offer.categories.map(Label.category) {
                    do {
                        let (code, id) = (label.qualified, label.rawValue)
                        let term = uuid("term:\(code)")
                        let name = landscape.taxonomy.term(label)?.label
                        termsByID[term] = .object(["id": .string(term), "code": .string(code), "name": .string(name?.de ?? id),
                                               "description": .string(name?.en ?? id),
                                               "taxonomy": .string(label.isPhase ? "offermap phase" : "offermap category"),
                                               "version": .string("1")])
                        try attributes.append(.object(["id": .string(uuid("attribute:\(service)/\(code)")),
                                                   "link_id": .string(service), "link_type": .string("service"),
                                                   "link_entity": .string("service"), "taxonomy_term_id": .string(term)]))
                    }
                }
            }
        }
        for key in termsByID.keys.sorted() { try terms.append(termsByID[key]!) }
        for var array in [organizations, services, contacts, languages, areas, attributes, terms] { try array.finish() }
    }

    /// The institution's description as inert Markdown (HSDS allows markup there; raw HTML
    /// and script links are neutralised as in the reports).
    static func plain(_ markdown: String, fallback: String) -> String {
        let text = CommonMark.safeMarkdown(markdown).trimmed
        return text.isEmpty ? fallback : text
    }

    /// A stable UUID (version 8, RFC 9562 "custom") from two FNV-1a hashes of the name.
    static func uuid(_ name: String) -> String {
        var bytes = withUnsafeBytes(of: FNV1a.hash(name.utf8).bigEndian, Array.init)
            + withUnsafeBytes(of: FNV1a.hash(name.utf8, seed: 0x84222325cbf29ce4).bigEndian, Array.init)
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if [4, 6, 8, 10].contains(index) { text.append(UInt8(ascii: "-")) }
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

import CommonMark
import Foundation
