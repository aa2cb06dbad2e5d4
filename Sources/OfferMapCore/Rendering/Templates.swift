import Foundation
import Mustache

/// The templates in use: the shipped ones, each replaced by a file of the same
/// name in `--templates DIR` where there is one.
public struct Templates: Sendable {
    private var library: MustacheLibrary

    /// Loads every shipped template, overridden file by file; a broken template is an error at its line and column.
    public init(overrides directory: String? = nil, diagnostics: inout Diagnostics) {
        _ = MarkdownText.registered
        library = MustacheLibrary()
        for (name, shipped) in Shipped.templates.sorted(by: { $0.key < $1.key }) {
            var text = shipped
            var path = "<shipped>/templates/\(name).mustache"
            if let directory {
                let candidate = (directory.hasSuffix("/") ? directory : directory + "/") + name + ".mustache"
                if FileManager.default.fileExists(atPath: candidate),
                   let own = TextFile.read(URL(fileURLWithPath: candidate), path: candidate, diagnostics: &diagnostics) {
                    text = own
                    path = candidate
                }
            }
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.error(SourceLocation(path: path, line: error.context.lineNumber, column: error.context.columnNumber),
                                  "broken template: \(error.error)")
            } catch {
                diagnostics.error(SourceLocation(path: path), "broken template: \(error)")
            }
        }
    }

    public func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }
}
