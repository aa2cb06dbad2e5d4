import OfferMapModel
import Foundation

/// Reads `taxonomy.yaml`. A county's own file replaces the default key by key.
enum TaxonomyLoader {
    static let keys = ["phases", "categories", "types", "target_groups", "costs", "formats", "expected", "thresholds", "negations", "abbreviations"]

    static func load(_ url: URL, path: String, diagnostics: inout Diagnostics) -> Fields? {
        guard let text = TextFile.read(url, path: path, diagnostics: &diagnostics) else { return nil }
        let document = YAMLDocument(path: path, lineOffset: 0)
        guard let node = document.parse(text, diagnostics: &diagnostics) else { return nil }
        guard let fields = Fields(node, document, what: "the taxonomy", diagnostics: &diagnostics) else { return nil }
        fields.checkKeys(known: keys, diagnostics: &diagnostics)
        return fields
    }

    /// Builds a taxonomy from the default file's fields, each key replaced by the override's where it has one.
    static func taxonomy(base: Fields, override: Fields? = nil, diagnostics: inout Diagnostics) -> Taxonomy {
        func source(_ key: String) -> Fields {
            if let override, override.value(key) != nil { return override }
            return base
        }
        var taxonomy = Taxonomy()
        taxonomy.phases = terms(source("phases"), "phases", required: true, diagnostics: &diagnostics)
        taxonomy.categories = terms(source("categories"), "categories", required: true, diagnostics: &diagnostics)
        taxonomy.types = terms(source("types"), "types", required: true, diagnostics: &diagnostics)
        taxonomy.targetGroups = terms(source("target_groups"), "target_groups", required: true, diagnostics: &diagnostics)
        let costs = terms(source("costs"), "costs", required: false, diagnostics: &diagnostics)
        if !costs.isEmpty { taxonomy.costs = costs }
        let formats = terms(source("formats"), "formats", required: false, diagnostics: &diagnostics)
        if !formats.isEmpty { taxonomy.formats = formats }
        taxonomy.negations = source("negations").list("negations", diagnostics: &diagnostics)?.map { $0.0.lowercased() } ?? []
        readAbbreviations(source("abbreviations"), into: &taxonomy, diagnostics: &diagnostics)
        readExpected(source("expected"), into: &taxonomy, diagnostics: &diagnostics)
        readThresholds(source("thresholds"), into: &taxonomy, diagnostics: &diagnostics)
        return taxonomy
    }

    private static func terms(_ fields: Fields, _ key: String, required: Bool, diagnostics: inout Diagnostics) -> [Term] {
        guard let entries = fields.mappings(key, what: "an entry of '\(key)'", diagnostics: &diagnostics) else {
            if required { fields.missing(key, diagnostics: &diagnostics) }
            return []
        }
        var result: [Term] = []
        var related: [(String, Node, YAMLDocument)] = []
        for entry in entries {
            entry.checkKeys(known: key == "categories" ? ["id", "label", "keywords", "related"] : ["id", "label", "keywords"],
                            diagnostics: &diagnostics)
            guard let id = entry.text("id", required: true, diagnostics: &diagnostics) else { continue }
            if !Slug.isValid(id) {
                diagnostics.error(.badTermID, entry.location(of: "id"), "'\(id)' is not a valid id", suggestion: "use lower-case letters, digits and single hyphens, e.g. '\(Slug.make(id))'")
            }
            if result.contains(where: { $0.id == id }) {
                diagnostics.error(.duplicateTermID, entry.location(of: "id"), "'\(id)' appears twice in '\(key)'")
            }
            var label = Localized(de: id, en: id)
            if let labelNode = entry.value("label"),
               let labels = Fields(labelNode, entry.document, what: "a label", diagnostics: &diagnostics) {
                label.de = labels.text("de", required: true, diagnostics: &diagnostics) ?? id
                label.en = labels.text("en", required: true, diagnostics: &diagnostics) ?? label.de
            }
            let near = key == "categories" ? entry.list("related", diagnostics: &diagnostics) ?? [] : []
            related += near.map { ($0.0, $0.1, entry.document) }
            result.append(Term(id: id, label: label, keywords: keywords(entry, diagnostics: &diagnostics), related: near.map { CategoryID(rawValue: $0.0) }))
        }
        let ids = result.map(\.id)
        for (id, node, document) in related where !ids.contains(id) {
            diagnostics.error(.unknownCategory, document.location(node), "unknown category '\(id)' in 'related'", suggestion: Suggestion.didYouMean(id, in: ids))
        }
        return result
    }

    /// `keywords` entries are `term` or `{term: …, weight: …}`.
    private static func keywords(_ entry: Fields, diagnostics: inout Diagnostics) -> [Keyword] {
        guard let node = entry.value("keywords") else { return [] }
        guard case .sequence(let sequence) = node else {
            diagnostics.error(.expectedList, entry.document.location(node), "'keywords' must be a list")
            return []
        }
        var result: [Keyword] = []
        for item in sequence {
            if case .scalar(let scalar) = item {
                result.append(Keyword(term: scalar.string))
            } else if let fields = Fields(item, entry.document, what: "a keyword", diagnostics: &diagnostics),
                      let term = fields.text("term", required: true, diagnostics: &diagnostics) {
                var weight = 1.0
                if let text = fields.text("weight", diagnostics: &diagnostics) {
                    if let value = Double(text) { weight = value } else {
                        diagnostics.error(.expectedNumber, fields.location(of: "weight"), "weight must be a number, found '\(text)'")
                    }
                }
                result.append(Keyword(term: term, weight: weight))
            }
        }
        return result
    }

    /// `abbreviations` maps a short form to what it stands for: `{bp: Businessplan, gz: Gründungszuschuss}`.
    private static func readAbbreviations(_ fields: Fields, into taxonomy: inout Taxonomy, diagnostics: inout Diagnostics) {
        guard let node = fields.value("abbreviations") else { return }
        guard case .mapping(let mapping) = node else {
            diagnostics.error(.expectedMapping, fields.document.location(node), "'abbreviations' must be 'short: long' entries, found \(Fields.describe(node))",
                              suggestion: "write abbreviations: {bp: Businessplan, gz: Gründungszuschuss}")
            return
        }
        for (key, value) in mapping {
            guard let short = key.string, let long = value.string, !short.isEmpty, !long.isEmpty else {
                diagnostics.error(.expectedText, fields.document.location(value), "each abbreviation must map a short text to a long text")
                continue
            }
            taxonomy.abbreviations.append((short, long))
        }
    }

    private static func readExpected(_ fields: Fields, into taxonomy: inout Taxonomy, diagnostics: inout Diagnostics) {
        guard let node = fields.value("expected") else {
            fields.missing("expected", diagnostics: &diagnostics)
            return
        }
        guard let expected = Fields(node, fields.document, what: "'expected'", diagnostics: &diagnostics) else { return }
        expected.checkKeys(known: taxonomy.phaseIDs.map(\.rawValue), diagnostics: &diagnostics)
        let categories = taxonomy.categoryIDs.map(\.rawValue)
        for phase in taxonomy.phaseIDs {
            guard let items = expected.list(phase.rawValue, diagnostics: &diagnostics) else { continue }
            for (category, node) in items where !categories.contains(category) {
                diagnostics.error(.unknownCategory, expected.document.location(node), "unknown category '\(category)' in 'expected'",
                                  suggestion: Suggestion.didYouMean(category, in: categories))
            }
            taxonomy.expected[phase] = items.map(\.0).filter(categories.contains).map(CategoryID.init)
        }
    }

    private static func readThresholds(_ fields: Fields, into taxonomy: inout Taxonomy, diagnostics: inout Diagnostics) {
        guard let node = fields.value("thresholds"),
              let thresholds = Fields(node, fields.document, what: "'thresholds'", diagnostics: &diagnostics) else { return }
        thresholds.checkKeys(known: ["overlap", "stale_months"], diagnostics: &diagnostics)
        func number(_ key: String) -> Int? {
            guard let text = thresholds.text(key, diagnostics: &diagnostics) else { return nil }
            guard let value = Int(text), value >= 1 else {
                diagnostics.error(.expectedNumber, thresholds.location(of: key), "'\(key)' must be a whole number of at least 1, found '\(text)'")
                return nil
            }
            return value
        }
        if let overlap = number("overlap") { taxonomy.thresholds.overlap = overlap }
        if let months = number("stale_months") { taxonomy.thresholds.staleMonths = months }
    }
}
