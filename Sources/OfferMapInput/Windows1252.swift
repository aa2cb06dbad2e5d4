import OfferMapModel
/// Windows-1252, the encoding Excel uses for "CSV (Trennzeichen-getrennt)" on German Windows.
/// It is Latin-1 except for 0x80–0x9F, which hold € „ “ ” – — and friends.
public enum Windows1252 {
    /// 0x80…0x9F; the five unassigned bytes map to the C1 controls, as Windows does.
    static let high: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    public static func decode(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value = (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
    }

    /// nil when the text holds a character Windows-1252 cannot store.
    public static func encode(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            if let index = high.firstIndex(of: scalar.value) {
                bytes.append(UInt8(0x80 + index))
            } else if scalar.value < 0x100 {
                bytes.append(UInt8(scalar.value))
            } else {
                return nil
            }
        }
        return bytes
    }
}
