import OfferMapModel

/// Parses YAML text into nodes (libyaml) and reads typed fields from them,
/// turning every problem into a diagnostic at the right file position.
struct YAMLDocument {
    let path: String
    /// Added to a node's 1-based line to get the file line.
    let lineOffset: Int

    static let maximumDepth = 64
    /// Deeper indentation than this is refused: nesting depth is bounded by it.
    static let maximumIndentation = 120

    func location(_ mark: Node.Mark?) -> SourceLocation {
        SourceLocation(path: path, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }

    func location(_ node: Node) -> SourceLocation { location(node.mark) }

    /// Parses after cheap checks for what libyaml handles badly: tabs in
    /// indentation, anchors and aliases (alias bombs), unbounded nesting.
    func parse(_ text: String, diagnostics: inout Diagnostics) -> Node? {
        guard precheck(text, diagnostics: &diagnostics) else { return nil }
        do {
            if let node = try YAMLParser.parse(text, maximumDepth: YAMLDocument.maximumDepth) { return node }
            diagnostics.error(.emptyYAML, location(nil), "no fields found: the YAML part is empty",
                              suggestion: "write the fields as 'key: value' lines")
        } catch {
            report(error, diagnostics: &diagnostics)
        }
        return nil
    }

    /// One pass over the bytes, line by line (the hot path of loading: it sees every byte once).
    private func precheck(_ text: String, diagnostics: inout Diagnostics) -> Bool {
        let bytes = Array(text.utf8)
        var ok = true
        var lineNumber = 0
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            lineNumber += 1
            guard let problem = YAMLDocument.check(bytes, start, end) else {
                start = end + 1
                continue
            }
            let at = SourceLocation(path: path, line: lineNumber + lineOffset, column: problem.column)
            switch problem.kind {
            case .tab:
                diagnostics.error(.tabIndentation, at, "tab character in indentation; YAML allows spaces only", suggestion: "replace the tab with spaces")
                ok = false
            case .anchor:
                diagnostics.error(.yamlAnchor, at, "YAML anchors and aliases (& and *) are not supported in offermap files",
                                  suggestion: "write the value out in full")
                ok = false
            case .indentation:
                diagnostics.error(.deepIndentation, at, "the line is indented more than \(YAMLDocument.maximumIndentation) columns",
                                  suggestion: "offermap files need only a few levels of indentation")
                return false
            case .depth:
                diagnostics.error(.deepNesting, at, "the YAML is nested more than \(YAMLDocument.maximumDepth) levels deep")
                return false
            }
            start = end + 1
        }
        return ok
    }

    enum Problem { case tab, anchor, indentation, depth }

    /// The first problem of the line `bytes[start..<end]` and its column (in Unicode scalars).
    static func check(_ bytes: [UInt8], _ start: Int, _ end: Int) -> (kind: Problem, column: Int)? {
        let space: UInt8 = 0x20, tab: UInt8 = 0x09, dash: UInt8 = 0x2D
        // Indentation: spaces, tabs and block sequence markers ("- - ").
        var i = start, depth = 0
        while i < end {
            if bytes[i] == tab { return (.tab, i - start + 1) }
            if bytes[i] == space { i += 1; continue }
            if bytes[i] == dash && i + 1 < end && bytes[i + 1] == space { depth += 1; i += 2; continue }
            break
        }
        if i - start > maximumIndentation { return (.indentation, maximumIndentation) }
        var column = i - start, quote: UInt8 = 0, previous: UInt8 = i > start ? bytes[i - 1] : space
        var lastNonSpace: UInt8 = previous == space ? 0 : previous
        while i < end {
            let byte = bytes[i]
            i += 1
            if byte & 0xC0 == 0x80 { continue }
            column += 1
            defer {
                previous = byte
                if byte != space { lastNonSpace = byte }
            }
            if quote != 0 {
                if byte == quote { quote = 0 }
                continue
            }
            let startsValue = column == 1 || previous == space || previous == 0x5B || previous == 0x7B || previous == 0x2C
                || previous == 0x3A || previous == dash
            switch byte {
            case 0x23 where previous == space || column == 1: return nil  // comment
            case 0x22 where startsValue, 0x27 where startsValue: quote = byte
            case 0x5B, 0x7B:
                depth += 1
                if depth > maximumDepth { return (.depth, column) }
            case 0x5D, 0x7D: depth -= 1
            case 0x26 where startsValue, 0x2A where startsValue:
                guard i < end, ![space, 0x2C, 0x5D, 0x7D].contains(bytes[i]) else { break }
                // `key: *x` or `- &x`; plain text like "Beratung & Coaching" has a space after the sign.
                if [0, 0x3A, dash, 0x5B, 0x2C, 0x7B].contains(lastNonSpace) { return (.anchor, column) }
            default: break
            }
        }
        return depth > maximumDepth ? (.depth, column) : nil
    }

    private func report(_ error: YAMLError, diagnostics: inout Diagnostics) {
        switch error {
        case .syntax(let problem, let mark):
            diagnostics.error(.invalidYAML, location(mark), "invalid YAML: \(problem)", suggestion: hint(for: problem))
        case .duplicateKeys(let repeats):
            for item in repeats {
                diagnostics.error(.duplicateKey, location(item.again), "duplicate key '\(item.key)'",
                                  suggestion: "each key may appear only once in a mapping; merge the two entries",
                                  notes: [Diagnostic.Note(location(item.first), "first defined here")])
            }
        case .alias(let mark):
            diagnostics.error(.yamlAnchor, location(mark), "YAML anchors and aliases (& and *) are not supported in offermap files",
                              suggestion: "write the value out in full")
        case .tooDeep(let mark):
            diagnostics.error(.deepNesting, location(mark), "the YAML is nested more than \(YAMLDocument.maximumDepth) levels deep")
        }
    }

    private func hint(for problem: String) -> String? {
        if problem.contains("mapping values are not allowed") {
            return "put text that contains ': ' in quotes"
        }
        if problem.contains("did not find expected") || problem.contains("could not find expected") {
            return "check the indentation and that every quote and bracket is closed"
        }
        return nil
    }
}
