/// A calendar day, as written in the input (YYYY-MM-DD).
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int, month: Int, day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; nil for anything else or an impossible date.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), d >= 1, d <= Day.daysIn(month: m, year: y) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// 2026-05-14, or as German offices write dates and Excel shows them: 14.05.2026 or 14.5.2026.
    public init?(written text: String) {
        if let day = Day(text) { self = day; return }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              let d = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        self.init("\(parts[2])-\(two(m))-\(two(d))")
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The same day `months` months earlier, clamped to the month's end.
    public func minus(months: Int) -> Day {
        let total = year * 12 + (month - 1) - months
        let y = total / 12, m = total % 12 + 1
        return Day(year: y, month: m, day: min(day, Day.daysIn(month: m, year: y)))
    }

    public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

public struct Contact: Sendable, Hashable {
    public var name: String
    public var role: String?
    public var email: String?
    public var phone: String?
    public var languages: [String] = []
    public var isPublic: Bool = false

    public init(name: String, role: String? = nil, email: String? = nil, phone: String? = nil, languages: [String] = [], isPublic: Bool = false) {
        self.name = name
        self.role = role
        self.email = email
        self.phone = phone
        self.languages = languages
        self.isPublic = isPublic
    }
}

public struct Reference: Sendable, Hashable {
    public var id: String
    public var location: SourceLocation

    public init(id: String, location: SourceLocation) {
        self.id = id
        self.location = location
    }
}

public struct Offer: Sendable {
    /// The offer's own slug; the full id is `<institution>/<id>`.
    public var id: String
    public var title: String
    public var description: String = ""
    /// As given in the input; nil when left to the classifier.
    public var phases: [PhaseID]?
    public var categories: [CategoryID]?
    public var targetGroups: [String] = ["alle"]
    public var languages: [String] = ["de"]
    public var cost: String?
    public var format: String?
    public var municipalities: [String] = []
    public var url: String?
    public var location: SourceLocation

    public init(id: String, title: String, description: String = "", phases: [PhaseID]? = nil, categories: [CategoryID]? = nil, targetGroups: [String] = ["alle"], languages: [String] = ["de"], cost: String? = nil, format: String? = nil, municipalities: [String] = [], url: String? = nil, location: SourceLocation) {
        self.id = id
        self.title = title
        self.description = description
        self.phases = phases
        self.categories = categories
        self.targetGroups = targetGroups
        self.languages = languages
        self.cost = cost
        self.format = format
        self.municipalities = municipalities
        self.url = url
        self.location = location
    }
}

public struct Institution: Sendable {
    public var id: String
    public var name: String
    public var short: String?
    public var type: String
    public var website: String?
    public var address: String?
    public var municipality: String?
    public var contacts: [Contact] = []
    public var refersTo: [Reference] = []
    public var updated: Day?
    public var offers: [Offer] = []
    /// The Markdown body, and the line in the file where it starts.
    public var body: String = ""
    public var bodyLine: Int = 1
    public var location: SourceLocation

    public init(id: String, name: String, short: String? = nil, type: String, website: String? = nil, address: String? = nil, municipality: String? = nil, contacts: [Contact] = [], refersTo: [Reference] = [], updated: Day? = nil, offers: [Offer] = [], body: String = "", bodyLine: Int = 1, location: SourceLocation) {
        self.id = id
        self.name = name
        self.short = short
        self.type = type
        self.website = website
        self.address = address
        self.municipality = municipality
        self.contacts = contacts
        self.refersTo = refersTo
        self.updated = updated
        self.offers = offers
        self.body = body
        self.bodyLine = bodyLine
        self.location = location
    }
}

public struct County: Sendable {
    public var id: String
    public var name: String
    public var state: String?
    public var language: Language?
    public var municipalities: [String] = []
    public var branding: Branding = Branding()
    public var taxonomy: Taxonomy
    public var institutions: [Institution] = []
    public var location: SourceLocation

    public init(id: String, name: String, state: String? = nil, language: Language? = nil, municipalities: [String] = [], branding: Branding = Branding(), taxonomy: Taxonomy, institutions: [Institution] = [], location: SourceLocation) {
        self.id = id
        self.name = name
        self.state = state
        self.language = language
        self.municipalities = municipalities
        self.branding = branding
        self.taxonomy = taxonomy
        self.institutions = institutions
        self.location = location
    }
}

extension County {
    /// By index, so that the institutions passed over are not copied.
    public func institution(_ id: String) -> Institution? {
        for index in institutions.indices where institutions[index].id == id { return institutions[index] }
        return nil
    }

    /// The short name where there is one, else the name; the id itself for an institution the county does not have.
    public func shortName(of id: String) -> String {
        for index in institutions.indices where institutions[index].id == id { return institutions[index].short ?? institutions[index].name }
        return id
    }
}

extension Language {
    /// The one rule for the language of a county's output: `--lang`, else the county's `language`, else German.
    public static func of(_ county: County, option: Language?) -> Language { option ?? county.language ?? .de }
}
