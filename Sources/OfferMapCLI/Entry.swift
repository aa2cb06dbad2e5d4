import OfferMapModel
import OfferMapInput
import OfferMapClassifier
import OfferMapAnalysis
import OfferMapRender
import ArgumentParser
import Foundation
import OfferMapCore

/// Runs the command line and returns the exit code: 0 success, 1 input errors, 2 usage errors.
public func run(_ arguments: [String]) async -> Int32 {
    do {
        var command = try OfferMap.parseAsRoot(arguments.isEmpty ? ["build"] : arguments)
        if var command = command as? AsyncParsableCommand {
            try await command.run()
        } else {
            try command.run()
        }
        return 0
    } catch let code as ExitCode {
        return code.rawValue
    } catch let error as UsageError {
        printError("offermap: error: \(error.description)")
        return 2
    } catch {
        let code = OfferMap.exitCode(for: error)
        if code == .success {
            print(OfferMap.fullMessage(for: error))
            return 0
        }
        printError(OfferMap.fullMessage(for: error))
        return 2
    }
}


func printError(_ text: String, newline: Bool = true) {
    FileHandle.standardError.write(Data((newline ? text + "\n" : text).utf8))
}

struct OfferMap: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "offermap",
        abstract: "Maps a county's founding-support landscape: who helps founders in which phase with what.",
        subcommands: [Build.self, Validate.self, Compare.self, Publish.self, Kit.self, Import.self, Export.self,
                      Classify.self, Eval.self, Explain.self, Serve.self],
        defaultSubcommand: Build.self
    )
}

/// `--inputs DIR` and `--diagnostics text|json`, which every command takes.
struct InputsFolder: ParsableArguments {
    @Option(help: "Folder with taxonomy.yaml and one folder per county.")
    var inputs = BuildOptions.defaultInputs

    @OptionGroup var reporting: DiagnosticsOptions
}

struct InputOptions: ParsableArguments {
    @OptionGroup var folder: InputsFolder
    var inputs: String { folder.inputs }
    var reporting: DiagnosticsOptions { folder.reporting }

    @Option(name: .customLong("county"), help: "Only this county (repeatable).")
    var counties: [String] = []
}

extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension Language: ExpressibleByArgument {}
extension Audience: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
