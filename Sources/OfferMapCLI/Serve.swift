import OfferMapModel
import OfferMapRender
import OfferMapCore
import OfferMapServe
import ArgumentParser
import Foundation

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the reports, the site and a review page per county on this computer (127.0.0.1), rebuilt when a file changes.",
        discussion: "The review page lists each county's offers that carry machine labels, least sure first; "
            + "\"Bestätigen\" writes the ticked phases and categories into the institution file (only those lines change). "
            + "Stop with Ctrl-C.")

    @OptionGroup var input: InputOptions

    @Option(help: "Port on 127.0.0.1 (0: any free port).")
    var port: UInt16 = 8765

    @Option(help: "Language of the pages: de or en (default: the county's, else de).")
    var lang: Language?

    @Flag(help: "Open the start page in the browser.")
    var open = false

    func run() async throws {
        var options = BuildOptions(date: .today)
        options.counties = input.counties
        options.language = lang
        var diagnostics = Diagnostics()
        let templates = Templates(overrides: nil, diagnostics: &diagnostics)
        let workspace = try Workspace(inputs: input.inputs, options: options)
        let stops = Serve.removeOnStop(workspace.out)
        defer { stops.forEach { $0.cancel() } }
        let server = Server(workspace: workspace, templates: templates, language: lang)
        let open = self.open
        do {
            try await server.run(port: port) { address in
                FileHandle.standardOutput.write(Data("offermap serve: \(address)/ (Ctrl-C stops)\n".utf8))
                if open { Serve.openBrowser(address + "/") }
            }
        } catch {
            try? FileManager.default.removeItem(atPath: workspace.out)
            printError("offermap: error: cannot serve on 127.0.0.1:\(port) (\(error)); is the port taken? choose another with --port, or --port 0 for any free one")
            throw ExitCode(2)
        }
    }

    /// Ctrl-C or a TERM signal removes the preview folder before the process ends.
    static func removeOnStop(_ folder: String) -> [DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                try? FileManager.default.removeItem(atPath: folder)
                Foundation.exit(0)
            }
            source.resume()
            return source
        }
    }

    static func openBrowser(_ url: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url]
        try? process.run()
    }
}
