import Foundation

/// Writes generated files under the output root without ever leaving it:
/// everything goes to a staging folder first and is then renamed into place,
/// file by file. Files the tool did not generate are never touched.
public struct OutputWriter {
    public let root: String
    /// Relative path (slug folders and fixed names only) → content.
    public private(set) var files: [String: String] = [:]

    public init(root: String) {
        self.root = root
    }

    public mutating func add(_ relativePath: String, _ content: String) {
        precondition(OutputWriter.isSafe(relativePath), "unsafe output path \(relativePath)")
        files[relativePath] = content
    }

    /// A relative path of plain components: no `..`, no absolute path, no odd characters.
    static func isSafe(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { part in
            !part.isEmpty && part != "." && part != ".." && part.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0))
            }
        }
    }

    /// Writes every file; returns the written paths (sorted) or throws with nothing replaced.
    @discardableResult
    public func commit() throws -> [String] {
        let manager = FileManager.default
        try manager.createDirectory(atPath: root, withIntermediateDirectories: true)
        let staging = root + "/.offermap-staging-\(ProcessInfo.processInfo.processIdentifier)"
        try? manager.removeItem(atPath: staging)
        defer { try? manager.removeItem(atPath: staging) }
        let paths = files.keys.sorted()
        for path in paths {
            let target = staging + "/" + path
            try manager.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try OutputWriter.write(files[path]!, to: target)
        }
        for path in paths {
            let target = root + "/" + path
            try manager.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            if rename(staging + "/" + path, target) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target])
            }
        }
        return paths.map { root + "/" + $0 }
    }

    /// Plain open/write/close: no fsync per file (see shared/PERFORMANCE.md).
    static func write(_ content: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(fd) }
        var bytes = Array(content.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            guard written > 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
            offset += written
        }
    }
}
