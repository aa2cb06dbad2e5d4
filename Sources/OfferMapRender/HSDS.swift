import OfferMapModel
import OfferMapInput
import OfferMapAnalysis
/// Open Referral HSDS 3 export: one JSON array per entity (organizations, services, contacts,
/// languages, service areas, taxonomy terms, and the attributes that link services to terms).
/// Identifiers are UUIDs derived from offermap's ids, so they stay stable from run to run.
/// Public data only: contacts appear only with `public: true`.
public enum HSDS {
    /// Writes `<folder>/<entity>.json` through a streaming writer; the items of a few counties are made side by side.
    static func export(_ landscapes: [Landscape], folder: String, writer: inout OutputWriter) async throws {
        let names = ["organizations", "services", "contacts", "languages", "service_areas", "attributes"]
        var arrays = try names.map { JSONArrayWriter(try writer.open("\(folder)/\($0).json")) }
        var terms = JSONArrayWriter(try writer.open("\(folder)/taxonomy_terms.json"))
        var termsByID: [String: JSON] = [:]
        for batch in Parallel.batches(landscapes) {
            for made in await Parallel.map(Array(batch), items) {
                for index in arrays.indices { try arrays[index].append(joined: made.texts[index], count: made.counts[index]) }
                termsByID.merge(made.terms) { $1 }
            }
        }
        for key in termsByID.keys.sorted() { try terms.append(termsByID[key]!) }
        for var array in arrays + [terms] { try array.finish() }
    }

    /// One county's items, in the order of `export`'s files, each file's already joined as `JSONArrayWriter` joins
    /// them (so that the thread writing the files only appends); and the taxonomy terms its offers use.
    struct Items: Sendable {
        var texts: [String] = Array(repeating: "", count: 6)
        var counts: [Int] = Array(repeating: 0, count: 6)
        var terms: [String: JSON] = [:]

        /// An item written straight from its members, given in sorted key order.
        mutating func add(_ file: Int, _ members: (inout JSONWriter) -> Void) {
            var writer = JSONWriter(indent: 1)
            writer.object(members)
            if counts[file] > 0 { texts[file] += JSONArrayWriter.separator }
            texts[file] += writer.fragment
            counts[file] += 1
        }
    }

    @Sendable static func items(_ landscape: Landscape) -> Items {
        var made = Items()
        let (organizations, services, contacts, languages, areas, attributes) = (0, 1, 2, 3, 4, 5)
        let county = landscape.county
        for institution in county.institutions {
            let organization = uuid("organization:\(county.id)/\(institution.id)")
            made.add(organizations) { json in
                if let short = institution.short { json.key("alternate_name"); json.string(short) }
                json.key("description"); json.string(plain(institution.body, fallback: institution.name))
                json.key("id"); json.string(organization)
                json.key("name"); json.string(institution.name)
                if let website = safeURL(institution.website), !website.hasPrefix("mailto:") { json.key("website"); json.string(website) }
            }
            for (index, contact) in institution.contacts.filter(\.isPublic).enumerated() {
                made.add(contacts) { json in
                    if let email = contact.email { json.key("email"); json.string(email) }
                    json.key("id"); json.string(uuid("contact:\(county.id)/\(institution.id)/\(index)"))
                    json.key("name"); json.string(contact.name)
                    json.key("organization_id"); json.string(organization)
                    if let role = contact.role { json.key("title"); json.string(role) }
                }
            }
        }
        // each institution's organization id once, not once per offer
        var organizationIDs: [String: String] = [:]
        for offer in landscape.offers {
            let service = uuid("service:\(county.id)/\(offer.fullID)")
            let organization = organizationIDs[offer.institutionID] ?? uuid("organization:\(county.id)/\(offer.institutionID)")
            organizationIDs[offer.institutionID] = organization
            made.add(services) { json in
                if !offer.offer.description.isEmpty { json.key("description"); json.string(offer.offer.description) }
                json.key("id"); json.string(service)
                json.key("name"); json.string(offer.offer.title)
                json.key("organization_id"); json.string(organization)
                json.key("status"); json.string("active")
                if let url = safeURL(offer.offer.url), !url.hasPrefix("mailto:") { json.key("url"); json.string(url) }
            }
            for code in offer.offer.languages {
                made.add(languages) { json in
                    json.key("code"); json.string(code)
                    json.key("id"); json.string(uuid("language:\(service)/\(code)"))
                    json.key("service_id"); json.string(service)
                }
            }
            let area = offer.offer.municipalities.isEmpty ? county.name : offer.offer.municipalities.joined(separator: ", ")
            made.add(areas) { json in
                json.key("description"); json.string(county.name)
                json.key("id"); json.string(uuid("area:\(service)"))
                json.key("name"); json.string(area)
                json.key("service_id"); json.string(service)
            }
            for label in offer.phases.map(Label.phase) + offer.categories.map(Label.category) {
                let (code, id) = (label.qualified, label.rawValue)
                let term = uuid("term:\(code)")
                if made.terms[term] == nil {
                    let name = landscape.taxonomy.term(label)?.label
                    made.terms[term] = .object(["id": .string(term), "code": .string(code), "name": .string(name?.de ?? id),
                                                "description": .string(name?.en ?? id),
                                                "taxonomy": .string(label.isPhase ? "offermap phase" : "offermap category"),
                                                "version": .string("1")])
                }
                made.add(attributes) { json in
                    json.key("id"); json.string(uuid("attribute:\(service)/\(code)"))
                    json.key("link_entity"); json.string("service")
                    json.key("link_id"); json.string(service)
                    json.key("link_type"); json.string("service")
                    json.key("taxonomy_term_id"); json.string(term)
                }
            }
        }
        return made
    }

    /// The institution's description as inert Markdown (HSDS allows markup there; raw HTML
    /// and script links are neutralised as in the reports).
    static func plain(_ markdown: String, fallback: String) -> String {
        let text = CommonMark.safeMarkdown(markdown).trimmed
        return text.isEmpty ? fallback : text
    }

    /// A stable UUID (version 8, RFC 9562 "custom") from two FNV-1a hashes of the name: the first hash gives
    /// bytes 0–7, the second bytes 8–15, each most significant byte first.
    static func uuid(_ name: String) -> String {
        let first = FNV1a.hash(name.utf8), second = FNV1a.hash(name.utf8, seed: 0x84222325cbf29ce4)
        return String(unsafeUninitializedCapacity: 36) { text in
            let digits: StaticString = "0123456789abcdef"
            var at = 0
            for index in 0..<16 {
                if index == 4 || index == 6 || index == 8 || index == 10 {
                    text[at] = UInt8(ascii: "-")
                    at += 1
                }
                var byte = UInt8(truncatingIfNeeded: (index < 8 ? first : second) >> (56 - 8 * UInt64(index % 8)))
                if index == 6 { byte = (byte & 0x0F) | 0x80 }
                if index == 8 { byte = (byte & 0x3F) | 0x80 }
                text[at] = digits.utf8Start[Int(byte >> 4)]
                text[at + 1] = digits.utf8Start[Int(byte & 0x0F)]
                at += 2
            }
            return at
        }
    }
}

import CommonMark
import Foundation
