import OfferMapModel
import Foundation

/// The labels a person confirmed for one offer.
public struct LabelEdit: Sendable, Equatable {
    public var offer: String            // the offer's id within the institution (its `id:` or the id derived from its title, see OfferID.swift)
    public var phases: [String]         // phase ids, in this order
    public var categories: [String]     // category ids
    public init(offer: String, phases: [String], categories: [String]) {
        self.offer = offer
        self.phases = phases
        self.categories = categories
    }
}

/// Why a write-back changed nothing. Each case knows its file, line, message and hint.
public enum WriteBackError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No offer of that id in the file; `line` is the line of `offers:` (1 without one).
    case offerNotFound(path: String, line: Int, offer: String, known: [String])
    /// A phase or category id (or the offer id) that is not a slug; `line` is the offer's line (1 if unknown).
    case notASlug(path: String, line: Int, id: String)
    /// The same offer named by two edits.
    case duplicateEdit(path: String, line: Int, offer: String)
    /// The front matter cannot be read, or cannot be edited line by line.
    case unreadable(path: String, line: Int, problem: String, hint: String)
    /// The new text would not load as the old one did: `problem` is the first new error.
    case invalid(path: String, line: Int, problem: String, hint: String)
    /// The file on disk is no longer the text the caller showed; nothing was written.
    case changedOnDisk(path: String)
    /// Not a regular `.md` file (or a symbolic link).
    case notAFile(path: String, problem: String)
    /// Reading or writing the file failed; the file is as it was.
    case ioFailed(path: String, problem: String)

    public var path: String {
        switch self {
        case .offerNotFound(let path, _, _, _), .notASlug(let path, _, _), .duplicateEdit(let path, _, _),
             .unreadable(let path, _, _, _), .invalid(let path, _, _, _), .changedOnDisk(let path),
             .notAFile(let path, _), .ioFailed(let path, _):
            return path
        }
    }

    public var line: Int {
        switch self {
        case .offerNotFound(_, let line, _, _), .notASlug(_, let line, _), .duplicateEdit(_, let line, _),
             .unreadable(_, let line, _, _), .invalid(_, let line, _, _):
            return line
        case .changedOnDisk, .notAFile, .ioFailed:
            return 1
        }
    }

    public var message: String {
        switch self {
        case .offerNotFound(_, _, let offer, _): return "no offer with the id '\(offer)' in this file"
        case .notASlug(_, _, let id): return "'\(id)' is not an id (lower-case letters, digits and hyphens)"
        case .duplicateEdit(_, _, let offer): return "offer '\(offer)' is named twice in one write-back"
        case .unreadable(_, _, let problem, _), .invalid(_, _, let problem, _): return problem
        case .changedOnDisk: return "the file was changed on disk since it was read"
        case .notAFile(_, let problem), .ioFailed(_, let problem): return problem
        }
    }

    public var hint: String {
        switch self {
        case .offerNotFound(_, _, _, let known):
            return known.isEmpty ? "the file lists no offers" : "offers in this file: \(known.joined(separator: ", "))"
        case .notASlug(_, _, let id): return "use an id such as '\(Slug.make(id))'"
        case .duplicateEdit: return "give each offer once"
        case .unreadable(_, _, _, let hint), .invalid(_, _, _, let hint): return hint
        case .changedOnDisk: return "load the file again, then repeat the change"
        case .notAFile: return "give the path of an institution file (institutions/<id>.md)"
        case .ioFailed: return "check the folder's permissions and free space"
        }
    }

    public var description: String { "\(path):\(line): error: \(message) (\(hint))" }
}

/// Writes confirmed labels back into an institution file, changing only the lines it must.
///
/// The rule for each edited offer: `phases:` and `categories:` get exactly the given ids, in the
/// given order, unquoted (ids are slugs; anything else is refused). An empty list removes the
/// key, so that the machine classifies that offer again; `phases: []` is never written.
/// A key that is present keeps its line and its style: a flow list `[a, b]` is replaced within
/// its brackets (a comment after them stays), a block list by block items in the same
/// indentation. An absent key is inserted as a flow list after the offer's last line (before
/// blank and comment lines that follow it), in the indentation of the offer's keys; phases
/// before categories. Everything else in the file stays byte for byte: comments, quoting, key
/// order, blank lines, line endings (CRLF stays CRLF), the other offers and the Markdown body.
public enum LabelWriteBack {
    /// The file's new text: only the `phases:` and `categories:` of the named offers change
    /// (replaced in place when present, inserted after the offer's last line in its own indentation and flow style when absent).
    /// Throws a `WriteBackError` (with file path, line and a German/English-neutral message + hint) when an offer is not found or the front matter cannot be read.
    public static func apply(_ edits: [LabelEdit], to text: String, path: String) throws -> String {
        try labels(edits, text, path)
    }

    /// Writes atomically: validates the new text (it must load with the same institution loader the build uses, without new errors), checks the file on disk still equals `expected` (the text the caller showed; if not, throws `.changedOnDisk` and writes nothing), then replaces via a temp file + rename in the same folder. Returns the previous text (for undo).
    public static func write(_ edits: [LabelEdit], path: String, expected: String, taxonomy: Taxonomy) throws -> String {
        try WriteBackFile.check(path)
        let new = try apply(edits, to: expected, path: path)
        try WriteBackFile.validate(new, old: expected, path: path, taxonomy: taxonomy)
        try WriteBackFile.replace(path, with: new, expected: expected)
        return expected
    }

    /// Undo: puts `text` (what `write` returned) back, under the same guard: the file must still
    /// be `expected` (the text `write` wrote), else `.changedOnDisk` and nothing is written.
    /// Not validated: it restores what was there.
    public static func restore(_ text: String, path: String, expected: String) throws {
        try WriteBackFile.check(path)
        try WriteBackFile.replace(path, with: text, expected: expected)
    }

    static func labels(_ edits: [LabelEdit], _ text: String, _ path: String) throws(WriteBackError) -> String {
        let file = try FrontMatterEdit(text, path: path)
        let ids = offerIDs(file)
        var seen: Set<String> = []
        for edit in edits {
            guard let n = ids.firstIndex(of: edit.offer) else {
                throw .offerNotFound(path: path, line: file.offersPair.map { $0.line + 1 } ?? 1, offer: edit.offer,
                                     known: ids.compactMap { $0 })
            }
            let line = file.offers[n].line + 1
            guard seen.insert(edit.offer).inserted else { throw .duplicateEdit(path: path, line: line, offer: edit.offer) }
            if let bad = (edit.phases + edit.categories).first(where: { !Slug.isValid($0) }) {
                throw .notASlug(path: path, line: line, id: bad)
            }
        }
        let keys = ["phases", "categories"]
        var result = try once(edits, keys: keys, in: file, ids: ids)
        if result == nil {
            // Two changes on one line (a key removed from the `- ` line hands it to the next key,
            // which is changed too): one key at a time, each on the text the step before gave.
            var current = text
            for edit in edits {
                for key in keys {
                    guard let step = try once([edit], keys: [key], in: try FrontMatterEdit(current, path: path), ids: ids) else {
                        throw .unreadable(path: path, line: 1, problem: "two changes fall on the same lines", hint: "change the offers one by one")
                    }
                    current = step
                }
            }
            result = current
        }
        try check(result!, against: file, edits: edits, ids: ids, path: path)
        return result!
    }

    /// The text with the given keys of the edited offers changed; nil when two changes overlap.
    static func once(_ edits: [LabelEdit], keys: [String], in file: FrontMatterEdit, ids: [String?]) throws(WriteBackError) -> String? {
        var file = file
        for edit in edits {
            guard let n = ids.firstIndex(of: edit.offer), n < file.offers.count else { continue }
            let item = file.offers[n]
            var inserted: [String] = []
            for (key, values) in [("phases", edit.phases), ("categories", edit.categories)] where keys.contains(key) {
                let flow = "[" + values.joined(separator: ", ") + "]"
                if let pair = item.pair(key) {
                    if values.isEmpty {
                        if !file.remove(pair, in: item) { try file.setValue(pair, flow: "[]", block: []) }
                    } else {
                        try file.setValue(pair, flow: flow, block: values)
                    }
                } else if !values.isEmpty {
                    inserted.append(file.indentation(item.column) + key + ": " + flow)
                }
            }
            if !inserted.isEmpty { file.insert(after: item.end, inserted) }
        }
        return file.result()
    }

    /// Each offer's id as the loader gives it (its `id:`, else derived from its title in file
    /// order); nil for an item the loader skips (no title, not a mapping).
    static func offerIDs(_ file: FrontMatterEdit) -> [String?] {
        var taken: [String] = []
        let document = YAMLDocument(path: file.path, lineOffset: 1)
        return file.offers.map { item in
            var ignored = Diagnostics()
            guard let fields = Fields(item.node, document, what: "an offer", diagnostics: &ignored),
                  let title = fields.text("title", diagnostics: &ignored) else { return nil }
            let id = fields.text("id", diagnostics: &ignored) ?? OfferID.derived(title, taken: taken)
            taken.append(id)
            return id
        }
    }

    /// The new text read again must hold the same YAML except the edited labels, which must be
    /// exactly the given ids; a line edit that went wrong is refused instead of written.
    /// Equal as the loader reads them: texts without the white space at their ends (a block
    /// scalar that ended the front matter gains a line break when a line follows it).
    static func same(_ a: Node, _ b: Node) -> Bool {
        switch (a, b) {
        case (.scalar(let x), .scalar(let y)):
            return x.string.trimmingCharacters(in: .whitespacesAndNewlines) == y.string.trimmingCharacters(in: .whitespacesAndNewlines)
        case (.sequence(let x), .sequence(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (.mapping(let x), .mapping(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { same($0.key, $1.key) && same($0.value, $1.value) }
        default:
            return a == b
        }
    }

    static func check(_ text: String, against old: FrontMatterEdit, edits: [LabelEdit], ids: [String?], path: String) throws(WriteBackError) {
        func refused(_ line: Int, _ what: String) -> WriteBackError {
            .unreadable(path: path, line: line + 1, problem: "the labels cannot be changed without changing other lines (\(what))",
                        hint: "edit the file by hand")
        }
        guard let new = try? FrontMatterEdit(text, path: path) else { throw refused(0, "the new text cannot be read") }
        guard new.root.map(\.key) == old.root.map(\.key), new.offers.count == old.offers.count else { throw refused(0, "fields or offers differ") }
        for (a, b) in zip(old.root, new.root) where a.key != "offers" && !same(a.value, b.value) {
            throw refused(a.line, "'\(a.key)' differs")
        }
        let labels = ["phases", "categories"]
        for (n, (a, b)) in zip(old.offers, new.offers).enumerated() {
            guard let edit = edits.first(where: { $0.offer == ids[n] }) else {
                if !same(a.node, b.node) { throw refused(a.line, "another offer differs") }
                continue
            }
            let keys = { (item: FrontMatterEdit.Item) in item.pairs.map(\.key).filter { !labels.contains($0) } }
            guard keys(a) == keys(b) else { throw refused(a.line, "the offer's fields differ") }
            for pair in a.pairs where !labels.contains(pair.key) && !(b.pair(pair.key).map { same($0.value, pair.value) } ?? false) {
                throw refused(pair.line, "'\(pair.key)' differs")
            }
            for (key, values) in [("phases", edit.phases), ("categories", edit.categories)] {
                let written: [String]
                switch b.pair(key)?.value {
                case nil: written = []
                case .sequence(let sequence)?: written = sequence.map { $0.string ?? "" }
                default: throw refused(a.line, "'\(key)' is not a list")
                }
                if written != values { throw refused(a.line, "'\(key)' is not what was given") }
            }
        }
    }
}

/// The file side of a write-back: which paths may be written, validation with the loader,
/// and the atomic replacement.
enum WriteBackFile {
    /// A regular `.md` file, not a symbolic link.
    static func check(_ path: String) throws(WriteBackError) {
        guard path.hasSuffix(".md") else { throw .notAFile(path: path, problem: "not a '.md' file") }
        var info = stat()
        guard lstat(path, &info) == 0 else { throw .notAFile(path: path, problem: "the file does not exist") }
        if info.st_mode & S_IFMT == S_IFLNK { throw .notAFile(path: path, problem: "the path is a symbolic link") }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .notAFile(path: path, problem: "not a regular file") }
    }

    /// The file's bytes as text, exactly (no BOM or line-ending changes).
    static func read(_ path: String) throws(WriteBackError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw .ioFailed(path: path, problem: "cannot read the file") }
        return String(decoding: data, as: UTF8.self)
    }

    /// The new text must load with the institution loader without errors the old text did not have.
    static func validate(_ new: String, old: String, path: String, taxonomy: Taxonomy) throws(WriteBackError) {
        let id = String((path as NSString).lastPathComponent.dropLast(3))
        func errors(_ text: String) -> [Diagnostic] {
            var diagnostics = Diagnostics()
            _ = InstitutionLoader.parse(Data(text.utf8), id: id, path: path, taxonomy: taxonomy, diagnostics: &diagnostics)
            return diagnostics.all.filter { $0.severity == .error }
        }
        var before = errors(old).map { "\($0.id)|\($0.message)" }
        for error in errors(new) {
            if let n = before.firstIndex(of: "\(error.id)|\(error.message)") {
                before.remove(at: n)
                continue
            }
            throw .invalid(path: path, line: error.location.line, problem: error.message, hint: error.suggestion ?? "fix the value and try again")
        }
    }

    /// Writes `text` to a temporary file next to `path` and renames it over `path`, if the file
    /// still holds exactly `expected` (compared byte for byte). The file keeps its permissions.
    static func replace(_ path: String, with text: String, expected: String) throws(WriteBackError) {
        guard Array(try read(path).utf8) == Array(expected.utf8) else { throw .changedOnDisk(path: path) }
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/.\(name).offermap-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max)).tmp"
        var info = stat()
        let mode = stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0o644
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard fd >= 0 else { throw .ioFailed(path: path, problem: "cannot create a temporary file in the file's folder") }
        _ = fchmod(fd, mode)
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, bytes.count - written) }
            guard n > 0 else { break }
            written += n
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced else {
            unlink(temporary)
            throw .ioFailed(path: path, problem: "cannot write the temporary file")
        }
        // Checked once more just before the rename, to keep the window for a lost update small.
        guard (try? read(path)).map({ Array($0.utf8) == Array(expected.utf8) }) == true else {
            unlink(temporary)
            throw .changedOnDisk(path: path)
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw .ioFailed(path: path, problem: "cannot replace the file")
        }
    }
}
