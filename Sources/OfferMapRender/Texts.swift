import OfferMapModel
import OfferMapResources
import OfferMapInput
import OfferMapAnalysis

/// The words of the interface in one language, from templates/i18n/<lang>.yaml.
/// Nested keys are joined with dots: `finding: {gap: …}` is `finding.gap`.
/// Unchecked Sendable: every property is immutable and `tree` holds only strings and dictionaries.
public struct Texts: @unchecked Sendable {
    public let language: Language
    public let entries: [String: String]
    /// The entries as nested dictionaries, for `{{t.report.title}}` in templates; built once.
    let tree: [String: Any]
    /// What `evidence.quote` puts around `{text}`, when that is its only placeholder: quoting is then two appends.
    let quoteMarks: (open: String, close: String)?

    public init(language: Language, yaml: String) throws {
        self.language = language
        self.entries = try TranslationFile.entries(yaml)
        self.tree = Texts.tree(entries)
        let quote = entries["evidence.quote"] ?? ""
        if let range = quote.range(of: "{text}"), quote.filter({ $0 == "{" }).count == 1 {
            quoteMarks = (String(quote[..<range.lowerBound]), String(quote[range.upperBound...]))
        } else {
            quoteMarks = nil
        }
    }

    /// The text for `key` with `{name}` placeholders filled in; the key itself if missing.
    /// One pass: a value that itself contains `{…}` is not filled in again.
    public func callAsFunction(_ key: String, _ values: [String: String] = [:]) -> String {
        let text = entries[key] ?? key
        guard !values.isEmpty, text.utf8.contains(UInt8(ascii: "{")) else { return text }
        // by bytes: "{" and "}" are ASCII, and walking Characters cost more than the rest of the report's sentences
        let utf8 = text.utf8
        var out = ""
        var rest = utf8.startIndex, from = rest
        while let open = utf8[from...].firstIndex(of: UInt8(ascii: "{")) {
            let name = utf8.index(after: open)
            guard let close = utf8[name...].firstIndex(of: UInt8(ascii: "}")), let value = values[String(text[name..<close])] else {
                from = name
                continue
            }
            out += text[rest..<open]
            out += value
            rest = utf8.index(after: close)
            from = rest
        }
        return out + text[rest...]
    }

    /// A language code as its name ("ar" → "Arabisch"); the code where the translations have no name.
    public func languageName(_ code: String) -> String {
        let name = self("language.\(code)")
        return name == "language.\(code)" ? code : name
    }

    /// "A, B und C" / "A, B and C"
    public func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " " + self("word.and") + " " + items.last!
    }

    /// A title in quotation marks („…“ / “…”); its own quotation marks become single ones, so that none are doubled:
    /// „Gründungsseminar ‚Fit für die Selbstständigkeit‘“.
    public func quote(_ text: String) -> String {
        // "„«”»“ and their kin start with the bytes 0x22, 0xC2 or 0xE2; text without them stays as it is
        guard text.utf8.contains(where: { $0 == 0x22 || $0 == 0xC2 || $0 == 0xE2 }) else { return quoted(text) }
        let (open, close): (Character, Character) = language == .de ? ("‚", "‘") : ("‘", "’")
        var inner = "", opening = true
        for character in text {
            switch character {
            case "„", "«": inner.append(open); opening = false
            case "”", "»": inner.append(close); opening = true
            case "“" where language == .de: inner.append(close); opening = true
            case "“": inner.append(open); opening = false
            case "\"":
                inner.append(opening ? open : close)
                opening.toggle()
            default: inner.append(character)
            }
        }
        return quoted(inner)
    }

    private func quoted(_ inner: String) -> String {
        guard let quoteMarks else { return self("evidence.quote", ["text": inner]) }
        return quoteMarks.open + inner + quoteMarks.close
    }

    public func number(_ value: Double, digits: Int = 0) -> String {
        var text = value.formatted(digits: digits)
        if language == .de { text = text.replacingOccurrences(of: ".", with: ",") }
        return text
    }

    public func percent(_ fraction: Double) -> String {
        let value = (fraction * 100).rounded()
        return language == .de ? "\(Int(value)) %" : "\(Int(value))%"
    }

    public func date(_ day: Day) -> String {
        guard language == .de else { return day.description }
        let parts = day.description.split(separator: "-")
        return "\(parts[2]).\(parts[1]).\(parts[0])"
    }
}


import Foundation

extension Texts {
    private static let cache: [Language: Texts] = {
        var result: [Language: Texts] = [:]
        for language in Language.allCases {
            result[language] = try? Texts(language: language, yaml: Shipped.translations[language.rawValue] ?? "")
        }
        return result
    }()

    /// The translations compiled into the binary.
    public static func shipped(_ language: Language) -> Texts {
        cache[language]!
    }
}
