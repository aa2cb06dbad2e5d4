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


func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Prints diagnostics in compiler form, sorted; returns whether the run must fail.
func report(_ diagnostics: Diagnostics, strict: Bool) -> Bool {
    for diagnostic in diagnostics.sorted { printError(diagnostic.formatted) }
    let errors = diagnostics.all.filter { $0.severity == .error }.count
    let warnings = diagnostics.all.count - errors
    if errors > 0 || warnings > 0 {
        printError("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
    }
    return errors > 0 || (strict && warnings > 0)
}

struct OfferMap: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "offermap",
        abstract: "Maps a county's founding-support landscape: who helps founders in which phase with what.",
        subcommands: [Build.self, Validate.self, Compare.self, Publish.self, Kit.self, Import.self, Export.self,
                      Classify.self, Eval.self, Explain.self],
        defaultSubcommand: Build.self
    )
}

/// `--inputs DIR`, which every command takes.
struct InputsFolder: ParsableArguments {
    @Option(help: "Folder with taxonomy.yaml and one folder per county.")
    var inputs = BuildOptions.defaultInputs
}

struct InputOptions: ParsableArguments {
    @OptionGroup var folder: InputsFolder
    var inputs: String { folder.inputs }

    @Option(name: .customLong("county"), help: "Only this county (repeatable).")
    var counties: [String] = []
}

extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension Language: ExpressibleByArgument {}
extension Audience: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
