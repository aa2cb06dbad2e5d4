import Foundation
import PackagePlugin

/// Compiles the shipped templates, translations, default taxonomy and training offers into the target
/// as Swift source, at build time: the files in the repository stay the only copy, and the binary
/// works from any directory. Rebuilds when one of them changes.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let root = context.package.directoryURL
        func files(_ folder: String, suffix: String) -> [URL] {
            let url = root.appending(path: folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            return names.filter { $0.hasSuffix(suffix) }.sorted().map { url.appending(path: $0) }
        }
        // name=path pairs, grouped by kind
        var arguments: [String] = []
        var inputs: [URL] = []
        func add(_ kind: String, _ urls: [URL], suffix: String) {
            for url in urls {
                arguments.append("\(kind):\(url.lastPathComponent.dropLast(suffix.count))=\(url.path)")
                inputs.append(url)
            }
        }
        add("template", files("templates", suffix: ".mustache"), suffix: ".mustache")
        add("translation", files("templates/i18n", suffix: ".yaml"), suffix: ".yaml")
        add("taxonomy", [root.appending(path: "inputs/taxonomy.yaml")], suffix: ".yaml")
        add("dev", files("data/dev", suffix: ".jsonl"), suffix: ".jsonl")
        add("extra", files("data", suffix: ".jsonl"), suffix: ".jsonl")
        let output = context.pluginWorkDirectoryURL.appending(path: "Shipped.swift")
        return [.buildCommand(displayName: "Embedding templates, translations, taxonomy and training offers",
                              executable: try context.tool(named: "EmbedTool").url,
                              arguments: [output.path] + arguments, inputFiles: inputs, outputFiles: [output])]
    }
}
