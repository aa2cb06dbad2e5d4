import Yams

/// Parses YAML text into Yams nodes and reads typed fields from them,
/// turning every problem into a diagnostic at the right file position.
struct YAMLDocument {
    let path: String
    /// Added to Yams' 1-based line to get the file line.
    let lineOffset: Int

    static let maximumDepth = 64
    /// Deeper indentation than this is refused: nesting depth is bounded by it.
    static let maximumIndentation = 120

    func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(path: path, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }

    func location(_ node: Node) -> SourceLocation { location(node.mark) }

    /// Parses after cheap checks for what libyaml handles badly: tabs in
    /// indentation, anchors and aliases (alias bombs), unbounded nesting.
    func parse(_ text: String, diagnostics: inout Diagnostics) -> Node? {
        guard precheck(text, diagnostics: &diagnostics) else { return nil }
        do {
            // The basic resolver leaves every scalar a string: offermap reads values itself,
            // and the default resolver's regular expressions cost more than the parse.
            if let node = try Yams.compose(yaml: text, .basic) { return node }
            diagnostics.error(location(nil), "no fields found: the YAML part is empty",
                              suggestion: "write the fields as 'key: value' lines")
            return nil
        } catch let error as YamlError {
            report(error, diagnostics: &diagnostics)
        } catch {
            diagnostics.error(location(nil), "cannot read YAML: \(error)")
        }
        return nil
    }

    private func precheck(_ text: String, diagnostics: inout Diagnostics) -> Bool {
        var ok = true
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let at = { (column: Int) in SourceLocation(path: path, line: lineNumber + lineOffset, column: column) }
            let indentation = YAMLDocument.indentation(line)
            if let tab = indentation.firstIndex(of: "\t") {
                diagnostics.error(at(line.distance(from: line.startIndex, to: tab) + 1),
                                  "tab character in indentation; YAML allows spaces only",
                                  suggestion: "replace the tab with spaces")
                ok = false
            }
            if let column = anchorColumn(line) {
                diagnostics.error(at(column), "YAML anchors and aliases (& and *) are not supported in offermap files",
                                  suggestion: "write the value out in full")
                ok = false
            }
            if indentation.count > YAMLDocument.maximumIndentation {
                diagnostics.error(at(YAMLDocument.maximumIndentation), "the line is indented more than \(YAMLDocument.maximumIndentation) columns",
                                  suggestion: "offermap files need only a few levels of indentation")
                return false
            }
            var depth = indentation.filter { $0 == "-" }.count
            var column = 0
            for character in line {
                column += 1
                if character == "[" || character == "{" { depth += 1 }
                if character == "]" || character == "}" { depth -= 1 }
                if depth > YAMLDocument.maximumDepth {
                    diagnostics.error(at(column), "the YAML is nested more than \(YAMLDocument.maximumDepth) levels deep")
                    return false
                }
            }
        }
        return ok
    }

    /// Leading spaces and tabs together with block sequence markers (`- - `).
    static func indentation(_ line: Substring) -> Substring {
        var end = line.startIndex
        while end < line.endIndex {
            if line[end] == " " || line[end] == "\t" {
                end = line.index(after: end)
            } else if line[end] == "-", line.index(after: end) < line.endIndex, line[line.index(after: end)] == " " {
                end = line.index(end, offsetBy: 2)
            } else {
                break
            }
        }
        return line[..<end]
    }

    /// Column of `&name` or `*name` where YAML would read an anchor or alias.
    private func anchorColumn(_ line: Substring) -> Int? {
        let scalars = Array(line.unicodeScalars)
        var inQuote: Unicode.Scalar?
        for (i, c) in scalars.enumerated() {
            if let q = inQuote {
                if c == q { inQuote = nil }
                continue
            }
            if c == "#" && (i == 0 || scalars[i - 1] == " ") { return nil }
            let startsValue = i == 0 || " [{,:-".unicodeScalars.contains(scalars[i - 1])
            if (c == "\"" || c == "'") && startsValue { inQuote = c; continue }
            if (c == "&" || c == "*") && startsValue && i + 1 < scalars.count
                && !" ,]}".unicodeScalars.contains(scalars[i + 1]) {
                // `key: *x` or `- &x` — but plain text like "Beratung & Coaching" has a space after.
                let before = scalars[..<i].filter { $0 != " " }
                if before.isEmpty || before.last == ":" || before.last == "-" || before.last == "[" || before.last == "," || before.last == "{" {
                    return i + 1
                }
            }
        }
        return nil
    }

    private func report(_ error: YamlError, diagnostics: inout Diagnostics) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            diagnostics.error(location(mark), "invalid YAML: \(problem)", suggestion: hint(for: problem))
        case .duplicatedKeysInMapping(let duplicates, let context):
            diagnostics.error(location(context.mark), "duplicate key '\(duplicates.joined(separator: "', '"))'",
                              suggestion: "each key may appear only once in a mapping; merge the two entries")
        case .reader(let problem, _, _, _):
            diagnostics.error(location(nil), "cannot read YAML: \(problem)")
        default:
            diagnostics.error(location(nil), "cannot read YAML: \(error)")
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
