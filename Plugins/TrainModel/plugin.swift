import Foundation
import PackagePlugin

/// Trains the classifier when the project is built and compiles its weights into the target, so that
/// no run of offermap trains for the shipped taxonomy. Runs again when the training offers, the
/// taxonomy or the classifier change.
@main
struct TrainModel: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let root = context.package.directoryURL
        // the offers in the order the shipped classifier reads them (ShippedClassifier.training): data/dev/, then data/
        var inputs = [root.appending(path: "inputs/taxonomy.yaml")]
        for folder in ["data/dev", "data"] {
            let url = root.appending(path: folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            // by name without ".jsonl", as EmbedResources joins them
            inputs += names.filter { $0.hasSuffix(".jsonl") }.map { String($0.dropLast(6)) }.sorted().map { url.appending(path: $0 + ".jsonl") }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "ShippedWeights.swift")
        return [.buildCommand(displayName: "Training the classifier on the shipped offers",
                              executable: try context.tool(named: "TrainTool").url,
                              arguments: [output.path] + inputs.map(\.path), inputFiles: inputs, outputFiles: [output])]
    }
}
