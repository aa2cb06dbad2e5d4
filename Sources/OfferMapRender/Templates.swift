import OfferMapModel
import OfferMapResources
import OfferMapInput
import OfferMapAnalysis
import Foundation
import Mustache

/// The templates in use: the shipped ones, each replaced by a file of the same
/// name in `--templates DIR` where there is one.
public struct Templates: Sendable {
    private var library: MustacheLibrary

    /// Loads every shipped template, overridden file by file; a broken template is an error at its line and column.
    public init(overrides directory: String? = nil, diagnostics: inout Diagnostics) {
        _ = Escaping.registered
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
            // HTML templates and partials escape with the faster `Escaping.HTML`; same result.
            let prefix = name.hasSuffix(".html") ? Templates.htmlPragma : ""
            do {
                library.register(try MustacheTemplate(string: prefix + text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                let line = error.context.lineNumber - (prefix.isEmpty ? 0 : 1)
                diagnostics.error(.brokenTemplate, SourceLocation(path: path, line: max(1, line), column: error.context.columnNumber),
                                  "broken template: \(error.error)")
            } catch {
                diagnostics.error(.brokenTemplate, SourceLocation(path: path), "broken template: \(error)")
            }
        }
    }

    /// On a line of its own, so that the template's first line stays a standalone line.
    static let htmlPragma = "{{% CONTENT_TYPE: HTML}}\n"

    public func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }
}
