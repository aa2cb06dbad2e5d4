import OfferMapModel

/// The key/value pairs of one YAML mapping, read with diagnostics.
struct Fields {
    let document: YAMLDocument
    let node: Node
    let what: String
    private let pairs: [(key: String, keyNode: Node, value: Node)]

    init?(_ node: Node, _ document: YAMLDocument, what: String, diagnostics: inout Diagnostics) {
        guard case .mapping(let mapping) = node else {
            diagnostics.error(.expectedMapping, document.location(node), "expected \(what) as 'key: value' lines, found \(Fields.describe(node))")
            return nil
        }
        self.document = document
        self.node = node
        self.what = what
        self.pairs = mapping.map { (key: $0.key.string ?? "", keyNode: $0.key, value: $0.value) }
    }

    var location: SourceLocation { document.location(node) }

    /// Where the key's value stands (or the key, if the value is empty).
    func location(of key: String) -> SourceLocation {
        guard let pair = pairs.first(where: { $0.key == key }) else { return location }
        return document.location(value(key) == nil ? pair.keyNode : pair.value)
    }

    /// The value, or nil when the key is absent or its value is empty (`key:` or `key: null`).
    func value(_ key: String) -> Node? {
        guard let value = pairs.first(where: { $0.key == key })?.value else { return nil }
        if case .scalar(let scalar) = value, scalar.style == .plain,
           ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return nil }
        return value
    }

    /// Warns about keys nobody reads, with the closest known key as a suggestion.
    func checkKeys(known: [String], diagnostics: inout Diagnostics) {
        for pair in pairs where !known.contains(pair.key) {
            diagnostics.warning(.unknownField, document.location(pair.keyNode), "unknown field '\(pair.key)' in \(what)",
                                suggestion: Suggestion.didYouMean(pair.key, in: known) ?? "known fields: \(known.joined(separator: ", "))")
        }
    }

    func text(_ key: String, required: Bool = false, diagnostics: inout Diagnostics) -> String? {
        guard let value = value(key) else {
            if required { missing(key, diagnostics: &diagnostics) }
            return nil
        }
        guard case .scalar(let scalar) = value else {
            diagnostics.error(.expectedText, document.location(value), "'\(key)' must be a single text, found \(Fields.describe(value))",
                              suggestion: "write it on one line, e.g. \(key): …")
            return nil
        }
        let text = scalar.string.trimmed
        if text.isEmpty && required { missing(key, diagnostics: &diagnostics) }
        return text.isEmpty ? nil : text
    }

    func missing(_ key: String, diagnostics: inout Diagnostics) {
        diagnostics.error(.missingField, location, "\(what) has no '\(key)'", suggestion: "add a line '\(key): …'")
    }

    func bool(_ key: String, diagnostics: inout Diagnostics) -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .scalar(let scalar) = value, let bool = Fields.bool(scalar.string) else {
            diagnostics.error(.expectedBoolean, document.location(value), "'\(key)' must be true or false")
            return nil
        }
        return bool
    }

    static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "ja": return true
        case "false", "no", "nein": return false
        default: return nil
        }
    }

    /// A list of texts, each with its node for locations.
    func list(_ key: String, diagnostics: inout Diagnostics) -> [(String, Node)]? {
        guard let value = value(key) else { return nil }
        guard case .sequence(let sequence) = value else {
            diagnostics.error(.expectedList, document.location(value), "'\(key)' must be a list, found \(Fields.describe(value))",
                              suggestion: "write \(key): [\(value.string ?? "…")]")
            return nil
        }
        var items: [(String, Node)] = []
        for item in sequence {
            guard case .scalar(let scalar) = item else {
                diagnostics.error(.expectedText, document.location(item), "each entry of '\(key)' must be a single text, found \(Fields.describe(item))")
                continue
            }
            let text = scalar.string.trimmedSpaces
            if !text.isEmpty { items.append((text, item)) }
        }
        return items
    }

    /// A list of mappings (offers, contacts).
    func mappings(_ key: String, what: String, diagnostics: inout Diagnostics) -> [Fields]? {
        guard let value = value(key) else { return nil }
        guard case .sequence(let sequence) = value else {
            diagnostics.error(.expectedList, document.location(value), "'\(key)' must be a list of entries starting with '- ', found \(Fields.describe(value))")
            return nil
        }
        return sequence.compactMap { Fields($0, document, what: what, diagnostics: &diagnostics) }
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return "the text '\(scalar.string.prefix(40))'"
        case .sequence: return "a list"
        case .mapping: return "'key: value' entries"
        }
    }
}

import Foundation
