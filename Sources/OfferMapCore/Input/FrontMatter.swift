/// Splits `---\nYAML\n---\nBody` and remembers where each part starts in the file.
struct FrontMatter {
    var yaml: String
    /// File line of the YAML's first line.
    var yamlLine: Int
    var body: String
    /// File line of the body's first line.
    var bodyLine: Int

    enum Problem: Error {
        case missingStart
        case notClosed(lines: Int)
    }

    /// Scans lines rather than searching the whole text: front matter ends at
    /// the first line that is exactly `---` (or `...`).
    static func split(_ text: String) -> Result<FrontMatter, Problem> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard let first = lines.first, first.trimmingTrailingSpaces == "---" else { return .failure(.missingStart) }
        for index in 1..<max(lines.count, 1) where lines[index].trimmingTrailingSpaces == "---" || lines[index].trimmingTrailingSpaces == "..." {
            let yaml = lines[1..<index].joined(separator: "\n")
            let body = lines[(index + 1)...].joined(separator: "\n")
            return .success(FrontMatter(yaml: yaml, yamlLine: 2, body: body, bodyLine: index + 2))
        }
        return .failure(.notClosed(lines: lines.count))
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s.removeLast() }
        return s
    }
}
