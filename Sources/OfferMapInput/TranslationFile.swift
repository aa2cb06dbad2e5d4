
/// A translation file (templates/i18n/<lang>.yaml): nested keys joined with dots, `finding: {gap: …}` is `finding.gap`.
public enum TranslationFile {
    public static func entries(_ yaml: String) throws -> [String: String] {
        var entries: [String: String] = [:]
        func walk(_ node: Node, _ prefix: String) {
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping { walk(value, prefix.isEmpty ? (key.string ?? "") : prefix + "." + (key.string ?? "")) }
            case .scalar(let scalar): entries[prefix] = scalar.string
            default: break
            }
        }
        if let node = try YAMLParser.parse(yaml) { walk(node, "") }
        return entries
    }
}
