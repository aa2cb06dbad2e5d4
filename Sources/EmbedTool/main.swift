import Foundation

// EmbedTool OUTPUT KIND:NAME=PATH…: writes Swift source with each file's text as a string literal,
// for the EmbedResources plugin. Kinds: template, translation, taxonomy, dev, extra.

/// A raw string literal that no content can end early: one more `#` than the longest run after a quote.
func literal(_ text: String) -> String {
    var longest = 0, run = -1
    for character in text {
        if character == "\"" { run = 0 } else if character == "#", run >= 0 { run += 1; longest = max(longest, run) } else { run = -1 }
        longest = max(longest, run)
    }
    let hashes = String(repeating: "#", count: longest + 1)
    return "\(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)"
}

let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else { fatalError("usage: EmbedTool OUTPUT KIND:NAME=PATH…") }
var byKind: [String: [(name: String, text: String)]] = [:]
for argument in arguments.dropFirst() {
    guard let colon = argument.firstIndex(of: ":"), let equals = argument.firstIndex(of: "=") else { fatalError("bad argument \(argument)") }
    let kind = String(argument[..<colon]), name = String(argument[argument.index(after: colon)..<equals])
    let path = String(argument[argument.index(after: equals)...])
    guard let data = FileManager.default.contents(atPath: path) else { fatalError("cannot read \(path)") }
    byKind[kind, default: []].append((name, String(decoding: data, as: UTF8.self)))
}

func dictionary(_ kind: String, _ byKind: [String: [(name: String, text: String)]]) -> String {
    let entries = (byKind[kind] ?? []).sorted { $0.name < $1.name }
    guard !entries.isEmpty else { return "[:]" }
    return "[\n" + entries.map { "        \"\($0.name)\": \(literal($0.text))," }.joined(separator: "\n") + "\n    ]"
}

func joined(_ kind: String, _ byKind: [String: [(name: String, text: String)]]) -> String {
    literal((byKind[kind] ?? []).sorted { $0.name < $1.name }.map { $0.text.hasSuffix("\n") ? String($0.text.dropLast()) : $0.text }
        .joined(separator: "\n"))
}

let source = """
// Generated at build time by the EmbedResources plugin from templates/, inputs/taxonomy.yaml and data/.
/// The files offermap ships, compiled in so that it works from any directory.
public enum Shipped {
    /// templates/*.mustache by name without `.mustache`
    public static let templates: [String: String] = \(dictionary("template", byKind))
    /// templates/i18n/*.yaml by language
    public static let translations: [String: String] = \(dictionary("translation", byKind))
    /// inputs/taxonomy.yaml
    public static let taxonomy: String = \(joined("taxonomy", byKind))
    /// data/dev/*.jsonl by name: labeled offers from people, trained on and evaluated by leaving each source out
    public static let devOffers: [String: String] = \(dictionary("dev", byKind))
    /// data/*.jsonl by name: offers written for training
    public static let extraOffers: [String: String] = \(dictionary("extra", byKind))
}

"""
try Data(source.utf8).write(to: URL(fileURLWithPath: output))
