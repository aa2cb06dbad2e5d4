import OfferMapModel
import OfferMapResources
import OfferMapInput
import OfferMapAnalysis
import Foundation
import Mustache

/// The templates in use: the shipped ones, each replaced by a file of the same
/// name in `--templates DIR` where there is one.
///
/// The shipped templates are compiled into Swift at build time (`CompiledTemplates`, made by the
/// CompileTemplates plugin); a template renders through that code unless it or a partial it includes is
/// replaced, in which case swift-mustache renders it from the files in use. Both give the same bytes
/// (CompiledTemplatesTests).
public struct Templates: Sendable {
    /// All templates, for swift-mustache; only made when some template is rendered by it.
    private var library: MustacheLibrary?
    /// The templates swift-mustache renders: the replaced ones and those that include them.
    private(set) var interpreted: Set<String> = []

    /// Loads every shipped template, overridden file by file; a broken template is an error at its line and column.
    public init(overrides directory: String? = nil, diagnostics: inout Diagnostics) {
        _ = Escaping.registered
        var texts: [String: (text: String, path: String)] = [:]
        var replaced: Set<String> = []
        for (name, shipped) in Shipped.templates.sorted(by: { $0.key < $1.key }) {
            texts[name] = (shipped, "<shipped>/templates/\(name).mustache")
            if let directory {
                let candidate = (directory.hasSuffix("/") ? directory : directory + "/") + name + ".mustache"
                if FileManager.default.fileExists(atPath: candidate),
                   let own = TextFile.read(URL(fileURLWithPath: candidate), path: candidate, diagnostics: &diagnostics) {
                    texts[name] = (own, candidate)
                    replaced.insert(name)
                }
            }
        }
        interpreted = Set(Shipped.templates.keys.filter { name in
            replaced.contains(name) || !CompiledTemplates.names.contains(name) || !CompiledTemplates.partials(of: name).isDisjoint(with: replaced)
        })
        guard !interpreted.isEmpty else { return }
        var library = MustacheLibrary()
        for (name, file) in texts.sorted(by: { $0.key < $1.key }) {
            // HTML templates and partials escape with the faster `Escaping.HTML`; same result.
            let prefix = name.hasSuffix(".html") ? Templates.htmlPragma : ""
            do {
                library.register(try MustacheTemplate(string: prefix + file.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                let line = error.context.lineNumber - (prefix.isEmpty ? 0 : 1)
                diagnostics.error(.brokenTemplate, SourceLocation(path: file.path, line: max(1, line), column: error.context.columnNumber),
                                  "broken template: \(error.error)")
            } catch {
                diagnostics.error(.brokenTemplate, SourceLocation(path: file.path), "broken template: \(error)")
            }
        }
        self.library = library
    }

    /// On a line of its own, so that the template's first line stays a standalone line.
    /// (Sources/TemplateCompiler puts the same line in front of the `.html` templates it compiles.)
    static let htmlPragma = "{{% CONTENT_TYPE: HTML}}\n"

    /// Whether any of the templates `names` (with their partials) may look up `value`; one that swift-mustache renders
    /// from a replaced file may look up anything. Values no template reads need not be made.
    public func reads(_ value: String, in names: [String]) -> Bool {
        names.contains { interpreted.contains($0) || CompiledTemplates.reads($0).contains(value) }
    }

    public func render(_ name: String, _ context: [String: Any]) -> String {
        if !interpreted.contains(name), let text = TemplateRuntime.render(name, context, with: CompiledTemplates.render) {
            return text
        }
        return library?.render(context, withTemplate: name) ?? ""
    }
}
