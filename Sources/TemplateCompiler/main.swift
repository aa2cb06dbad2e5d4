import Foundation

// TemplateCompiler OUTPUT TYPE [--html-pragma] [--import LINE]… NAME=PATH…
// Parses each template and writes Swift render functions for them into OUTPUT, in an enum named TYPE,
// for the CompileTemplates plugin. With --html-pragma, templates whose name ends in `.html` start with the
// HTML content type, as `Templates` registers them with swift-mustache (`Templates.htmlPragma`).
// A template the compiler cannot take stops the build with its path, line and column.

var arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2 else { fatalError("usage: TemplateCompiler OUTPUT TYPE [--html-pragma] [--import LINE]… NAME=PATH…") }
let output = arguments.removeFirst(), typeName = arguments.removeFirst()
var htmlPragma = false
var imports: [String] = []
var templates: [(name: String, tokens: [Token])] = []
var failed = false
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    if argument == "--html-pragma" { htmlPragma = true; continue }
    if argument == "--import" { imports.append(arguments.removeFirst()); continue }
    guard let equals = argument.firstIndex(of: "=") else { fatalError("bad argument \(argument)") }
    let name = String(argument[..<equals]), path = String(argument[argument.index(after: equals)...])
    guard let data = FileManager.default.contents(atPath: path) else { fatalError("cannot read \(path)") }
    let prefix = htmlPragma && name.hasSuffix(".html") ? "{{% CONTENT_TYPE: HTML}}\n" : ""
    do {
        templates.append((name, try Parser.parse(prefix + String(decoding: data, as: UTF8.self))))
    } catch let error as ParseError {
        let line = max(1, error.line - (prefix.isEmpty ? 0 : 1))
        FileHandle.standardError.write(Data("\(path):\(line):\(error.column): error: \(error.message)\n".utf8))
        failed = true
    }
}
if failed { exit(1) }
var generator = Generator(typeName: typeName, templates: templates)
try Data(generator.source(imports: imports).utf8).write(to: URL(fileURLWithPath: output))
