import Foundation
import Testing
@testable import OfferMapModel
@testable import OfferMapInput
@testable import OfferMapClassifier
@testable import OfferMapWeights
@testable import OfferMapAnalysis
@testable import OfferMapRender
@testable import OfferMapCore

/// Thousands of mutations of the sample institution files (fixed seed): the loader must never
/// crash or hang, and every refused file must come with an error that has a location in it.
@Suite struct FuzzTests {
    static let samples: [String] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/golden/inputs/musterkreis/institutions")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().compactMap { try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
    }()

    static let alphabet: [UInt8] = Array(":-[]{}\"'&*#|>\t\n ,!%@`?é".utf8) + [0x00, 0xC3, 0xFF, 0x80]

    func mutate(_ text: String, _ random: inout SplitMix) -> Data {
        var bytes = Array(text.utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        switch random.next() % 7 {
        case 0 where lines.count > 1:
            lines.remove(at: Int(random.next() % UInt64(lines.count)))
            return Data(lines.joined(separator: "\n").utf8)
        case 1 where lines.count > 1:
            let i = Int(random.next() % UInt64(lines.count))
            lines.insert(lines[i], at: i)
            return Data(lines.joined(separator: "\n").utf8)
        case 2 where bytes.count > 2:
            let i = Int(random.next() % UInt64(bytes.count - 1))
            bytes.swapAt(i, i + 1)
        case 3:
            bytes = Array(bytes.prefix(Int(random.next() % UInt64(bytes.count + 1))))
        case 4:
            for _ in 0..<(1 + random.next() % 8) {
                bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: Int(random.next() % UInt64(bytes.count + 1)))
            }
        default:
            for _ in 0..<(1 + random.next() % 4) where !bytes.isEmpty {
                bytes[Int(random.next() % UInt64(bytes.count))] = FuzzTests.alphabet[Int(random.next() % UInt64(FuzzTests.alphabet.count))]
            }
        }
        return Data(bytes)
    }

    @Test func mutatedInputsGiveDiagnosticsNotCrashes() {
        let taxonomy = shippedTaxonomy()
        var random = SplitMix(seed: 20261125)
        var refused = 0
        #expect(FuzzTests.samples.count >= 5)
        for round in 0..<3000 {
            let sample = FuzzTests.samples[round % FuzzTests.samples.count]
            let data = mutate(sample, &random)
            var diagnostics = Diagnostics()
            let result = InstitutionLoader.parse(data, id: "fuzz", path: "fuzz.md", taxonomy: taxonomy, diagnostics: &diagnostics)
            let lineCount = data.filter { $0 == 0x0A }.count + 2
            for diagnostic in diagnostics.all {
                #expect(DiagnosticID.all.contains(diagnostic.id), "\(diagnostic.formatted)")
                for location in [diagnostic.location] + diagnostic.notes.map(\.location) {
                    #expect(location.path == "fuzz.md")
                    #expect(location.line >= 1 && location.line <= lineCount, "\(diagnostic.formatted)")
                }
                #expect(!diagnostic.message.isEmpty)
            }
            if result == nil {
                refused += 1
                #expect(diagnostics.hasErrors, "refused without an error: \(String(decoding: data, as: UTF8.self))")
            } else if let institution = result {
                let trained = classifier(taxonomy)
                for offer in institution.offers { _ = trained.classify(offer, institutionID: institution.id) }
            }
        }
        #expect(refused > 100)
    }
}
