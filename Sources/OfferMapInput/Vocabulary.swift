import OfferMapModel

/// A list of the taxonomy that inputs name terms of: its name in messages, and the id of a term it lacks.
enum TermList: String {
    case type = "institution type", phase, category, targetGroup = "target group", cost, format

    var unknown: DiagnosticID {
        switch self {
        case .type: .unknownType
        case .phase: .unknownPhase
        case .category: .unknownCategory
        case .targetGroup: .unknownTargetGroup
        case .cost: .unknownCost
        case .format: .unknownFormat
        }
    }
}

/// Ids of one taxonomy list, accepted also by their German or English label ("Beratung & Coaching", "advice & coaching").
struct Vocabulary {
    let terms: [Term]
    let what: TermList

    enum Match {
        case id(String)
        case unknown(suggestion: String)
        case ambiguous([String])
    }

    func match(_ text: String) -> Match {
        let key = SheetText.key(text)
        var found: [String] = []
        for term in terms where [term.id, term.label.de, term.label.en].contains(where: { SheetText.key($0) == key }) {
            if !found.contains(term.id) { found.append(term.id) }
        }
        if found.count == 1 { return .id(found[0]) }
        if found.count > 1 { return .ambiguous(found) }
        let ids = terms.map(\.id)
        let byLabel = terms.first { Suggestion.closest(key, in: [SheetText.key($0.label.de), SheetText.key($0.label.en)]) != nil }
        let suggestion = Suggestion.didYouMean(text, in: ids) ?? byLabel.map { "did you mean '\($0.id)'?" }
            ?? "use one of: \(ids.joined(separator: ", "))"
        return .unknown(suggestion: suggestion)
    }

    /// One id; a diagnostic for anything else.
    func id(_ text: String, at location: SourceLocation, diagnostics: inout Diagnostics) -> String? {
        switch match(text) {
        case .id(let id): return id
        case .unknown(let suggestion):
            diagnostics.error(what.unknown, location, "unknown \(what.rawValue) '\(text)'", suggestion: suggestion)
        case .ambiguous(let ids):
            diagnostics.error(.ambiguousTerm, location, "'\(text)' could be the \(what.rawValue) \(ids.map { "'\($0)'" }.joined(separator: " or "))", suggestion: "write the id")
        }
        return nil
    }

    /// A list cell. Items are split at `;`, `,` and line breaks, but a label that itself holds a comma
    /// ("Recht, Steuern & Formalitäten") is put back together first.
    func ids(_ cell: String, at location: SourceLocation, diagnostics: inout Diagnostics) -> [String]? {
        let items = SheetText.items(cell)
        var result: [String] = []
        var failed = false
        var i = 0
        while i < items.count {
            var taken = false
            for end in stride(from: min(i + 2, items.count - 1), to: i, by: -1) {
                if case .id(let id) = match(items[i...end].joined(separator: ", ")) {
                    if !result.contains(id) { result.append(id) }
                    i = end + 1
                    taken = true
                    break
                }
            }
            if taken { continue }
            if let id = id(items[i], at: location, diagnostics: &diagnostics) {
                if !result.contains(id) { result.append(id) }
            } else {
                failed = true
            }
            i += 1
        }
        return failed ? nil : result
    }
}

/// ISO 639-1 codes, accepted also by the German or English name of the common languages.
enum LanguageNames {
    static let table: [(String, [String])] = [
        ("de", ["Deutsch", "German"]), ("en", ["Englisch", "English"]), ("tr", ["Türkisch", "Turkish"]),
        ("ar", ["Arabisch", "Arabic"]), ("ru", ["Russisch", "Russian"]), ("uk", ["Ukrainisch", "Ukrainian"]),
        ("fa", ["Persisch", "Farsi", "Persian", "Dari"]), ("pl", ["Polnisch", "Polish"]), ("ro", ["Rumänisch", "Romanian"]),
        ("bg", ["Bulgarisch", "Bulgarian"]), ("it", ["Italienisch", "Italian"]), ("el", ["Griechisch", "Greek"]),
        ("hr", ["Kroatisch", "Croatian"]), ("sr", ["Serbisch", "Serbian"]), ("ku", ["Kurdisch", "Kurdish"]),
        ("ti", ["Tigrinya"]), ("so", ["Somali"]), ("fr", ["Französisch", "French"]), ("es", ["Spanisch", "Spanish"]),
        ("vi", ["Vietnamesisch", "Vietnamese"]), ("zh", ["Chinesisch", "Chinese"]), ("ps", ["Paschtu", "Pashto"]),
        ("sq", ["Albanisch", "Albanian"]), ("pt", ["Portugiesisch", "Portuguese"]),
    ]

    static let names: [String: String] = {
        var result: [String: String] = [:]
        for (code, names) in table { for name in names { result[SheetText.key(name)] = code } }
        return result
    }()

    /// Code → German name, for export ("ar" → "Arabisch"); the first name of each code is the German one.
    static let german: [String: String] = Dictionary(table.map { ($0.0, $0.1[0]) }) { first, _ in first }

    static func codes(_ cell: String, at location: SourceLocation, diagnostics: inout Diagnostics) -> [String]? {
        var result: [String] = []
        var failed = false
        for item in SheetText.items(cell).flatMap({ $0.split(whereSeparator: { $0 == " " || $0 == "/" }).map(String.init) }) {
            let lowered = item.lowercased()
            if let code = LanguageCodes.all.contains(lowered) ? lowered : names[SheetText.key(item)] {
                if !result.contains(code) { result.append(code) }
            } else {
                diagnostics.error(.unknownLanguage, location, "unknown language '\(item)'",
                                  suggestion: Suggestion.didYouMean(lowered, in: LanguageCodes.common) ?? "use two-letter ISO 639-1 codes such as de, en, tr, ar")
                failed = true
            }
        }
        return failed ? nil : result
    }
}
