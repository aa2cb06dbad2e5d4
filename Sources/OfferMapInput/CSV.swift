import OfferMapModel
/// CSV as spreadsheets read it: comma-separated, quoted where needed, CRLF line ends,
/// and cells that a spreadsheet would run as a formula neutralised with a leading apostrophe.
public enum CSV {
    /// `delimiter` is `,` unless given; German Excel expects `;`.
    public static func document(header: [String], rows: [[String]], delimiter: String = ",") -> String {
        ([header] + rows).map { line($0, delimiter: delimiter) }.joined()
    }

    /// One record with its CRLF line end.
    public static func line(_ cells: [String], delimiter: String = ",") -> String {
        cells.map(cell).joined(separator: delimiter) + "\r\n"
    }

    public static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            text = "'" + text
        }
        // by bytes, so that a "\r\n" inside a cell (one Character) is quoted too
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D || $0 == 0x3B }) else { return text }
        // quoted, each quote doubled, by bytes (also a quote with a combining mark on it)
        var quoted: [UInt8] = [0x22]
        quoted.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            quoted.append(byte)
            if byte == 0x22 { quoted.append(0x22) }
        }
        quoted.append(0x22)
        return String(decoding: quoted, as: UTF8.self)
    }
}
