import OfferMapModel
import OfferMapInput
import OfferMapCore
import Foundation

/// What `offermap serve` keeps between requests: the last good build of the inputs (in a preview folder), the input
/// errors that stopped a later one, the files as they were shown, and the writes that can be taken back.
public actor Workspace {
    public struct Write: Sendable {
        var path: String
        var before: String
        var after: String
        var title: String
    }

    public nonisolated let inputs: String
    public nonisolated let out: String
    public nonisolated let token: String
    private var options: BuildOptions
    public private(set) var generation = 0
    public private(set) var landscapes: [Landscape] = []
    public private(set) var errors: [Diagnostic] = []
    private var stamps: [String: String] = [:]
    private var running: Task<Void, Never>?
    /// Taken back newest first; one entry per confirmation.
    private var writes: [Write] = []
    /// File texts by the version the pages showed them under, to tell what changed when a confirmation comes too late.
    private var shown: [String: String] = [:]
    /// One message per county for the next review page (after a confirmation or an undo).
    private var notices: [String: String] = [:]

    public init(inputs: String, options: BuildOptions) throws {
        self.inputs = URL(fileURLWithPath: inputs).standardizedFileURL.resolvingSymlinksInPath().path
        out = FileManager.default.temporaryDirectory.appendingPathComponent("offermap-serve-\(UUID().uuidString)").path
        var options = options
        options.inputs = self.inputs
        options.out = out
        options.classifiers = options.classifiers ?? ClassifierCache()
        options.reviewPages = true
        self.options = options
        var random = SystemRandomNumberGenerator()
        token = (0..<4).map { _ in String(random.next(), radix: 16) }.joined()
    }

    /// Builds again when a file under the inputs was added, removed or changed since the last build.
    public func refreshIfChanged() async { await rebuild(always: false) }

    /// One build at a time. A refresh waits for the build before it and then looks again: a change that build
    /// already saw (a confirmation's own write) does not build twice.
    public func rebuild(always: Bool = true) async {
        let previous = running
        let task = Task { await previous?.value; await self.build(always: always) }
        running = task
        await task.value
    }

    private func build(always: Bool) async {
        let now = Workspace.stamps(of: inputs)
        guard always || now != stamps else { return }
        stamps = now
        options.date = .today
        do {
            let result = try await Pipeline.preview(options)
            if result.blocked {
                errors = result.diagnostics.all.filter { $0.severity == .error }
            } else {
                errors = []
                landscapes = result.landscapes
            }
        } catch {
            errors = [Diagnostic(.unreadableFile, .error, SourceLocation(path: inputs), "\(error)")]
        }
        generation += 1
    }

    public func landscape(_ county: String) -> Landscape? { landscapes.first { $0.county.id == county } }

    /// The file's text now and the version a page sends back with a confirmation.
    public func show(_ path: String) -> (text: String, version: String)? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let version = Workspace.version(text)
        shown[version] = text
        return (text, version)
    }

    public func text(shownAs version: String) -> String? { shown[version] }

    public func record(_ write: Write) { writes.append(write) }
    public func lastWrite() -> Write? { writes.last }
    public func dropLastWrite() { _ = writes.popLast() }

    public func notice(_ county: String, _ text: String) { notices[county] = text }
    public func takeNotice(_ county: String) -> String? { notices.removeValue(forKey: county) }

    public static func version(_ text: String) -> String { String(FNV1a.hash(text.utf8), radix: 16) }

    /// Path, size and modification time of every file under the folder: cheap to take twice a second.
    static func stamps(of folder: String) -> [String: String] {
        var result: [String: String] = [:]
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]
        guard let walk = FileManager.default.enumerator(at: URL(fileURLWithPath: folder), includingPropertiesForKeys: keys) else { return [:] }
        for case let url as URL in walk {
            guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
            result[url.path] = "\(values.fileSize ?? 0) \(values.contentModificationDate?.timeIntervalSince1970 ?? 0)"
        }
        return result
    }
}
