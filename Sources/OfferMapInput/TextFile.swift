import OfferMapModel
import Foundation

/// Reads an input file as text: UTF-8 with or without BOM, LF or CRLF.
/// Anything else becomes a diagnostic that says how to convert the file.
package enum TextFile {
    /// Files above this size are refused before they are parsed.
    static let maximumBytes = 8 * 1024 * 1024

    package static func read(_ url: URL, path: String, diagnostics: inout Diagnostics) -> String? {
        guard let data = data(file: url.path, path: path, diagnostics: &diagnostics) else { return nil }
        return decode(data, path: path, diagnostics: &diagnostics)
    }

    /// The file's bytes; a file above the size limit is refused before it is read.
    /// Plain open/fstat/read: no Foundation attribute dictionary per file.
    /// `file`: where to open it; `path`: how diagnostics name it.
    static func data(file: String, path: String, diagnostics: inout Diagnostics) -> Data? {
        let fd = Glibc.open(file, O_RDONLY)
        guard fd >= 0 else {
            diagnostics.error(.unreadableFile, SourceLocation(path: path), "cannot read the file")
            return nil
        }
        defer { close(fd) }
        var info = stat()
        let size = fstat(fd, &info) == 0 ? Int(info.st_size) : 0
        if size > maximumBytes {
            tooLarge(size, path: path, diagnostics: &diagnostics)
            return nil
        }
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, count))) }
            let got = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
            if got == 0 { break }
            guard got > 0 else {
                diagnostics.error(.unreadableFile, SourceLocation(path: path), "cannot read the file")
                return nil
            }
            count += got
            if count > maximumBytes {
                tooLarge(count, path: path, diagnostics: &diagnostics)
                return nil
            }
        }
        return Data(bytes[..<count])
    }

    static func tooLarge(_ size: Int, path: String, diagnostics: inout Diagnostics) {
        diagnostics.error(.fileTooLarge, SourceLocation(path: path),
                          "the file is \(size / 1_048_576) MB; input files may be at most \(maximumBytes / 1_048_576) MB",
                          suggestion: "an institution file is usually a few KB: remove pasted content or split it")
    }

    static func decode(_ data: Data, path: String, diagnostics: inout Diagnostics) -> String? {
        if data.count > maximumBytes {
            tooLarge(data.count, path: path, diagnostics: &diagnostics)
            return nil
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            diagnostics.error(.utf16, SourceLocation(path: path), "the file is UTF-16, offermap reads UTF-8",
                              suggestion: "save it as 'UTF-8' in your editor, or run: iconv -f UTF-16 -t UTF-8 '\(path)' > converted.md")
            return nil
        }
        if let zero = bytes.firstIndex(of: 0) {
            let (line, column) = position(of: zero, in: bytes)
            diagnostics.error(.binaryFile, SourceLocation(path: path, line: line, column: column),
                              "the file contains binary data (a NUL byte), not text")
            return nil
        }
        let hasCarriageReturn = bytes.contains(0x0D)
        guard var text = String(validating: bytes, as: UTF8.self) else {
            let bad = firstInvalidUTF8(bytes)
            let (line, column) = position(of: bad, in: bytes)
            let guess = looksLikeWindows1252(bytes) ? "Windows-1252 (Excel, older Windows editors)" : "a legacy 8-bit encoding"
            diagnostics.error(.notUTF8, SourceLocation(path: path, line: line, column: column),
                              "the file is not UTF-8; it looks like \(guess)",
                              suggestion: "save it as 'UTF-8' in your editor, or run: iconv -f WINDOWS-1252 -t UTF-8 '\(path)' > converted.md")
            return nil
        }
        if hasCarriageReturn {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return text
    }

    /// 1-based line and column (in Unicode scalars) of a byte offset.
    static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, column = 1
        var i = 0
        while i < offset && i < bytes.count {
            if bytes[i] == 0x0A {
                line += 1
                column = 1
            } else if bytes[i] & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return (line, column)
    }

    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            if i + length > bytes.count { return i }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return bytes.count
    }

    /// German text in Windows-1252 has umlauts and ß as single high bytes.
    static func looksLikeWindows1252(_ bytes: [UInt8]) -> Bool {
        let typical: Set<UInt8> = [0xE4, 0xF6, 0xFC, 0xC4, 0xD6, 0xDC, 0xDF, 0x80, 0x84, 0x93, 0x94, 0x96, 0xE9]
        let high = bytes.filter { $0 >= 0x80 }
        guard !high.isEmpty else { return false }
        return high.filter(typical.contains).count * 2 >= high.count
    }
}
