import OfferMapModel
import Foundation

/// Writes generated files under the output root without ever leaving it:
/// everything goes to a staging folder first and is then renamed into place,
/// file by file. Files the tool did not generate are never touched.
///
/// A streaming writer puts each file into the staging folder as soon as it is added, so that
/// large runs do not hold every rendered file in memory; nothing outside the staging folder
/// changes before `commit()`.
public struct OutputWriter {
    public let root: String
    /// Relative path (slug folders and fixed names only) → content; empty when streaming.
    public private(set) var files: [String: String] = [:]
    private let streaming: Bool
    private var staged: [String] = []
    /// Whether staging made the output root, which `discard()` then takes away again.
    private var madeRoot = false
    /// Whether `staging()` has prepared the staging folder (before anything may be staged in it).
    private var prepared = false
    private var stagingFolder: String { root + "/.offermap-staging-\(ProcessInfo.processInfo.processIdentifier)" }

    public init(root: String, streaming: Bool = false) {
        self.root = root
        self.streaming = streaming
    }

    /// Keeps the file in memory until `commit()`.
    public mutating func add(_ relativePath: String, _ content: String) {
        precondition(OutputWriter.isSafe(relativePath) && !streaming, "unsafe output path \(relativePath)")
        files[relativePath] = content
    }

    /// Puts the file into the staging folder now (streaming writers only).
    public mutating func stream(_ relativePath: String, _ content: String) throws {
        precondition(streaming, "stream needs a streaming writer")
        try staging().write(relativePath, content)
        staged.append(relativePath)
    }

    /// The staging folder for tasks that put files there side by side; `staged(_:)` tells the writer their paths.
    public mutating func staging() throws -> Staging {
        if !prepared { try prepareStaging() }
        prepared = true
        return Staging(folder: stagingFolder)
    }

    /// Paths put into the staging folder through `staging()`.
    public mutating func staged(_ paths: [String]) { staged += paths }

    /// Opens a file in the staging folder to be written piece by piece (streaming writers only),
    /// so that a large file never has to exist as one string.
    public mutating func open(_ relativePath: String) throws -> OutputFile {
        precondition(OutputWriter.isSafe(relativePath) && streaming, "unsafe output path \(relativePath)")
        _ = try staging()
        let target = stagingFolder + "/" + relativePath
        try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        staged.append(relativePath)
        return try OutputFile(path: target)
    }

    /// A relative path of plain components: no `..`, no absolute path, no odd characters.
    public static func isSafe(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { part in
            !part.isEmpty && part != "." && part != ".." && part.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0))
            }
        }
    }

    private mutating func prepareStaging() throws {
        madeRoot = !FileManager.default.fileExists(atPath: root)
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(atPath: stagingFolder)
    }

    /// Drops what was staged; the output stays as it was.
    public mutating func discard() {
        if prepared {
            try? FileManager.default.removeItem(atPath: stagingFolder)
            if madeRoot { try? FileManager.default.removeItem(atPath: root) }
        }
        staged = []
        files = [:]
        prepared = false
    }

    /// Moves every file into place; returns the written paths (sorted) or throws with nothing replaced.
    @discardableResult
    public mutating func commit() throws -> [String] {
        let manager = FileManager.default
        if !streaming {
            let staging = try staging()
            for path in files.keys.sorted() { try staging.write(path, files[path]!) }
            staged = files.keys.sorted()
        }
        defer { try? manager.removeItem(atPath: stagingFolder) }
        guard !staged.isEmpty else { return [] }
        let paths = staged.sorted()
        var folders: Set<String> = []
        for path in paths {
            let target = root + "/" + path
            let folder = (target as NSString).deletingLastPathComponent
            if folders.insert(folder).inserted { try manager.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            if rename(stagingFolder + "/" + path, target) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target])
            }
        }
        return paths.map { root + "/" + $0 }
    }

    /// Plain open/write/close: no fsync per file (see shared/PERFORMANCE.md).
    static func write(_ content: String, to path: String) throws {
        var content = content
        try content.withUTF8 { try write($0, to: path) }
    }

    static func write(_ pieces: UnsafeBufferPointer<UInt8>..., to path: String) throws {
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(fd) }
        for bytes in pieces { try writeAll(fd, bytes, path: path) }
    }

    static func writeAll(_ fd: Int32, _ bytes: UnsafeBufferPointer<UInt8>, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            guard written > 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
            offset += written
        }
    }
}

/// The staging folder of a streaming writer, for tasks that write their files side by side.
public struct Staging: Sendable {
    let folder: String

    public func write(_ relativePath: String, _ content: String) throws {
        var folders: Set<String> = []
        try write(relativePath, .text(content), folders: &folders)
    }

    /// Writes each file under `folder` (empty or ending in "/"); returns their paths.
    public func write(_ files: [(path: String, content: FileContent)], under folder: String = "") throws -> [String] {
        var folders: Set<String> = []
        return try files.map { file in
            try write(folder + file.path, file.content, folders: &folders)
            return folder + file.path
        }
    }

    /// `folders`: those made before, which need no second look.
    private func write(_ relativePath: String, _ content: FileContent, folders: inout Set<String>) throws {
        precondition(OutputWriter.isSafe(relativePath), "unsafe output path \(relativePath)")
        let target = folder + "/" + relativePath
        let parent = (target as NSString).deletingLastPathComponent
        if folders.insert(parent).inserted { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) }
        switch content {
        case .text(let text): try OutputWriter.write(text, to: target)
        case .json(let json):
            // the document's bytes, then the final line end that `FileContent.text` has
            try json.withBytes { bytes in try [UInt8(ascii: "\n")].withUnsafeBufferPointer { try OutputWriter.write(bytes, $0, to: target) } }
        }
    }
}

/// A staged file written in pieces; the pieces are buffered and written in blocks of about 1 MB.
public final class OutputFile {
    private let path: String
    private let fd: Int32
    private var buffer = ""

    init(path: String) throws {
        self.path = path
        fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
    }

    deinit { Glibc.close(fd) }

    public func append(_ text: String) throws {
        buffer += text
        if buffer.utf8.count >= 1 << 20 { try flush() }
    }

    public func flush() throws {
        try buffer.withUTF8 { try OutputWriter.writeAll(fd, $0, path: path) }
        buffer = ""
    }
}

/// Writes a JSON array item by item into a file, byte-identical to `JSON.array(items).serialized()`,
/// without holding the items or the whole text at once.
package struct JSONArrayWriter {
    private let file: OutputFile
    private var text = "["
    private var count = 0

    package init(_ file: OutputFile) { self.file = file }

    package mutating func append(_ item: JSON) throws { try append(written: item.written(indent: 1)) }

    /// What stands between two items.
    package static let separator = ",\n  "

    /// An item already written as `JSON.written(indent: 1)` gives it.
    package mutating func append(written item: String) throws { try append(joined: item, count: 1) }

    /// `count` items already written as `JSON.written(indent: 1)` gives them, joined by `separator`.
    package mutating func append(joined items: String, count added: Int) throws {
        guard added > 0 else { return }
        text += count == 0 ? "\n  " : JSONArrayWriter.separator
        text += items
        count += added
        if text.utf8.count >= 1 << 16 {
            try file.append(text)
            text = ""
        }
    }

    package mutating func finish() throws {
        try file.append(count == 0 ? "[]\n" : text + "\n]\n")
        try file.flush()
    }
}
