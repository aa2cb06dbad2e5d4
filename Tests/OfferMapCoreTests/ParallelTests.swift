import Foundation
import Testing
@testable import OfferMapModel
@testable import OfferMapInput
@testable import OfferMapClassifier
@testable import OfferMapWeights
@testable import OfferMapAnalysis
@testable import OfferMapRender
@testable import OfferMapCore

/// Loading, classification and rendering run in parallel; the output must not notice.
@Suite struct ParallelTests {
    static let sampleInputs = repositoryRoot.appendingPathComponent("inputs").path

    func output(threads: Int, publish: Bool) async throws -> [String: Data] {
        let out = NSTemporaryDirectory() + "offermap-parallel-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: out) }
        var options = BuildOptions(date: Day("2026-11-25")!)
        options.classifiers = testClassifiers
        options.inputs = ParallelTests.sampleInputs
        options.out = out
        options.threads = threads
        let result = publish ? try await Pipeline.publish(options, baseURL: nil) : try await Pipeline.build(options)
        #expect(!result.blocked)
        var files: [String: Data] = [:]
        for path in FileManager.default.enumerator(atPath: out)?.allObjects as? [String] ?? [] {
            if let data = FileManager.default.contents(atPath: out + "/" + path) { files[path] = data }
        }
        return files
    }

    @Test func parallelBuildEqualsSingleThreadedBuild() async throws {
        let single = try await output(threads: 1, publish: false)
        let parallel = try await output(threads: 4, publish: false)
        #expect(single.count == 12)
        #expect(single == parallel)
    }

    @Test func parallelSiteEqualsSingleThreadedSite() async throws {
        let single = try await output(threads: 1, publish: true)
        #expect(single.count > 50)
        #expect(single == (try await output(threads: 4, publish: true)))
    }

    @Test func parallelMapKeepsOrder() async {
        let items = Array(0..<1000)
        #expect(await Parallel.map(items, threads: 3) { $0 * 2 } == items.map { $0 * 2 })
    }
}
