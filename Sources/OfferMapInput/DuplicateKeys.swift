import Yams

/// Where the keys of a YAML mapping repeat, with both marks.
///
/// Yams refuses a mapping with a repeated key and names only the first occurrence of the
/// (alphabetically first) repeated key. To find the repeats from Yams' own marks, without a parser
/// of our own: the occurrence Yams names is masked, its first character replaced by a private-use
/// character (one column, so no mark moves), and the text composed again, until it composes. The
/// mappings of that tree then hold every key with its mark; a masked key counts as what it was.
enum DuplicateKeys {
    struct Repeat {
        let key: String
        let first: Mark
        let again: Mark
    }

    /// Masking gives up after this many keys, or when a mark does not point at its key.
    static let maximumMasks = 32

    /// The repeats of `text`, given Yams' error for it; nil when they cannot be told.
    static func find(in text: String, key: String, at mark: Mark) -> [Repeat]? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        var masked: [Position: String] = [:]
        var next = (key: key, mark: mark)
        while masked.count < maximumMasks {
            guard mask(next.mark, next.key, index: masked.count, in: &lines) else { return nil }
            masked[Position(next.mark)] = next.key
            let changed = lines.map { line in String(String.UnicodeScalarView(line)) }.joined(separator: "\n")
            do {
                guard let root = try Yams.compose(yaml: changed, .basic, .default, .utf8) else { return nil }
                var repeats: [Repeat] = []
                collect(root, masked: masked, into: &repeats)
                return repeats.isEmpty ? nil : repeats
            } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
                guard let first = duplicates.first else { return nil }
                next = (first, context.mark)
            } catch {
                return nil
            }
        }
        return nil
    }

    /// Replaces the key's first character at `mark` (after an opening quote); false if it is not there.
    private static func mask(_ mark: Mark, _ key: String, index: Int, in lines: inout [[Unicode.Scalar]]) -> Bool {
        let line = mark.line - 1
        var column = mark.column - 1
        guard lines.indices.contains(line), lines[line].indices.contains(column) else { return false }
        if lines[line][column] == "\"" || lines[line][column] == "'" { column += 1 }
        guard let first = key.unicodeScalars.first, lines[line].indices.contains(column), lines[line][column] == first,
              let mask = Unicode.Scalar(0xE000 + index) else { return false }
        lines[line][column] = mask
        return true
    }

    private static func collect(_ node: Node, masked: [Position: String], into repeats: inout [Repeat]) {
        switch node {
        case .mapping(let mapping):
            var seen: [String: Mark] = [:]
            for (key, value) in mapping {
                if let mark = key.mark, let name = masked[Position(mark)] ?? key.string {
                    if let first = seen[name] {
                        repeats.append(Repeat(key: name, first: first, again: mark))
                    } else {
                        seen[name] = mark
                    }
                }
                collect(value, masked: masked, into: &repeats)
            }
        case .sequence(let sequence):
            for item in sequence { collect(item, masked: masked, into: &repeats) }
        default:
            break
        }
    }

    private struct Position: Hashable {
        let line: Int, column: Int
        init(_ mark: Mark) {
            line = mark.line
            column = mark.column
        }
    }
}
