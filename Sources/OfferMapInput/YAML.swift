import Cyaml

/// A YAML tree read with libyaml's event API: every scalar stays a string (offermap reads values itself), every
/// node keeps where it starts, and a mapping's repeated key is reported at the repeat. Anchors and aliases are
/// refused (before parsing, see `YAMLDocument`; here again, for any text).
indirect enum Node: Equatable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Sequence)

    /// 1-based line and column (in Unicode scalars), as libyaml counts them plus one.
    struct Mark: Equatable, Hashable {
        var line: Int
        var column: Int
    }

    struct Scalar: Equatable {
        enum Style { case plain, singleQuoted, doubleQuoted, literal, folded }
        var string: String
        var style: Style
        var mark: Mark
    }

    struct Mapping: Equatable, RandomAccessCollection {
        var pairs: [(key: Node, value: Node)]
        var mark: Mark
        var isFlow: Bool
        var startIndex: Int { 0 }
        var endIndex: Int { pairs.count }
        subscript(index: Int) -> (key: Node, value: Node) { pairs[index] }
        static func == (a: Mapping, b: Mapping) -> Bool {
            a.mark == b.mark && a.pairs.count == b.pairs.count && zip(a.pairs, b.pairs).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        }
    }

    struct Sequence: Equatable, RandomAccessCollection {
        var items: [Node]
        var mark: Mark
        var isFlow: Bool
        var startIndex: Int { 0 }
        var endIndex: Int { items.count }
        subscript(index: Int) -> Node { items[index] }
    }

    var mark: Mark? {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .mapping(let mapping): mapping.mark
        case .sequence(let sequence): sequence.mark
        }
    }

    /// The text of a scalar; nil for a list or mapping.
    var string: String? { if case .scalar(let scalar) = self { scalar.string } else { nil } }
}

/// Why a text is not a YAML tree offermap can read.
enum YAMLError: Error, Equatable {
    /// libyaml's own problem, where it saw it
    case syntax(problem: String, mark: Node.Mark)
    /// a key repeated in one mapping: at the repeat, with where it was first
    case duplicateKeys([(key: String, first: Node.Mark, again: Node.Mark)])
    case alias(Node.Mark)
    case tooDeep(Node.Mark)

    static func == (a: YAMLError, b: YAMLError) -> Bool { "\(a)" == "\(b)" }
}

enum YAMLParser {
    /// The first document of `text`; nil when it holds none.
    static func parse(_ text: String, maximumDepth: Int = 64) throws(YAMLError) -> Node? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { throw .syntax(problem: "out of memory", mark: Node.Mark(line: 1, column: 1)) }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer throws(YAMLError) -> Node? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var builder = Builder(maximumDepth: maximumDepth)
            var event = yaml_event_t()
            var documents = 0
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
                    throw .syntax(problem: problem, mark: Node.Mark(parser.problem_mark))
                }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { break }
                if event.type == YAML_DOCUMENT_START_EVENT {
                    documents += 1
                    if documents > 1 {
                        throw .syntax(problem: "expected a single document, but found another one", mark: Node.Mark(event.start_mark))
                    }
                }
                try builder.add(event)
            }
            if !builder.duplicates.isEmpty { throw .duplicateKeys(builder.duplicates) }
            return builder.root
        }
    }

    /// Turns events into nodes with an explicit stack (no recursion, however deep the text).
    struct Builder {
        enum Open {
            case mapping(Node.Mapping, pendingKey: Node?, seen: [String: Node.Mark])
            case sequence(Node.Sequence)
        }

        let maximumDepth: Int
        var stack: [Open] = []
        var root: Node?
        var duplicates: [(key: String, first: Node.Mark, again: Node.Mark)] = []

        mutating func add(_ event: yaml_event_t) throws(YAMLError) {
            let mark = Node.Mark(event.start_mark)
            switch event.type {
            case YAML_SCALAR_EVENT:
                let data = event.data.scalar
                let string = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
                finish(.scalar(Node.Scalar(string: string, style: style(data.style), mark: mark)))
            case YAML_SEQUENCE_START_EVENT:
                try open(.sequence(Node.Sequence(items: [], mark: mark, isFlow: event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE)), mark)
            case YAML_MAPPING_START_EVENT:
                try open(.mapping(Node.Mapping(pairs: [], mark: mark, isFlow: event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE),
                                  pendingKey: nil, seen: [:]), mark)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                switch stack.removeLast() {
                case .sequence(let sequence): finish(.sequence(sequence))
                case .mapping(let mapping, _, _): finish(.mapping(mapping))
                }
            case YAML_ALIAS_EVENT:
                throw .alias(mark)
            default:
                break
            }
        }

        mutating func open(_ container: Open, _ mark: Node.Mark) throws(YAMLError) {
            guard stack.count < maximumDepth else { throw .tooDeep(mark) }
            stack.append(container)
        }

        /// Puts a finished node where it belongs: the root, a list item, a key or a value.
        mutating func finish(_ node: Node) {
            guard let top = stack.popLast() else {
                if root == nil { root = node }
                return
            }
            switch top {
            case .sequence(var sequence):
                sequence.items.append(node)
                stack.append(.sequence(sequence))
            case .mapping(var mapping, let pendingKey?, var seen):
                if let name = pendingKey.string, let mark = pendingKey.mark {
                    if let first = seen[name] {
                        duplicates.append((name, first, mark))
                    } else {
                        seen[name] = mark
                    }
                }
                mapping.pairs.append((pendingKey, node))
                stack.append(.mapping(mapping, pendingKey: nil, seen: seen))
            case .mapping(let mapping, nil, let seen):
                stack.append(.mapping(mapping, pendingKey: node, seen: seen))
            }
        }

        func style(_ style: yaml_scalar_style_t) -> Node.Scalar.Style {
            switch style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: .literal
            case YAML_FOLDED_SCALAR_STYLE: .folded
            default: .plain
            }
        }
    }
}

extension Node.Mark {
    init(_ mark: yaml_mark_t) {
        self.init(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }
}
