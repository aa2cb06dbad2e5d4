import OfferMapModel
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

    /// Scans the bytes line by line (searching the whole text as a String costs several times
    /// more, see shared/PERFORMANCE.md): front matter ends at the first line that is exactly
    /// `---` or `...`, trailing spaces allowed.
    static func split(_ text: String) -> Result<FrontMatter, Problem> {
        var text = text
        return text.withUTF8 { bytes -> Result<FrontMatter, Problem> in
            func lineEnd(_ start: Int) -> Int {
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                return end
            }
            func isMarker(_ start: Int, _ end: Int, _ marker: UInt8) -> Bool {
                var last = end
                while last > start && (bytes[last - 1] == 0x20 || bytes[last - 1] == 0x09) { last -= 1 }
                return last - start == 3 && bytes[start] == marker && bytes[start + 1] == marker && bytes[start + 2] == marker
            }
            func string(_ from: Int, _ to: Int) -> String {
                from >= to ? "" : String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
            }
            let firstEnd = lineEnd(0)
            guard isMarker(0, firstEnd, 0x2D) else { return .failure(.missingStart) }
            var start = firstEnd + 1, line = 2
            while start < bytes.count {
                let end = lineEnd(start)
                if isMarker(start, end, 0x2D) || isMarker(start, end, 0x2E) {
                    let yaml = string(firstEnd + 1, start - 1)
                    var body = string(min(end + 1, bytes.count), bytes.count)
                    if body.hasSuffix("\n") { body.removeLast() }
                    return .success(FrontMatter(yaml: yaml, yamlLine: 2, body: body, bodyLine: line + 1))
                }
                start = end + 1
                line += 1
            }
            return .failure(.notClosed(lines: line - 1))
        }
    }
}
