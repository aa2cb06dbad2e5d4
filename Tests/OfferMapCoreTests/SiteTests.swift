import Foundation
import Testing
@testable import OfferMapModel
@testable import OfferMapInput
@testable import OfferMapClassifier
@testable import OfferMapWeights
@testable import OfferMapAnalysis
@testable import OfferMapRender
@testable import OfferMapCore

@Suite struct SiteTests {
    func publish(baseURL: String? = nil) async throws -> (Scratch, BuildResult) {
        let scratch = Scratch([:], taxonomy: false)
        try FileManager.default.copyItem(atPath: GoldenTests.folder.appendingPathComponent("inputs").path, toPath: scratch.path("inputs"))
        var options = BuildOptions(date: Day("2026-11-25")!)
        options.classifiers = testClassifiers
        options.inputs = scratch.path("inputs")
        options.out = scratch.path("out")
        return (scratch, try await Pipeline.publish(options, baseURL: baseURL))
    }

    func files(_ scratch: Scratch) -> [String] {
        (FileManager.default.enumerator(atPath: scratch.path("out/site"))?.allObjects as? [String] ?? [])
            .filter { !$0.hasSuffix("/") && FileManager.default.contents(atPath: scratch.path("out/site/\($0)")) != nil }.sorted()
    }

    @Test func pageListOfTheSampleSite() async throws {
        let (scratch, result) = try await publish(baseURL: "https://kreis.example/gruenden")
        #expect(!result.blocked)
        let url = GoldenTests.folder.deletingLastPathComponent().appendingPathComponent("site-pages.txt")
        let list = files(scratch).joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["OFFERMAP_RECORD"] != nil { try Data(list.utf8).write(to: url) }
        #expect(list == (try String(contentsOf: url, encoding: .utf8)))
        #expect(scratch.read("out/site/sitemap.xml")!.contains("<loc>https://kreis.example/gruenden/musterkreis/index.html</loc>"))
    }

    @Test func noPrivateContactAnywhere() async throws {
        let (scratch, _) = try await publish()
        let all = files(scratch)
        #expect(all.count > 15)
        for path in all {
            let text = scratch.read("out/site/\(path)")!
            #expect(!text.contains("Paul Privat"), "\(path) shows a private contact")
            #expect(!text.contains("p.privat@wfg.example"), "\(path) shows a private e-mail")
        }
        #expect(scratch.read("out/site/musterkreis/institutions/wfg.html")!.contains("Erika Beispiel"))
    }

    /// The public site and the public report of the sample counties name no institution as stale, isolated, unlinked,
    /// thin, overlapping or broken, and give no next steps: those judgements are for the network's own overview.
    @Test func publicOutputOfTheSampleCountiesHasNoInternalFindings() async throws {
        let scratch = Scratch([:], taxonomy: false)
        var options = BuildOptions(date: Day("2026-12-05")!)
        options.classifiers = testClassifiers
        options.inputs = repositoryRoot.appendingPathComponent("inputs").path
        options.out = scratch.path("out")
        options.audience = .public
        let built = try await Pipeline.build(options)
        _ = try await Pipeline.publish(options, baseURL: nil)
        // the pages and reports of the counties (the comparison counts overlaps per county, naming no institution)
        let paths = (FileManager.default.enumerator(atPath: scratch.path("out"))?.allObjects as? [String] ?? [])
            .filter { ($0.hasSuffix(".html") || $0.hasSuffix(".md")) && !$0.contains("compare") }
        let text = paths.compactMap { scratch.read("out/\($0)") }.joined(separator: "\n")
        let data = (FileManager.default.enumerator(atPath: scratch.path("out"))?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".json") }.compactMap { scratch.read("out/\($0)") }.joined(separator: "\n")
        let de = Texts.shipped(.de)
        var judgements = FindingKind.allCases.filter { !Audience.public.shows($0) && $0 != .unclassified }.map { de("kind.\($0.rawValue)") }
        judgements += [de("network.unlinked"), de("network.unreferenced"), "refers_to", "⚠", "Nächster Schritt"]
        for landscape in built.landscapes {
            let wording = Wording(landscape: landscape, texts: de)
            for finding in landscape.findings where !Audience.public.shows(finding.kind) && finding.kind != .unclassified {
                judgements.append(wording.message(finding))
            }
        }
        let found = Set(judgements.filter(text.contains)).union(judgements.filter { $0.count > 20 && data.contains($0) })
        #expect(found.isEmpty, "internal findings in public output: \(found.sorted().prefix(5))")
        #expect(text.contains(de("kind.gap")))
    }

    @Test func linksAreRelativeAndNothingComesFromTheNetwork() async throws {
        let (scratch, _) = try await publish()
        for path in files(scratch) where path.hasSuffix(".html") {
            let html = scratch.read("out/site/\(path)")!
            #expect(!html.contains("src=\"http"), "\(path)")
            #expect(!html.contains("href=\"/"), "\(path)")
            #expect(!html.contains("<link rel=\"stylesheet\" href=\"http"), "\(path)")
            #expect(!html.contains("@import"), "\(path)")
        }
        #expect(!scratch.read("out/site/assets/site.css")!.contains("url("))
    }

    @Test func everyCountyHasItsOwnFinderAndTheNationalOneSendsThere() async throws {
        let (scratch, result) = try await publish()
        let county = scratch.read("out/site/musterkreis/finder.html")!
        #expect(county.contains("<script src=\"../assets/finder.js\"></script>"))
        #expect(!county.contains("name=\"county\""))
        #expect(county.contains("data-county=\"musterkreis\""))
        let view = SiteView(landscapes: result.landscapes, texts: .shipped(.de), date: Day("2026-11-25")!)
        let national = view.finder(limit: 3)
        #expect(national["choosing"] as? Bool == true)
        #expect(national["offers"] == nil)
        #expect(view.finder()["choosing"] == nil)
    }

    @Test func withoutBaseURLNoSitemap() async throws {
        let (scratch, _) = try await publish()
        #expect(scratch.read("out/site/sitemap.xml") == nil)
    }

    @Test func hsdsUsesStableUUIDs() async {
        #expect(HSDS.uuid("organization:k/wfg") == HSDS.uuid("organization:k/wfg"))
        #expect(HSDS.uuid("organization:k/wfg") != HSDS.uuid("organization:k/ihk"))
        let uuid = HSDS.uuid("x")
        #expect(uuid.count == 36 && uuid.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12])
        #expect(Array(uuid)[14] == "8")
        // the same ids from run to run and from version to version: open data users keep them
        #expect(HSDS.uuid("organization:k/wfg") == "8136ca11-c2f8-841c-ac72-dc4875e5444d")
    }
}

/// Every public institution page says how to reach the institution.
@Suite struct SiteContactTests {
    func institutionPages(_ out: String) -> [String: String] {
        var pages: [String: String] = [:]
        for path in FileManager.default.enumerator(atPath: out + "/site")?.allObjects as? [String] ?? []
        where path.contains("/institutions/") && path.hasSuffix(".html") {
            pages[path] = FileManager.default.contents(atPath: out + "/site/" + path).map { String(decoding: $0, as: UTF8.self) }
        }
        return pages
    }

    @Test func everySampleInstitutionPageOffersAWayToMakeContact() async throws {
        let samples = Samples()
        _ = try await Pipeline.publish(samples.options, baseURL: nil)
        let pages = institutionPages(samples.options.out)
        #expect(pages.count > 40)
        for (path, page) in pages {
            let main = page.components(separatedBy: "<main")[1]
            let meta = main.components(separatedBy: "<p class=\"meta\">")[1].components(separatedBy: "</p>")[0]
            let address = meta.components(separatedBy: " · ").dropFirst().contains { !$0.hasPrefix("Angaben bestätigt") }
            let ways = [main.contains("<ul class=\"contacts\">"), main.contains("<p><a href=\"http"), address, main.contains("Kontakt über <a href=")]
            #expect(ways.contains(true), "\(path) offers no way to make contact")
            #expect(main.range(of: #"\((?:[a-z]{2}, )*[a-z]{2}\)"#, options: .regularExpression) == nil, "\(path) shows a language code")
        }
    }

    @Test func withNothingPublicTheReferringInstitutionIsTheWay() async throws {
        let scratch = county([
            inst("wfg", type: "wirtschaftsfoerderung", refers: ["verein"], offers: [offer("BP", "vorgruendung", "beratung")]),
            inst("ihk", type: "kammer", refers: ["verein"], offers: [offer("BP", "vorgruendung", "beratung")]),
            inst("verein", type: "mso", offers: [offer("Treff", "orientierung", "netzwerk")]),
        ])
        var options = BuildOptions(date: Day("2026-11-25")!)
        options.classifiers = testClassifiers
        options.inputs = scratch.root
        options.out = scratch.path("out")
        _ = try await Pipeline.publish(options, baseURL: nil)
        let verein = try #require(scratch.read("out/site/k/institutions/verein.html"))
        #expect(verein.contains("Kontakt über <a href=\"ihk.html\">IHK</a>, <a href=\"wfg.html\">WFG</a></p>"))
        #expect(scratch.read("out/site/k/institutions/wfg.html")?.contains("Kontakt über") == false)
    }
}
