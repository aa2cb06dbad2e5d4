import OfferMapModel

/// An institution file as lines, each with its own line ending, and its front matter parsed by
/// libyaml: the keys of the top-level mapping and of each offer with the lines their values take.
/// Edits replace, remove or insert whole lines (or, for a flow list, the `[…]` within its line),
/// so every line no edit names stays as it was, byte for byte.
///
/// Line ranges come from the nodes' start marks: a value runs from its key's line to the line before
/// the next key of the same mapping (or the end of the enclosing item), without the blank and
/// comment lines at its end, which belong to what follows.
struct FrontMatterEdit {
    struct Line {
        var text: String
        /// "\n", "\r\n", "\r" or "" (last line without an ending)
        var end: String
    }

    /// A key of a block mapping and the lines of its value (0-based line indices in `lines`).
    struct Pair {
        var key: String
        var keyNode: Node
        var value: Node
        var line: Int
        /// 1-based, in Unicode scalars (as libyaml counts)
        var column: Int
        /// The value's last line, trailing blank and comment lines left out.
        var end: Int
    }

    /// One offer: its mapping, its keys and its last line.
    struct Item {
        var node: Node
        var pairs: [Pair]
        var line: Int
        var end: Int
        /// Last line before the next item (or the end of `offers:`), blank and comment lines included.
        var rawEnd: Int
        var column: Int
        func pair(_ key: String) -> Pair? { pairs.first { $0.key == key } }
    }

    let path: String
    let bom: String
    private(set) var lines: [Line]
    /// Index of the closing `---` line; the YAML is lines 1..<closing.
    let closing: Int
    let root: [Pair]
    /// Offer items in file order; empty when there is no block `offers:` list.
    let offers: [Item]
    let offersPair: Pair?
    private var edits: [(start: Int, count: Int, lines: [Line])] = []

    /// The line ending new lines take when nothing nearer says otherwise.
    var newline: String { lines.first?.end.isEmpty == false ? lines[0].end : "\n" }

    init(_ text: String, path: String) throws(WriteBackError) {
        self.path = path
        var text = text
        if text.hasPrefix("\u{FEFF}") {
            bom = "\u{FEFF}"
            text.removeFirst()
        } else {
            bom = ""
        }
        lines = FrontMatterEdit.split(text)
        // Parsed as the loader parses it: line endings made "\n" (line numbers stay the same).
        let plain = lines.map { $0.text + ($0.end.isEmpty ? "" : "\n") }.joined()
        let parts: FrontMatter
        switch FrontMatter.split(plain) {
        case .success(let split): parts = split
        case .failure(.missingStart):
            throw .unreadable(path: path, line: 1, problem: "the file does not start with a front matter line '---'",
                              hint: "fix the file first: put '---' on the first line")
        case .failure(.notClosed(let count)):
            throw .unreadable(path: path, line: count + 1, problem: "the front matter is not closed",
                              hint: "fix the file first: add a line '---' after the last field")
        }
        closing = parts.bodyLine - 2
        let document = YAMLDocument(path: path, lineOffset: parts.yamlLine - 1)
        var diagnostics = Diagnostics()
        guard let node = document.parse(parts.yaml, diagnostics: &diagnostics) else {
            let first = diagnostics.all.first { $0.severity == .error }
            throw .unreadable(path: path, line: first?.location.line ?? 1, problem: first?.message ?? "the front matter cannot be read",
                              hint: first?.suggestion ?? "fix the file first")
        }
        guard case .mapping(let mapping) = node, !FrontMatterEdit.isFlow(node, in: lines) else {
            throw .unreadable(path: path, line: 2, problem: "the front matter is not a list of 'key: value' lines",
                              hint: "fix the file first")
        }
        let lines = self.lines
        root = FrontMatterEdit.pairs(mapping, lines: lines, limit: closing - 1)
        offersPair = root.first { $0.key == "offers" }
        offers = try FrontMatterEdit.items(of: offersPair, root: root, lines: lines, closing: closing, path: path)
    }

    /// The items of a top-level block list of mappings (offers, contacts), in file order.
    static func items(of list: Pair?, root: [Pair], lines: [Line], closing: Int, path: String) throws(WriteBackError) -> [Item] {
        guard let list, case .sequence(let sequence) = list.value else { return [] }
        guard !isFlow(list.value, in: lines) else {
            throw .unreadable(path: path, line: list.line + 1, problem: "'\(list.key)' is written as a flow list '[…]'",
                              hint: "write each entry as a block starting with '- '")
        }
        // The pair's end is trimmed; items run to the line before the next top-level key.
        let next = root.filter { $0.line > list.line }.map(\.line).min() ?? closing
        let starts = sequence.map { index($0) }
        var items: [Item] = []
        for (n, item) in sequence.enumerated() {
            let line = starts[n]
            let rawEnd = n + 1 < starts.count ? starts[n + 1] - 1 : next - 1
            let column = item.mark?.column ?? 1
            guard case .mapping(let mapping) = item else {
                items.append(Item(node: item, pairs: [], line: line, end: line, rawEnd: rawEnd, column: column))
                continue
            }
            guard !isFlow(item, in: lines) else {
                throw .unreadable(path: path, line: line + 1, problem: "an entry of '\(list.key)' is written as a flow mapping '{…}'",
                                  hint: "write it as 'key: value' lines")
            }
            let pairs = self.pairs(mapping, lines: lines, limit: rawEnd)
            let end = trim(lines, from: line, to: rawEnd, indent: column - 1, blockScalar: pairs.last.map { isBlockScalar($0.value) } ?? false)
            items.append(Item(node: item, pairs: pairs, line: line, end: end, rawEnd: rawEnd, column: column))
        }
        return items
    }

    /// The items of another top-level list of mappings (e.g. `contacts`).
    func items(of key: String) throws(WriteBackError) -> [Item] {
        try FrontMatterEdit.items(of: root.first { $0.key == key }, root: root, lines: lines, closing: closing, path: path)
    }

    // MARK: reading

    static func split(_ text: String) -> [Line] {
        var result: [Line] = []
        var current = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            switch scalar {
            case "\n":
                result.append(Line(text: String(current), end: "\n"))
                current = String.UnicodeScalarView()
            case "\r":
                if pending == "\n" {
                    pending = scalars.next()
                    result.append(Line(text: String(current), end: "\r\n"))
                } else {
                    result.append(Line(text: String(current), end: "\r"))
                }
                current = String.UnicodeScalarView()
            default:
                current.append(scalar)
            }
        }
        if !current.isEmpty { result.append(Line(text: String(current), end: "")) }
        return result
    }

    /// The 0-based file line of a node (the YAML starts on file line 2, marks count from 1).
    static func index(_ node: Node) -> Int { node.mark?.line ?? 1 }

    static func pairs(_ mapping: Node.Mapping, lines: [Line], limit: Int) -> [Pair] {
        let sorted = mapping.map { ($0.key, $0.value) }.sorted { index($0.0) < index($1.0) }
        return sorted.enumerated().map { n, pair in
            let line = index(pair.0), column = pair.0.mark?.column ?? 1
            let rawEnd = n + 1 < sorted.count ? index(sorted[n + 1].0) - 1 : limit
            let end = trim(lines, from: line, to: rawEnd, indent: column - 1, blockScalar: isBlockScalar(pair.1))
            return Pair(key: pair.0.string ?? "", keyNode: pair.0, value: pair.1, line: line, column: column, end: end)
        }
    }

    /// Whether a list or mapping is written in flow style (`[…]`, `{…}`).
    static func isFlow(_ node: Node, in lines: [Line]) -> Bool {
        switch node {
        case .mapping(let mapping): mapping.isFlow
        case .sequence(let sequence): sequence.isFlow
        case .scalar: false
        }
    }

    func isFlow(_ node: Node) -> Bool { FrontMatterEdit.isFlow(node, in: lines) }

    static func isBlockScalar(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.style == .literal || scalar.style == .folded
    }

    /// The last line of `from...to` that is not blank, not a comment and not a lone `-` (the start
    /// of the next item). Inside a block scalar a `#` line indented deeper than its key is text.
    static func trim(_ lines: [Line], from start: Int, to end: Int, indent: Int, blockScalar: Bool) -> Int {
        var end = min(end, lines.count - 1)
        while end > start {
            let text = lines[end].text
            let stripped = text.drop { $0 == " " }
            let depth = text.count - stripped.count
            if stripped.allSatisfy({ $0 == " " || $0 == "\t" }) || stripped.trimmingTrailingSpaces == "-"
                || (stripped.hasPrefix("#") && (!blockScalar || depth <= indent)) {
                end -= 1
            } else {
                break
            }
        }
        return max(start, end)
    }

    func indentation(_ column: Int) -> String { String(repeating: " ", count: max(0, column - 1)) }

    /// The key's line up to and including the colon after the key.
    func keyPrefix(_ pair: Pair) throws(WriteBackError) -> String {
        let scalars = Array(lines[pair.line].text.unicodeScalars)
        var i = pair.column - 1
        if case .scalar(let key) = pair.keyNode, key.style == .plain {
            i += pair.key.unicodeScalars.count
        } else if i < scalars.count, scalars[i] == "\"" || scalars[i] == "'" {
            let quote = scalars[i]
            i += 1
            while i < scalars.count && scalars[i] != quote { i += scalars[i] == "\\" && quote == "\"" ? 2 : 1 }
            i += 1
        }
        while i < scalars.count && scalars[i] == " " { i += 1 }
        guard i < scalars.count, scalars[i] == ":" else {
            throw .unreadable(path: path, line: pair.line + 1, problem: "cannot find the ':' after '\(pair.key)'",
                              hint: "write the key and its value as 'key: value'")
        }
        return String(String.UnicodeScalarView(scalars[...i]))
    }

    // MARK: editing

    /// Replaces lines `range` (removes them when `texts` is empty). New lines end as the range's
    /// first line does, the last as the range's last line does.
    mutating func replace(_ range: ClosedRange<Int>, with texts: [String]) {
        let inner = lines[range.lowerBound].end.isEmpty ? newline : lines[range.lowerBound].end
        let last = lines[range.upperBound].end
        let new = texts.enumerated().map { Line(text: $1, end: $0 == texts.count - 1 ? last : inner) }
        edits.append((range.lowerBound, range.count, new))
    }

    /// Inserts lines after line `index`, ending as that line does.
    mutating func insert(after index: Int, _ texts: [String]) {
        let end = lines[index].end.isEmpty ? newline : lines[index].end
        edits.append((index + 1, 0, texts.map { Line(text: $0, end: end) }))
    }

    /// Sets a key's value: a flow list stays in its brackets (what follows them on the line stays);
    /// a block list keeps its key line and item indentation; anything else becomes `key: <flow>`.
    /// `flow` is the value on one line, `block` the same as item texts (without "- ").
    mutating func setValue(_ pair: Pair, flow: String, block: [String]) throws(WriteBackError) {
        switch pair.value {
        case .sequence where isFlow(pair.value):
            let line = FrontMatterEdit.index(pair.value)
            let scalars = Array(lines[line].text.unicodeScalars)
            let open = (pair.value.mark?.column ?? 1) - 1
            guard open < scalars.count, scalars[open] == "[", let close = closingBracket(line: line, from: open) else {
                throw .unreadable(path: path, line: line + 1, problem: "cannot find the brackets of '\(pair.key)'", hint: "write it as \(pair.key): [a, b]")
            }
            let head = String(String.UnicodeScalarView(scalars[..<open]))
            let tailScalars = Array(lines[close.line].text.unicodeScalars)
            let tail = String(String.UnicodeScalarView(tailScalars[(close.offset + 1)...]))
            replace(line...close.line, with: [head + flow + tail])
        case .sequence(let sequence) where !block.isEmpty && !sequence.isEmpty:
            let first = FrontMatterEdit.index(sequence[0])
            let text = lines[first].text
            let spaces = text.prefix { $0 == " " }
            let prefix = text.dropFirst(spaces.count).hasPrefix("-") ? String(spaces) : indentation(pair.column + 2)
            replace((pair.line + 1)...pair.end, with: block.map { prefix + "- " + $0 })
        default:
            replace(pair.line...pair.end, with: [try keyPrefix(pair) + " " + flow])
        }
    }

    /// Sets a key's value to lines of its own (`key:` then `lines`, already indented), e.g. a list of mappings.
    mutating func setBlock(_ pair: Pair, _ block: [String]) throws(WriteBackError) {
        replace(pair.line...pair.end, with: [try keyPrefix(pair)] + block)
    }

    /// Removes a key and its value. A key on its item's `- ` line hands the `- ` to the next key;
    /// `false` when it cannot (no next key in the item).
    mutating func remove(_ pair: Pair, in item: Item?) -> Bool {
        let scalars = Array(lines[pair.line].text.unicodeScalars)
        let head = String(String.UnicodeScalarView(scalars[..<min(scalars.count, pair.column - 1)]))
        guard head.contains("-"), let item else {
            replace(pair.line...pair.end, with: [])
            return true
        }
        guard let next = item.pairs.first(where: { $0.line > pair.end }), next.column == pair.column else { return false }
        let nextScalars = Array(lines[next.line].text.unicodeScalars)
        replace(pair.line...pair.end, with: [])
        replace(next.line...next.line, with: [head + String(String.UnicodeScalarView(nextScalars[(pair.column - 1)...]))])
        return true
    }

    /// The matching `]` of the `[` at `line`/`from`, skipping quoted text; may be on a later line.
    func closingBracket(line: Int, from: Int) -> (line: Int, offset: Int)? {
        var depth = 0, quote: Unicode.Scalar? = nil
        var l = line, i = from
        while l < closing {
            let scalars = Array(lines[l].text.unicodeScalars)
            while i < scalars.count {
                let c = scalars[i]
                if let q = quote {
                    if c == "\\" && q == "\"" { i += 1 } else if c == q { quote = nil }
                } else if c == "\"" || c == "'" {
                    quote = c
                } else if c == "[" || c == "{" {
                    depth += 1
                } else if c == "]" || c == "}" {
                    depth -= 1
                    if depth == 0 { return (l, i) }
                } else if c == "#" && i > 0 && scalars[i - 1] == " " {
                    break
                }
                i += 1
            }
            l += 1
            i = 0
        }
        return nil
    }

    /// The text with every edit made; nil when two edits overlap.
    func result() -> String? {
        var result = lines
        var previousStart = Int.max
        // From the end, so that indices stay right; of two insertions at one line the one made
        // first ends up first.
        let ordered = edits.enumerated().sorted { a, b in
            (a.element.start, a.element.count, a.offset) > (b.element.start, b.element.count, b.offset)
        }.map(\.element)
        for edit in ordered {
            guard edit.start + edit.count <= previousStart else { return nil }
            result.replaceSubrange(edit.start..<(edit.start + edit.count), with: edit.lines)
            previousStart = edit.start
        }
        return bom + result.map { $0.text + $0.end }.joined()
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return s
    }
}
