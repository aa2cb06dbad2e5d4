/// The 64-bit FNV-1a hash: stable across runs and machines (Swift's `Hasher` is seeded per process),
/// for ids, fold assignments and feature names.
public struct FNV1a: Sendable {
    public static let offset: UInt64 = 0xcbf29ce484222325
    public private(set) var value: UInt64

    public init(seed: UInt64 = FNV1a.offset) { value = seed }

    @inline(__always)
    public mutating func add(_ byte: UInt8) { value = (value ^ UInt64(byte)) &* 0x100000001b3 }

    public static func hash(_ bytes: some Sequence<UInt8>, seed: UInt64 = FNV1a.offset) -> UInt64 {
        var hash = FNV1a(seed: seed)
        for byte in bytes { hash.add(byte) }
        return hash.value
    }
}
