import OfferMapModel
import Foundation

/// The columns of the offer table: one row per offer, the institution's fields repeated on each of its rows.
public enum SheetColumn: String, CaseIterable, Sendable {
    case institutionID, name, short, type
    case offerID, offer, description, phases, categories, targetGroups, languages, cost, format, offerMunicipalities, offerURL
    case website, address, municipality, contacts, email, phone, refersTo, updated, body

    /// What `export` writes, in this order. E-Mail and Telefon are read, but written inside Ansprechpartner.
    public static let exported: [SheetColumn] = allCases.filter { $0 != .email && $0 != .phone }

    public func title(_ language: Language) -> String {
        language == .en ? names.en : names.de
    }

    var names: (de: String, en: String, more: [String]) {
        switch self {
        case .institutionID: ("Institution-ID", "Institution ID", ["ID", "Einrichtungs-ID"])
        case .name: ("Name", "Name", ["Institution", "Einrichtung", "Institution name"])
        case .short: ("Kurzname", "Short name", ["Kurz", "Short", "Abkürzung"])
        case .type: ("Typ", "Type", ["Art", "Institutionstyp"])
        case .offerID: ("Angebots-ID", "Offer ID", ["Angebot-ID", "Angebots-Id"])
        case .offer: ("Angebot", "Offer", ["Titel", "Title", "Angebotstitel", "Offer title"])
        case .description: ("Beschreibung", "Description", [])
        case .phases: ("Phasen", "Phases", ["Phase", "Gründungsphasen"])
        case .categories: ("Kategorien", "Categories", ["Kategorie", "Category"])
        case .targetGroups: ("Zielgruppen", "Target groups", ["Zielgruppe", "Target group"])
        case .languages: ("Sprachen", "Languages", ["Sprache", "Language"])
        case .cost: ("Kosten", "Cost", ["Costs"])
        case .format: ("Format", "Format", ["Form"])
        case .offerMunicipalities: ("Gemeinden des Angebots", "Offer municipalities", ["Gemeinden", "Municipalities"])
        case .offerURL: ("Angebots-URL", "Offer URL", ["Link", "Angebotslink"])
        case .website: ("Website", "Website", ["Webseite", "Internet", "Homepage"])
        case .address: ("Adresse", "Address", ["Anschrift"])
        case .municipality: ("Gemeinde", "Municipality", ["Ort", "Sitz"])
        case .contacts: ("Ansprechpartner", "Contacts", ["Contact", "Ansprechpartnerin", "Ansprechpersonen", "Ansprechperson", "Kontakt", "Kontakte"])
        case .email: ("E-Mail", "Email", ["Mail"])
        case .phone: ("Telefon", "Phone", ["Tel", "Telefonnummer"])
        case .refersTo: ("Verweist auf", "Refers to", ["Verweise", "Vermittelt an"])
        case .updated: ("Aktualisiert", "Updated", ["Stand"])
        case .body: ("Text", "Body", ["Über uns", "About"])
        }
    }

    static let byKey: [String: SheetColumn] = {
        var result: [String: SheetColumn] = [:]
        for column in allCases {
            for name in [column.names.de, column.names.en] + column.names.more { result[SheetText.key(name)] = column }
        }
        return result
    }()

    /// The column a header names, case- and umlaut-insensitive ("Zielgruppen", "target groups", "ZIELGRUPPEN").
    public static func matching(_ header: String) -> SheetColumn? {
        byKey[SheetText.key(header)]
    }

    static var knownTitles: [String] { exported.map { $0.title(.de) } + [email.title(.de), phone.title(.de)] }
}

enum SheetText {
    /// Lower case, umlauts written out, accents dropped, everything but letters and digits removed.
    static func key(_ text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            switch character {
            case "ä": result += "ae"
            case "ö": result += "oe"
            case "ü": result += "ue"
            case "ß": result += "ss"
            default:
                for scalar in String(character).folding(options: .diacriticInsensitive, locale: nil).unicodeScalars
                where scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// A list cell: items separated by `;`, `,` or line breaks.
    static func items(_ cell: String) -> [String] {
        cell.split(whereSeparator: { $0 == ";" || $0 == "," || $0.isNewline })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
