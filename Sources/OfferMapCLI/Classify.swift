import OfferMapModel
import OfferMapInput
import OfferMapClassifier
import OfferMapWeights
import OfferMapAnalysis
import OfferMapRender
import ArgumentParser
import Foundation
import OfferMapCore

/// Reads JSON Lines; every line must be an object. A line that is not is a diagnostic with its line number.
func readJSONLines(_ path: String, diagnostics: inout Diagnostics) throws -> [(line: Int, object: [String: Any])] {
    let data: Data
    if path == "-" {
        data = FileHandle.standardInput.readDataToEndOfFile()
    } else {
        guard let contents = FileManager.default.contents(atPath: path) else { throw UsageError("cannot read '\(path)'") }
        data = contents
    }
    let name = path == "-" ? "<stdin>" : path
    var result: [(Int, [String: Any])] = []
    let text = String(decoding: data, as: UTF8.self)
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { continue }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(trimmed.utf8))) as? [String: Any] else {
            diagnostics.error(.notAnObject, SourceLocation(path: name, line: index + 1), "not a JSON object", suggestion: "one object per line, e.g. {\"id\": \"x\", \"title\": \"…\"}")
            continue
        }
        result.append((index + 1, object))
    }
    return result
}

func strings(_ value: Any?) -> [String] { (value as? [Any])?.compactMap { $0 as? String } ?? [] }

/// The taxonomy (`--taxonomy FILE`, else the default taxonomy of the inputs folder, else the shipped one,
/// as `validate` reads it) and the JSON Lines of `classify` and `eval`. A broken taxonomy stops before
/// the lines are read; otherwise the problems of both are reported together.
func readInputs(taxonomy file: String?, lines path: String, folder: InputsFolder) throws -> (Taxonomy, [(line: Int, object: [String: Any])]) {
    var diagnostics = Diagnostics()
    let taxonomy = InputLoader.taxonomy(file: file, inputs: folder.inputs, diagnostics: &diagnostics)
    if diagnostics.hasErrors {
        _ = folder.reporting.report(diagnostics, strict: false)
        throw ExitCode(1)
    }
    let lines = try readJSONLines(path, diagnostics: &diagnostics)
    if folder.reporting.report(diagnostics, strict: false) { throw ExitCode(1) }
    return (taxonomy, lines)
}

struct Classify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Classify offers: JSON Lines in (id, title, description), JSON Lines out (id, phases, categories, evidence).")

    @Option(help: "Taxonomy file (default: <inputs>/taxonomy.yaml).")
    var taxonomy: String?

    @OptionGroup var folder: InputsFolder

    @Argument(help: "JSON Lines file, or - for standard input.")
    var file = "-"

    func run() throws {
        let (taxonomy, lines) = try readInputs(taxonomy: taxonomy, lines: file, folder: folder)
        let classifier = ShippedClassifier.make(taxonomy)
        var out = ""
        for (_, object) in lines {
            let labels = classifier.classify(title: object["title"] as? String ?? "", description: object["description"] as? String ?? "")
            let offer = Offer(id: object["id"] as? String ?? "", title: object["title"] as? String ?? "",
                              description: object["description"] as? String ?? "", location: SourceLocation(path: file))
            var line = JSONWriter(compact: true)
            line.object { json in
                json.key("categories"); json.ids(labels.categories)
                json.key("evidence"); json.array(labels.evidence) { EvidenceJSON.write($1, in: offer, into: &$0) }
                json.key("id"); json.optional(object["id"] as? String)
                json.key("phases"); json.ids(labels.phases)
            }
            out += line.text
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "How well the classifier does: without FILE, leaving each source of the shipped labeled offers out in turn; with FILE, on those labeled JSON Lines.",
        discussion: """
        Without FILE the headline is leave-one-source-out: a model trained on every other source classifies the offers \
        of one writer it has never read (the dev offers, the three writers of dev-2, the project's own written sets). \
        Then the reliability of the probabilities and, as a second figure, 5-fold cross-validation within the dev offers.
        """)

    @Option(help: "Taxonomy file (default: <inputs>/taxonomy.yaml).")
    var taxonomy: String?

    @OptionGroup var folder: InputsFolder

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @Option(help: "With FILE: cross-validate with this many folds (a model trained on the other folds and the shipped offers classifies each fold).")
    var folds: Int?

    @Option(help: "With --folds: repeat the cross-validation over this many assignments of offers to folds and count them all.")
    var repeats = 1

    @Flag(help: "With FILE: use a model trained on the shipped extra offers only (none of the offers labeled by people).")
    var extraOnly = false

    @Flag(help: "Without FILE: print the Platt scaling that calibrates the probabilities, fitted on the held-out sources (with --only: on those).")
    var calibrate = false

    @Flag(help: "Time training and classification instead of scoring.")
    var speed = false

    @Flag(help: "Whether the counties' own labels teach: each institution's confirmed offers classified without and with the other institutions' (--inputs).")
    var countyLabels = false

    @Option(help: "Without FILE: read the labeled offers from DIR/dev/*.jsonl and DIR/*.jsonl instead of the compiled-in ones.")
    var data: String?

    @Option(help: "Without FILE: hold out only these sources (comma-separated, e.g. offers-dev,offers-dev-2/a); skips the dev cross-validation.")
    var only: String?

    @Flag(help: "With --only: list each held-out offer with a wrong or missing label (gold, then given).")
    var mistakes = false

    @Option(help: "Without FILE: change a classifier setting for this run (name=value, comma-separated, e.g. threshold=0.4).")
    var set: String?

    @Argument(help: "Labeled JSON Lines file (default: the shipped labeled offers, source by source).")
    var file: String?

    func run() throws {
        if countyLabels { return try counties() }
        guard let file else { return try sources() }
        let (taxonomy, lines) = try readInputs(taxonomy: taxonomy, lines: file, folder: folder)
        let items = lines.map { _, object in
            LabeledText(id: object["id"] as? String ?? "", title: object["title"] as? String ?? "",
                        description: object["description"] as? String ?? "",
                        phases: strings(object["phases"]).map(PhaseID.init), categories: strings(object["categories"]).map(CategoryID.init))
        }
        if speed { return time(taxonomy, items) }
        let result: EvaluationReport
        if let folds {
            let others = ShippedClassifier.training.filter { item in !items.contains { $0.id == item.id } }
            result = CrossValidation.run(taxonomy: taxonomy, items: items, extra: others, k: folds, repeats: repeats)
        } else {
            let classifier = extraOnly ? Classifier(taxonomy: taxonomy, training: ShippedClassifier.extra) : ShippedClassifier.make(taxonomy)
            result = Evaluation.run(classifier, on: items)
        }
        if !json, folds != nil, repeats > 1 { print("\(items.count) offers × \(repeats) assignments to folds:") }
        print(json ? result.json.serialized() : result.text + "\n\n" + Reliability(result.given).text)
    }

    /// Leave one source out, the reliability of the probabilities, and cross-validation within the dev offers.
    func sources() throws {
        var diagnostics = Diagnostics()
        let taxonomy = InputLoader.taxonomy(file: taxonomy, inputs: folder.inputs, diagnostics: &diagnostics)
        if folder.reporting.report(diagnostics, strict: false) { throw ExitCode(1) }
        let training = try data.map(Eval.read) ?? ShippedClassifier.training
        var overrides: [String: Double] = [:]
        for pair in (set ?? "").split(separator: ",") {
            let parts = pair.split(separator: "=")
            guard parts.count == 2, let value = Double(parts[1]) else { throw UsageError("--set expects name=value, got '\(pair)'") }
            overrides[String(parts[0])] = value
        }
        let only = self.only.map { Set($0.split(separator: ",").map(String.init)) }
        let reports = SourceValidation.run(taxonomy: taxonomy, items: training, only: only, overrides: overrides)
        if only != nil {
            func f(_ x: Double) -> String { x.formatted(digits: 3) }
            var sums = (0.0, 0.0)
            for (source, report) in reports {
                print("held out: \(source) (\(report.items) offers) — phases \(f(report.micro(.phases))), categories \(f(report.micro(.categories)))")
                sums.0 += report.micro(.phases); sums.1 += report.micro(.categories)
            }
            let n = Double(max(reports.count, 1))
            print("mean of these: phases \(f(sums.0 / n)), categories \(f(sums.1 / n))")
            if !json { print("\nper label, these sources together:\n" + CrossValidation.merged(reports.map(\.report)).text) }
            if mistakes {
                print("\nMISTAKES (id: gold → given)")
                for (_, report) in reports {
                    for m in report.mistakes {
                        print("\(m.id): \(m.gold.map(\.rawValue).joined(separator: ",")) → \(m.given.map(\.rawValue).joined(separator: ","))")
                    }
                }
            }
            if calibrate {
                // fitted on the sources held out here, so a source kept out of every decision can stay out of this one too
                let held = reports.map(\.report)
                print("\nRELIABILITY of the labels given, these sources held out\n" + Reliability(held.flatMap(\.given)).text)
                let fitted = SourceValidation.calibration(held)
                print("Platt scaling fitted on these: phases \(fitted.phases), categories \(fitted.categories)")
            }
            return
        }
        let headline = SourceValidation.headline(reports)
        let human = reports.filter { SourceValidation.isHuman($0.source) }.map(\.report)
        let reliability = Reliability(human.flatMap(\.given))
        let dev = training.filter { $0.source == "offers-dev" }
        let crossValidated = CrossValidation.run(taxonomy: taxonomy, items: dev, extra: training.filter { $0.source != "offers-dev" })
        if json {
            print(JSON.object([
                "leave_one_source_out": headline.json,
                "sources": .object(Dictionary(uniqueKeysWithValues: reports.map { ($0.source, $0.report.json) })),
                "expected_calibration_error": .double(reliability.expectedError),
                "dev_cross_validation": crossValidated.json,
            ]).serialized())
            return
        }
        func f(_ x: Double) -> String { x.formatted(digits: 3) }
        print("LEAVE ONE SOURCE OUT (headline: the \(human.count) sources labeled by people, \(headline.items) offers)")
        print("phases micro-F1 \(f(headline.micro(.phases))), categories micro-F1 \(f(headline.micro(.categories)))\n")
        for (source, report) in reports {
            print("held out: \(source) (\(report.items) offers) — phases \(f(report.micro(.phases))), categories \(f(report.micro(.categories)))")
        }
        print("\nper label, the human sources together:\n" + headline.text)
        print("\nRELIABILITY of the labels given, human sources held out\n" + reliability.text)
        if calibrate {
            let fitted = SourceValidation.calibration(human)
            print("\nPlatt scaling fitted on these: phases \(fitted.phases), categories \(fitted.categories)")
        }
        print("\nSECOND FIGURE: 5-fold cross-validation within the dev offers (everything else always trained on)")
        print("phases micro-F1 \(f(crossValidated.micro(.phases))), categories micro-F1 \(f(crossValidated.micro(.categories)))")
    }

    func counties() throws {
        var diagnostics = Diagnostics()
        let counties = try InputLoader.load(inputs: folder.inputs, diagnostics: &diagnostics)
        if folder.reporting.report(diagnostics, strict: false) { throw ExitCode(1) }
        func f(_ x: Double) -> String { x.formatted(digits: 3) }
        for county in counties {
            let (without, with) = CountyLearning.run(county, shipped: ShippedClassifier.make(county.taxonomy), training: ShippedClassifier.training)
            print("\(county.id): \(without.items) confirmed offers, each institution left out in turn")
            print("  shipped model:             phases \(f(without.micro(.phases))), categories \(f(without.micro(.categories)))")
            print("  with the county's labels:  phases \(f(with.micro(.phases))), categories \(f(with.micro(.categories)))")
        }
    }

    /// Labeled offers from DIR/dev/*.jsonl, then DIR/*.jsonl, each folder's files in name order (as ShippedClassifier).
    static func read(_ directory: String) throws -> [LabeledText] {
        var result: [LabeledText] = []
        for folder in [directory + "/dev", directory] {
            var files: [String: String] = [:]
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []) where name.hasSuffix(".jsonl") {
                guard let contents = FileManager.default.contents(atPath: folder + "/" + name) else {
                    throw UsageError("cannot read '\(folder)/\(name)'")
                }
                files[String(name.dropLast(6))] = String(decoding: contents, as: UTF8.self)
            }
            result += ShippedClassifier.parse(files)
        }
        guard !result.isEmpty else { throw UsageError("no labeled offers in '\(directory)'") }
        return result
    }

    func time(_ taxonomy: Taxonomy, _ items: [LabeledText]) {
        let start = Date()
        let classifier = ShippedClassifier.make(taxonomy)
        let trained = Date()
        var labels = 0
        let rounds = max(1, 20_000 / max(items.count, 1))
        var perOffer: [Double] = []
        for nearMisses in [false, true] {
            let begin = Date()
            for _ in 0..<rounds {
                for item in items {
                    labels += classifier.classify(title: item.title, description: item.description, nearMisses: nearMisses).phases.count
                }
            }
            perOffer.append(Date().timeIntervalSince(begin) / Double(rounds * items.count) * 1e6)
        }
        print(String(format: "loading the classifier %.3f s; classification %.1f µs per offer (%.1f µs with near misses, for explain); %d offers, %d labels",
                     trained.timeIntervalSince(start), perOffer[0], perOffer[1], rounds * items.count, labels))
    }
}
