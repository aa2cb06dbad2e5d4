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
    public var isPublic = false
}

public struct Reference: Sendable, Hashable {
    public var id: String
    public var location: SourceLocation
}

public struct Offer: Sendable {
    /// The offer's own slug; the full id is `<institution>/<id>`.
    public var id: String
    public var title: String
    public var description: String = ""
    /// As given in the input; nil when left to the classifier.
    public var phases: [String]?
    public var categories: [String]?
    public var targetGroups: [String] = ["alle"]
    public var languages: [String] = ["de"]
    public var cost: String?
    public var format: String?
    public var municipalities: [String] = []
    public var url: String?
    public var location: SourceLocation
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
    public var bodyLine = 1
    public var location: SourceLocation
}

public struct County: Sendable {
    public var id: String
    public var name: String
    public var state: String?
    public var language: Language?
    public var municipalities: [String] = []
    public var branding = Branding()
    public var taxonomy: Taxonomy
    public var institutions: [Institution] = []
    public var location: SourceLocation
}
