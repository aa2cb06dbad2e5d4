import OfferMapModel
import Foundation

/// A table read from a CSV file. Row numbers are the ones a spreadsheet shows: the header is row 1.
public struct SheetTable: Sendable {
    public struct Row: Sendable {
        public var number: Int
        public var cells: [String]

        public var isBlank: Bool { cells.allSatisfy { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } }
    }

    public var delimiter: Unicode.Scalar
    public var encoding: String
    public var header: Row
    public var rows: [Row]
}

/// Reads CSV as Excel and LibreOffice write it: `;`, `,` or tab (detected from the header line,
/// or given by Excel's `sep=;` line), UTF-8 with or without BOM or Windows-1252, CRLF or LF,
/// quoted cells with delimiters, doubled quotes and line breaks.
public enum SheetReader {
    static let maximumBytes = 32 * 1024 * 1024

    public static func read(_ data: Data, path: String, diagnostics: inout Diagnostics) -> SheetTable? {
        let file = SourceLocation(path: path)
        if data.count > maximumBytes {
            diagnostics.error(.fileTooLarge, file, "the file is larger than \(maximumBytes / 1_048_576) MB")
            return nil
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            diagnostics.error(.utf16, file, "the file is UTF-16 (Excel's 'Unicode text'), offermap reads CSV",
                              suggestion: "save it as 'CSV UTF-8 (Trennzeichen-getrennt)' or 'CSV (Trennzeichen-getrennt)'")
            return nil
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.contains(0) {
            diagnostics.error(.binaryFile, file, "the file contains binary data (a NUL byte); is it an .xlsx file?",
                              suggestion: "save the sheet as 'CSV (Trennzeichen-getrennt)' and import that")
            return nil
        }
        var encoding = "UTF-8"
        var text: String
        if let utf8 = String(validating: bytes, as: UTF8.self) {
            text = utf8
        } else {
            text = Windows1252.decode(bytes)
            encoding = "Windows-1252"
        }
        var scalars = Array(text.unicodeScalars)
        text = ""
        var delimiter: Unicode.Scalar
        if let given = excelSeparator(scalars) {
            delimiter = given
            let end = scalars.firstIndex(of: "\n").map { $0 + 1 } ?? scalars.count
            scalars.removeFirst(end)
        } else {
            delimiter = detectDelimiter(scalars)
        }
        var records: [SheetTable.Row] = []
        if let open = parse(scalars, delimiter: delimiter, into: &records) {
            diagnostics.error(.unclosedQuote, SourceLocation(path: path, line: open), "a quoted cell that starts in row \(open) is never closed",
                              suggestion: "a cell that begins with \" must end with \"; write a quote inside a cell as \"\"")
            return nil
        }
        guard var header = records.first else {
            diagnostics.error(.emptyFile, file, "the file is empty", suggestion: "export the sheet with its header row")
            return nil
        }
        header.cells = header.cells.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        return SheetTable(delimiter: delimiter, encoding: encoding, header: header, rows: Array(records.dropFirst()))
    }

    /// Excel's hint line `sep=;` (it hides the line and uses that delimiter).
    static func excelSeparator(_ scalars: [Unicode.Scalar]) -> Unicode.Scalar? {
        guard scalars.count >= 5, String(String.UnicodeScalarView(scalars[0..<4])).lowercased() == "sep=" else { return nil }
        let candidate = scalars[4]
        let rest = scalars.count > 5 ? scalars[5] : "\n"
        return rest == "\n" || rest == "\r" ? candidate : nil
    }

    /// The most frequent of `;`, `,` and tab outside quotes in the header line; `;` on a tie.
    static func detectDelimiter(_ scalars: [Unicode.Scalar]) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [";": 0, ",": 0, "\t": 0]
        var inQuotes = false
        for scalar in scalars {
            if scalar == "\"" { inQuotes.toggle() }
            if inQuotes { continue }
            if scalar == "\n" || scalar == "\r" { break }
            counts[scalar]? += 1
        }
        return [";", ",", "\t"].max { counts[$0]! < counts[$1]! || (counts[$0]! == counts[$1]! && $0 == ";") } ?? ";"
    }

    /// Splits into records; returns the row of an unclosed quote, if any.
    static func parse(_ s: [Unicode.Scalar], delimiter: Unicode.Scalar, into records: inout [SheetTable.Row]) -> Int? {
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var quoted = false, inQuotes = false, started = false
        var row = 1
        func endField() {
            fields.append(unneutralise(String(field)))
            field = String.UnicodeScalarView()
            quoted = false
            started = false
        }
        func endRecord() {
            endField()
            records.append(SheetTable.Row(number: row, cells: fields))
            fields = []
            row += 1
        }
        var i = 0
        while i < s.count {
            let c = s[i]
            i += 1
            if inQuotes {
                if c == "\"" {
                    if i < s.count && s[i] == "\"" { field.append("\""); i += 1 } else { inQuotes = false }
                } else if c == "\r" {
                    field.append("\n")
                    if i < s.count && s[i] == "\n" { i += 1 }
                } else {
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"" where !started && !quoted:
                inQuotes = true
                quoted = true
                started = true
            case delimiter:
                endField()
            case "\r", "\n":
                if c == "\r" && i < s.count && s[i] == "\n" { i += 1 }
                endRecord()
            default:
                field.append(c)
                started = true
            }
        }
        if inQuotes { return row }
        if started || !fields.isEmpty { endRecord() }
        return nil
    }

    /// Takes back the apostrophe that an export put before a cell a spreadsheet would run as a formula
    /// (`'=…`, `'+…`, `'-…`, `'@…`); `''=…` becomes `'=…`, so a text that began with one survives.
    static func unneutralise(_ cell: String) -> String {
        let rest = cell.unicodeScalars.drop { $0 == "'" }
        guard rest.count < cell.unicodeScalars.count, let first = rest.first,
              "=+-@\t\r".unicodeScalars.contains(first) else { return cell }
        return String(cell.unicodeScalars.dropFirst())
    }
}
