/// Writes JSON straight into bytes, in `JSON`'s form (two-space indent, `<`, `>`, `&` escaped), without a tree
/// of values in between. The caller gives each object's members in sorted key order, as `JSON` sorts them;
/// a debug build checks it. `compact` writes everything on one line, for JSON Lines.
public struct JSONWriter {
    // Inlinable, so that each caller gets versions specialised to its sequences instead of generic ones.
    // The bytes: one block of memory, grown by doubling, written without checks per byte. Kept in the struct
    // (a class's fields would be checked for exclusive access at every byte); `storage` frees the block.
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var count = 0
    @usableFromInline var capacity: Int
    @usableFromInline let storage: Storage
    /// Items written so far in the innermost open array or object, and in those around it.
    @usableFromInline var itemCount = 0
    @usableFromInline var outerCounts: [Int] = []
    /// Open arrays and objects.
    @usableFromInline var depth = 0
    @usableFromInline var afterKey = false
    /// Indentation levels in front of everything, for a value written inside a larger document.
    @usableFromInline let baseIndent: Int
    @usableFromInline let compact: Bool
    #if DEBUG
    @usableFromInline var lastKeys: [String] = []
    #endif

    public init(capacity: Int = 0, indent: Int = 0, compact: Bool = false) {
        baseIndent = indent
        self.compact = compact
        self.capacity = max(capacity, 256)
        base = .allocate(capacity: self.capacity)
        storage = Storage(base)
    }

    var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// The text, with the final line end of a document (or of a JSON Lines line).
    public var text: String {
        var text = String(decoding: written, as: UTF8.self)
        text.append("\n")
        return text
    }

    /// The bytes written, without `text`'s final line end, for writing them out as they are.
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R { try body(written) }

    /// The text without a final line end, for a value inside a larger document.
    package var fragment: String { String(decoding: written, as: UTF8.self) }

    @inlinable public mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    @inlinable public mutating func array(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "["))
        body(&self)
        close(UInt8(ascii: "]"))
    }

    @inlinable public mutating func array<S: Sequence>(_ items: S, _ each: (inout JSONWriter, S.Element) -> Void) {
        array { writer in for item in items { each(&writer, item) } }
    }

    /// A member's name from the code; its value follows. Such names need no escaping and are copied as they are.
    @inlinable public mutating func key(_ name: StaticString) {
        #if DEBUG
        precondition(name.description.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F || $0 == 0x2D },
                     "JSONWriter: key '\(name)' is not plain; use key(text:)")
        checkOrder(name.description)
        #endif
        startItem()
        append(UInt8(ascii: "\""))
        append(name)
        append(UInt8(ascii: "\""))
        append(UInt8(ascii: ":"))
        if !compact { append(UInt8(ascii: " ")) }
        afterKey = true
    }

    /// A member's name from data, escaped; its value follows.
    @inlinable public mutating func key(text name: String) {
        #if DEBUG
        checkOrder(name)
        #endif
        startItem()
        quote(name)
        append(UInt8(ascii: ":"))
        if !compact { append(UInt8(ascii: " ")) }
        afterKey = true
    }

    @inlinable public mutating func string(_ text: String) {
        startItem()
        quote(text)
    }

    @inlinable public mutating func int(_ value: Int) { raw(String(value)) }
    /// Four decimals at most, trailing zeros dropped: `formatted(digits: 4).trimmingZeros`, written as digits
    /// without making the two Strings (landscape.json has several numbers per offer).
    public mutating func double(_ value: Double) {
        guard value.isFinite else { return null() }
        let rounded = (value * 10_000).rounded() / 10_000
        guard abs(rounded) < 1e15 else { return raw(value.formatted(digits: 4).trimmingZeros) }
        let whole = Int(rounded)
        var fraction = Int(((abs(rounded) - Double(abs(whole))) * 10_000).rounded())
        guard (0..<10_000).contains(fraction) else { return raw(value.formatted(digits: 4).trimmingZeros) }
        startItem()
        if rounded < 0 && whole == 0 { append(UInt8(ascii: "-")) }
        digits(whole.magnitude, count: 0, negative: whole < 0)
        var places = 4
        while places > 0 && fraction % 10 == 0 { fraction /= 10; places -= 1 }
        guard places > 0 else { return }
        append(UInt8(ascii: "."))
        digits(UInt(fraction), count: places, negative: false)
    }

    /// `value` in decimal, padded with zeros to `count` digits.
    private mutating func digits(_ value: UInt, count: Int, negative: Bool) {
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &buffer) { bytes in
            var end = bytes.count, rest = value
            repeat {
                end -= 1
                bytes[end] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0 || bytes.count - end < count
            if negative { end -= 1; bytes[end] = UInt8(ascii: "-") }
            append(UnsafeBufferPointer(rebasing: bytes.bindMemory(to: UInt8.self)[end...]))
        }
    }
    @inlinable public mutating func bool(_ value: Bool) { raw(value ? "true" : "false") }
    @inlinable public mutating func null() { raw("null") }
    @inlinable public mutating func optional(_ text: String?) { if let text { string(text) } else { null() } }
    @inlinable public mutating func strings<S: Sequence<String>>(_ items: S) { array(items) { $0.string($1) } }
    @inlinable public mutating func ids<ID: TermID>(_ items: [ID]) { array(items) { $0.string($1.rawValue) } }

    /// A value given as a tree.
    @inlinable public mutating func value(_ json: JSON) {
        switch json {
        case .string(let text): string(text)
        case .int(let value): int(value)
        case .double(let value): double(value)
        case .bool(let value): bool(value)
        case .null: null()
        case .array(let items): array(items) { $0.value($1) }
        case .object(let members):
            object { writer in
                for (name, member) in members.sorted(by: { $0.key < $1.key }) {
                    writer.key(text: name)
                    writer.value(member)
                }
            }
        }
    }

    #if DEBUG
    @usableFromInline mutating func checkOrder(_ name: String) {
        precondition(lastKeys.last.map { $0 < name } ?? true, "JSONWriter: key '\(name)' out of order")
        lastKeys[lastKeys.count - 1] = name
    }
    #endif

    @usableFromInline mutating func raw(_ text: String) {
        startItem()
        var text = text
        text.withUTF8 { append($0) }
    }

    @usableFromInline mutating func open(_ bracket: UInt8) {
        startItem()
        append(bracket)
        if depth > 0 { outerCounts.append(itemCount) }
        itemCount = 0
        depth += 1
        #if DEBUG
        lastKeys.append("")
        #endif
    }

    @usableFromInline mutating func close(_ bracket: UInt8) {
        let items = itemCount
        depth -= 1
        if depth > 0 { itemCount = outerCounts.removeLast() }
        #if DEBUG
        lastKeys.removeLast()
        #endif
        if items > 0, !compact {
            append(0x0A)
            append(spaces: 2 * (baseIndent + depth))
        }
        append(bracket)
    }

    /// A value in a container starts on a line of its own; one after its key, right there.
    @usableFromInline mutating func startItem() {
        if afterKey {
            afterKey = false
            return
        }
        guard depth > 0 else { return }
        if itemCount > 0 { append(UInt8(ascii: ",")) }
        itemCount += 1
        if compact { return }
        append(0x0A)
        append(spaces: 2 * (baseIndent + depth))
    }
}

/// Frees a writer's block of memory when the writer goes.
@usableFromInline final class Storage {
    var base: UnsafeMutablePointer<UInt8>

    init(_ base: UnsafeMutablePointer<UInt8>) { self.base = base }

    deinit { base.deallocate() }
}

extension JSONWriter {
    @inlinable mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    @usableFromInline mutating func grow(to needed: Int) {
        while capacity < needed { capacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.initialize(from: base, count: count)
        base.deallocate()
        base = grown
        storage.base = grown
    }

    @inlinable mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inlinable mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).initialize(from: start, count: bytes.count)
        count += bytes.count
    }

    @inlinable mutating func append(spaces: Int) {
        reserve(spaces)
        (base + count).initialize(repeating: 0x20, count: spaces)
        count += spaces
    }

    @usableFromInline mutating func append(_ text: StaticString) { text.withUTF8Buffer { append($0) } }

    /// 1 for a byte that is copied as it is; 0 for one that may need escaping: below 0x20, `"`, `\`, `<`, `>`, `&`,
    /// and 0xE2, which starts U+2028 and U+2029.
    @usableFromInline static let plain: [UInt8] = (0..<256).map { byte in
        byte < 0x20 || [0x22, 0x5C, 0x3C, 0x3E, 0x26, 0xE2].contains(byte) ? 0 : 1
    }

    /// A JSON string, escaped by bytes: runs of plain characters are copied in one piece.
    @usableFromInline mutating func quote(_ text: String) {
        append(UInt8(ascii: "\""))
        var text = text
        JSONWriter.plain.withUnsafeBufferPointer { plain in text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if plain[Int(byte)] != 0 {
                    index += 1
                    continue
                }
                let escaped: StaticString
                switch byte {
                case 0x22: escaped = "\\\""
                case 0x5C: escaped = "\\\\"
                case 0x0A: escaped = "\\n"
                case 0x0D: escaped = "\\r"
                case 0x09: escaped = "\\t"
                case 0x3C: escaped = "\\u003c"
                case 0x3E: escaped = "\\u003e"
                case 0x26: escaped = "\\u0026"
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    append(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    append(bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                    index += 3
                    runStart = index
                    continue
                case 0..<0x20:
                    append(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    let hex = Array(String(byte, radix: 16).utf8)
                    append("\\u00")
                    if hex.count == 1 { append(UInt8(ascii: "0")) }
                    hex.withUnsafeBufferPointer { append($0) }
                    index += 1
                    runStart = index
                    continue
                default:
                    index += 1
                    continue
                }
                append(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                append(escaped)
                index += 1
                runStart = index
            }
            append(UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        } }
        append(UInt8(ascii: "\""))
    }
}
