/// The Mustache subset the shipped templates use, parsed into the same tokens swift-mustache makes from them
/// (its `MustacheTemplate.parse`, whose tokens are internal): text split at line ends, with the whitespace of
/// standalone lines dropped by the same rules; variables, `{{{ }}}` and `{{& }}`, sections, inverted sections,
/// partials with their indentation, comments, transforms (`empty(name)`, `last()`) and the CONTENT_TYPE
/// pragma. Set delimiters, inheritance and dynamic partials are refused, so a template that uses them fails
/// the build instead of rendering differently. Keep this in step with swift-mustache; the differential test
/// checks it.
indirect enum Token: Equatable {
    case text(String)
    case variable(Name)
    case unescaped(Name)
    case section(Name, [Token])
    case inverted(Name, [Token])
    case partial(String, indentation: String?)
    case contentType(String)
}

/// A tag's name: `empty(contacts)` is the name `contacts` with the transform `empty`, `last()` the empty name
/// (the position in the list being rendered) with `last`; transforms apply from the innermost out.
struct Name: Equatable {
    var name: String
    var transforms: [String] = []
}

struct ParseError: Error {
    let line: Int
    let column: Int
    let message: String
}

struct Parser {
    private let characters: [Character]
    private var position = 0

    init(_ text: String) { characters = Array(text) }

    static func parse(_ text: String) throws -> [Token] {
        var parser = Parser(text)
        return try parser.parse(section: nil, newLine: true)
    }

    private var reachedEnd: Bool { position == characters.count }
    /// `"\0"` at the end, like swift-mustache's parser.
    private var current: Character { reachedEnd ? "\0" : characters[position] }

    private func error(_ message: String) -> ParseError {
        var line = 1, column = 1
        for character in characters[..<min(position, characters.count)] {
            if character.isNewline { line += 1; column = 1 } else { column += 1 }
        }
        return ParseError(line: line, column: column, message: message)
    }

    @discardableResult
    private mutating func read(while accept: (Character) -> Bool) -> String {
        let start = position
        while !reachedEnd, accept(characters[position]) { position += 1 }
        return String(characters[start..<position])
    }

    private mutating func read(_ expected: String) -> Bool {
        let wanted = Array(expected)
        guard position + wanted.count <= characters.count, Array(characters[position..<position + wanted.count]) == wanted else { return false }
        position += wanted.count
        return true
    }

    private static let blank: Set<Character> = [" ", "\t"]
    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let nameCharactersWithoutBrackets = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let partialNameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    /// One template or section body; `newLine` is whether it starts at the start of a line.
    private mutating func parse(section: Name?, newLine startsLine: Bool) throws -> [Token] {
        var tokens: [Token] = []
        var newLine = startsLine
        var whiteSpaceBefore = ""
        while !reachedEnd {
            if newLine { whiteSpaceBefore = read { Parser.blank.contains($0) } }
            let text = readTextOnLine()
            if current.isNewline {
                tokens.append(.text(whiteSpaceBefore + text + String(current)))
                newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                tokens.append(.text(whiteSpaceBefore + text))
                whiteSpaceBefore = ""
                newLine = false
            }
            if reachedEnd { break }
            func flushWhiteSpace() {
                if !whiteSpaceBefore.isEmpty { tokens.append(.text(whiteSpaceBefore)); whiteSpaceBefore = "" }
            }
            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let name = try parseName()
                if newLine && lineFinished() { setNewLine = true } else { flushWhiteSpace() }
                let body = try parse(section: name, newLine: setNewLine)
                tokens.append(inverted ? .inverted(name, body) : .section(name, body))
            case "/":
                position += 1
                let start = position
                let name = try parseName()
                guard name == section else {
                    position = start
                    throw error("closing {{/\(name.name)}} does not match " + (section.map { "{{#\($0.name)}}" } ?? "any open section"))
                }
                if !(newLine && lineFinished()) { flushWhiteSpace() }
                return tokens
            case "!":
                position += 1
                while !read("}}") {
                    guard !reachedEnd else { throw error("unclosed comment") }
                    position += 1
                }
                setNewLine = newLine && lineFinished()
            case "{":
                flushWhiteSpace()
                position += 1
                let name = try parseName()
                guard read("}") else { throw error("a triple mustache must end with }}}") }
                tokens.append(.unescaped(name))
            case "&":
                flushWhiteSpace()
                position += 1
                tokens.append(.unescaped(try parseName()))
            case ">":
                position += 1
                read { $0.isWhitespace }
                guard current != "*" else { throw error("dynamic partials are not supported by the template compiler") }
                read { $0.isWhitespace }
                let name = read { Parser.partialNameCharacters.contains($0) }
                read { $0.isWhitespace }
                guard read("}}") else { throw error("unfinished partial name") }
                if !whiteSpaceBefore.isEmpty { tokens.append(.text(whiteSpaceBefore)) }
                if newLine && lineFinished() {
                    setNewLine = true
                    tokens.append(.partial(name, indentation: whiteSpaceBefore))
                } else {
                    tokens.append(.partial(name, indentation: nil))
                }
                whiteSpaceBefore = ""
            case "%":
                position += 1
                read { $0.isWhitespace }
                let variable = read { Parser.nameCharactersWithoutBrackets.contains($0) }
                read { $0.isWhitespace }
                guard read(":") else { throw error("a pragma is {{% NAME: VALUE}}") }
                read { $0.isWhitespace }
                let value = read { Parser.nameCharactersWithoutBrackets.contains($0) }
                read { $0.isWhitespace }
                guard read("}}"), variable == "CONTENT_TYPE", ["HTML", "MARKDOWN", "TEXT"].contains(value) else {
                    throw error("only {{% CONTENT_TYPE: HTML|MARKDOWN|TEXT}} is supported")
                }
                tokens.append(.contentType(value))
                setNewLine = newLine && lineFinished()
            case "=", "<", "$":
                throw error("{{\(current)…}} is not supported by the template compiler")
            default:
                flushWhiteSpace()
                tokens.append(.variable(try parseName()))
            }
            newLine = setNewLine
        }
        if let section { throw error("{{#\(section.name)}} is not closed") }
        return tokens
    }

    /// Text up to the next `{{` (consumed) or line end (not consumed).
    private mutating func readTextOnLine() -> String {
        var text = ""
        while !reachedEnd {
            text += read { $0 != "\n" && $0 != "\r\n" && $0 != "{" }
            if current.isNewline { break }
            if current == "{" {
                if read("{{") { break }
                text.append("{")
                position += 1
            }
        }
        return text
    }

    /// A name with its transforms, as swift-mustache's `parseName` reads them: `a(b(c))` is `c` with `a` and `b`.
    private mutating func parseName() throws -> Name {
        read { $0.isWhitespace }
        let text = Array(read { Parser.nameCharacters.contains($0) })
        read { $0.isWhitespace }
        guard read("}}") else { throw error("unfinished tag name") }
        var index = 0
        func word() -> String {
            let start = index
            while index < text.count, Parser.nameCharactersWithoutBrackets.contains(text[index]) { index += 1 }
            return String(text[start..<index])
        }
        var transforms = [word()]
        if index == text.count { return Name(name: transforms[0]) }
        guard text[index] == "(" else { throw error("unfinished tag name") }
        index += 1
        while true {
            let name = word()
            guard index < text.count else { throw error("unfinished tag name") }
            if text[index] == ")" {
                var closing = 0
                while index < text.count, text[index] == ")" { index += 1; closing += 1 }
                guard closing == transforms.count, index == text.count else { throw error("unfinished tag name") }
                return Name(name: name, transforms: transforms)
            }
            guard text[index] == "(" else { throw error("unfinished tag name") }
            index += 1
            transforms.append(name)
        }
    }

    /// Whether only blanks follow to the line end; if so, they and the line end are consumed.
    private mutating func lineFinished() -> Bool {
        if reachedEnd { return true }
        var probe = position
        while probe < characters.count, Parser.blank.contains(characters[probe]) { probe += 1 }
        if probe < characters.count, characters[probe].isNewline {
            position = probe + 1
            return true
        }
        return false
    }
}
