/// Maps in parallel with structured concurrency and keeps the input order, so that output
/// does not depend on which task finishes first. Work is cut into a few chunks per core.
public enum Parallel {
    public static let width = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Groups of counties small enough to hold their rendered files, large enough to keep every core busy.
    public static func batches<T>(_ items: [T], threads: Int = width) -> [ArraySlice<T>] {
        let size = max(8, threads * 8)
        return stride(from: 0, to: items.count, by: size).map { items[$0..<min($0 + size, items.count)] }
    }

    /// `perTask`: items one task takes (default: a few tasks per core); fewer evens out items of unequal cost.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], threads: Int = width, perTask: Int? = nil,
                                              _ transform: @escaping @Sendable (T) -> R) async -> [R] {
        guard items.count > 1, threads > 1 else { return items.map(transform) }
        let chunkSize = perTask ?? max(1, (items.count + threads * 4 - 1) / (threads * 4))
        let chunks = stride(from: 0, to: items.count, by: chunkSize).map { Array(items[$0..<min($0 + chunkSize, items.count)]) }
        var results = [[R]](repeating: [], count: chunks.count)
        await withTaskGroup(of: (Int, [R]).self) { group in
            for (index, chunk) in chunks.enumerated() {
                group.addTask { (index, chunk.map(transform)) }
            }
            for await (index, result) in group { results[index] = result }
        }
        return results.flatMap { $0 }
    }
}

import Foundation
