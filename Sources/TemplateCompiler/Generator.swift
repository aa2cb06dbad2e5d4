/// Swift source for a set of parsed templates: one function per template and one per section body, each
/// appending to a `TemplateOutput` and walking a `TemplateStack` (Sources/OfferMapRender/TemplateRuntime.swift)
/// with names split at build time. The escaping of each variable is chosen here, from the content type in
/// force where it stands, as swift-mustache chooses it at render time.
struct Generator {
    let typeName: String
    let templates: [(name: String, tokens: [Token])]
    private var functions: [String] = []
    /// Numbers for `TemplateStack.find(slot:name:...)`: each dotted name of two or three parts, and each first part.
    private var slots: [String: Int] = [:]
    private var firstNames: [String: Int] = [:]

    init(typeName: String, templates: [(name: String, tokens: [Token])]) {
        self.typeName = typeName
        self.templates = templates.sorted { $0.name < $1.name }
    }

    /// The content types of swift-mustache: its default HTML escaping, and the ones `Escaping` registers by name.
    enum ContentType {
        case mustacheHTML, html, markdown, text

        init(pragma: String) {
            switch pragma {
            case "HTML": self = .html
            case "MARKDOWN": self = .markdown
            default: self = .text
            }
        }

        func escaped(_ expression: String) -> String {
            switch self {
            case .mustacheHTML: "TemplateRuntime.mustacheHTML(\(expression))"
            case .html: "Escaping.html(\(expression))"
            case .markdown: "Escaping.markdown(\(expression))"
            case .text: expression
            }
        }
    }

    static func identifier(_ name: String) -> String {
        "t_" + String(name.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    mutating func source(imports: [String]) -> String {
        for (name, tokens) in templates {
            // a template starts with swift-mustache's default content type, also when it is rendered as a partial
            body(Generator.identifier(name), tokens, contentType: .mustacheHTML)
        }
        let names = templates.map(\.name)
        let cases = names.map { "        case \(literal($0)): \(Generator.identifier($0))(&output, &stack)" }.joined(separator: "\n")
        let includes = templates.map { template in
            "            \(literal(template.name)): [\(partials(of: template.name).sorted().map(literal).joined(separator: ", "))],"
        }.joined(separator: "\n")
        let reads = templates.map { template in
            "            \(literal(template.name)): [\(self.names(of: template.name).sorted().map(literal).joined(separator: ", "))],"
        }.joined(separator: "\n")
        return """
        // Generated at build time by the CompileTemplates plugin (Sources/TemplateCompiler) from the .mustache files.
        // Not committed: the templates are the only source.
        \(imports.joined(separator: "\n"))

        enum \(typeName) {
            static let names: Set<String> = [\(names.map(literal).joined(separator: ", "))]

            /// Renders the template `name` into `output`; false for a name that is not compiled.
            static func render(_ name: String, _ output: inout TemplateOutput, _ stack: inout TemplateStack) -> Bool {
                switch name {
        \(cases)
                default: return false
                }
                return true
            }

            /// The partials a template includes, directly or through other partials.
            static func partials(of name: String) -> Set<String> { includes[name] ?? [] }

            /// The names a template and its partials look up, each part of a dotted name on its own.
            static func reads(_ name: String) -> Set<String> { lookups[name] ?? [] }

            // made once: a set literal in a function is built again at every call
            private static let includes: [String: Set<String>] = [
        \(includes.isEmpty ? ":" : includes)
            ]
            private static let lookups: [String: Set<String>] = [
        \(reads.isEmpty ? ":" : reads)
            ]

        \(functions.joined(separator: "\n\n"))
        }

        """
    }

    private func partials(of name: String) -> Set<String> {
        var found: Set<String> = []
        var pending = [name]
        while let next = pending.popLast() {
            guard let tokens = templates.first(where: { $0.name == next })?.tokens else { continue }
            for partial in Generator.partialNames(tokens) where !found.contains(partial) {
                found.insert(partial)
                pending.append(partial)
            }
        }
        return found
    }

    private func names(of name: String) -> Set<String> {
        var found: Set<String> = []
        for included in [name] + partials(of: name) {
            guard let tokens = templates.first(where: { $0.name == included })?.tokens else { continue }
            found.formUnion(Generator.names(tokens))
        }
        return found
    }

    private static func names(_ tokens: [Token]) -> Set<String> {
        var found: Set<String> = []
        for token in tokens {
            switch token {
            case .variable(let tag), .unescaped(let tag): found.formUnion(tag.name.split(separator: ".").map(String.init))
            case .section(let tag, let body), .inverted(let tag, let body):
                found.formUnion(tag.name.split(separator: ".").map(String.init))
                found.formUnion(names(body))
            default: continue
            }
        }
        return found
    }

    private static func partialNames(_ tokens: [Token]) -> [String] {
        tokens.flatMap { token -> [String] in
            switch token {
            case .partial(let name, _): [name]
            case .section(_, let body), .inverted(_, let body): partialNames(body)
            default: []
            }
        }
    }

    /// Emits the function `name` for one template or section body, and those of the sections in it.
    private mutating func body(_ name: String, _ tokens: [Token], contentType start: ContentType) {
        var lines: [String] = []
        var contentType = start
        var sections = 0
        for token in tokens {
            switch token {
            case .text(let text):
                lines.append("o.add(\(literal(text)))")
            case .variable(let variable):
                lines.append("if let v = TemplateRuntime.text(\(lookup(variable))) { o.add(\(contentType.escaped("v"))) }")
            case .unescaped(let variable):
                lines.append("if let v = TemplateRuntime.text(\(lookup(variable))) { o.add(v) }")
            case .section(let variable, let inner), .inverted(let variable, let inner):
                sections += 1
                let child = "\(name)_\(sections)"
                body(child, inner, contentType: contentType)
                let kind = if case .section = token { "section" } else { "inverted" }
                lines.append("TemplateRuntime.\(kind)(\(lookup(variable)), &o, &s, \(child))")
            case .partial(let partial, let indentation):
                // swift-mustache renders a partial it does not know as nothing
                guard templates.contains(where: { $0.name == partial }) else { continue }
                let indented = indentation.map(literal) ?? "nil"
                lines.append("TemplateRuntime.partial(\(indented), &o, &s, \(Generator.identifier(partial)))")
            case .contentType(let pragma):
                contentType = ContentType(pragma: pragma)
            }
        }
        let statements = lines.isEmpty ? "" : "\n" + lines.map { "        " + $0 }.joined(separator: "\n")
        functions.append("    static func \(name)(_ o: inout TemplateOutput, _ s: inout TemplateStack) {\(statements)\n    }")
    }

    /// The lookup of a name, split at build time as swift-mustache splits it at render time, and its transforms.
    private mutating func lookup(_ tag: Name) -> String {
        guard !tag.transforms.isEmpty else { return lookup(tag.name) }
        let value = tag.name == "" ? "s.position" : lookup(tag.name)
        return "TemplateRuntime.transformed(\(value), [\(tag.transforms.map(literal).joined(separator: ", "))])"
    }

    private mutating func lookup(_ name: String) -> String {
        if name == "." { return "s.top" }
        let parts = name.split(separator: ".").map { literal(String($0)) }
        if parts.isEmpty { return "s.top" }
        if name.first == "." { return "s.local([\(parts.joined(separator: ", "))])" }
        if parts.count == 1 { return "s.find(\(parts[0]))" }
        if parts.count <= 3 {
            // "t.report.phases": remembered while it is the root value's (TemplateStack.find(slot:name:))
            let slot = slots[name] ?? slots.count, first = firstNames[parts[0]] ?? firstNames.count
            slots[name] = slot
            firstNames[parts[0]] = first
            return "s.find(slot: \(slot), name: \(first), \(parts.joined(separator: ", ")))"
        }
        return "s.find(path: [\(parts.joined(separator: ", "))])"
    }
}

/// A Swift string literal for any text: quotes, backslashes, control and non-ASCII characters escaped.
func literal(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case " "..."~": out.unicodeScalars.append(scalar)
        default: out += "\\u{\(String(scalar.value, radix: 16))}"
        }
    }
    return out + "\""
}
