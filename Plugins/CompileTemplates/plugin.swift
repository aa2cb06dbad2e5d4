import Foundation
import PackagePlugin

/// Compiles Mustache templates into Swift render functions at build time (Sources/TemplateCompiler):
/// templates/*.mustache into `CompiledTemplates` of OfferMapRender, and the Mustache spec cases in
/// Tests/OfferMapCoreTests/Fixtures/spec into `SpecTemplates` of the tests. The .mustache files stay the
/// only source; the generated file is rebuilt when one of them changes and is never committed.
@main
struct CompileTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let root = context.package.directoryURL
        let (folder, typeName, options): (String, String, [String]) = target.name == "OfferMapRender"
            ? ("templates", "CompiledTemplates", ["--html-pragma"])
            : ("Tests/\(target.name)/Fixtures/spec", "SpecTemplates", ["--import", "@testable import OfferMapRender"])
        let url = root.appending(path: folder)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).filter { $0.hasSuffix(".mustache") }.sorted()
        let inputs = names.map { url.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "\(typeName).swift")
        let pairs = inputs.map { "\($0.lastPathComponent.dropLast(".mustache".count))=\($0.path)" }
        return [.buildCommand(displayName: "Compiling the templates in \(folder)",
                              executable: try context.tool(named: "TemplateCompiler").url,
                              arguments: [output.path, typeName] + options + pairs, inputFiles: inputs, outputFiles: [output])]
    }
}
