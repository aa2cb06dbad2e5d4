import OfferMapModel
import ArgumentParser

/// `--diagnostics text|json`: how problems reach standard error. Every command that reports
/// diagnostics takes it, through `InputsFolder`.
struct DiagnosticsOptions: ParsableArguments {
    enum Format: String, CaseIterable, ExpressibleByArgument {
        /// One a line in compiler form, notes on the lines after, then a count.
        case text
        /// One JSON array of objects (id, severity, path, line, column, message, suggestion, notes), for tools and editors.
        case json
    }

    @Option(name: .customLong("diagnostics"), help: "How problems are written to standard error: text (compiler form) or json (one JSON array, for tools and editors).")
    var format: Format = .text

    /// Prints the diagnostics, sorted; returns whether the run must fail (errors, or warnings with `strict`).
    /// JSON is printed also when there are none, so standard error is always one document.
    func report(_ diagnostics: Diagnostics, strict: Bool) -> Bool {
        let errors = diagnostics.all.filter { $0.severity == .error }.count
        let warnings = diagnostics.all.count - errors
        switch format {
        case .json:
            printError(diagnostics.json.serialized(), newline: false)
        case .text:
            for diagnostic in diagnostics.sorted { printError(diagnostic.formatted) }
            if errors > 0 || warnings > 0 {
                printError("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
            }
        }
        return errors > 0 || (strict && warnings > 0)
    }

    /// A line for people ([1/4] load, nothing written): in text form only, so JSON stays one document.
    func say(_ line: String) {
        if format == .text { printError(line) }
    }
}
