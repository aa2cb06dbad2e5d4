import Foundation

/// A county's own look: an accent colour and a logo, from county.yaml.
public struct Branding: Sendable, Hashable {
    /// `#rrggbb`
    public var accent: String?
    public var logo: Logo?

    public init(accent: String? = nil, logo: Logo? = nil) {
        self.accent = accent
        self.logo = logo
    }

    public struct Logo: Sendable, Hashable {
        public var fileName: String
        public var mimeType: String
        public var data: Data

        public var dataURI: String { "data:\(mimeType);base64,\(data.base64EncodedString())" }

    public init(fileName: String, mimeType: String, data: Data) {
        self.fileName = fileName
        self.mimeType = mimeType
        self.data = data
    }
}

    public static let logoTypes = ["png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "svg": "image/svg+xml", "webp": "image/webp"]
    public static let maximumLogoBytes = 1_048_576

    /// `#abc` or `#aabbcc` as lower-case `#aabbcc`; nil for anything else.
    public static func color(_ text: String) -> String? {
        let hex = text.lowercased().trimmingCharacters(in: .whitespaces)
        guard hex.hasPrefix("#"), hex.dropFirst().allSatisfy(\.isHexDigit) else { return nil }
        switch hex.count {
        case 4: return "#" + hex.dropFirst().map { "\($0)\($0)" }.joined()
        case 7: return hex
        default: return nil
        }
    }

    /// WCAG relative luminance of `#rrggbb`.
    public static func luminance(_ color: String) -> Double {
        let value = Int(color.dropFirst(), radix: 16) ?? 0
        let channels = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].map { channel -> Double in
            let c = Double(channel) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }

    /// Contrast ratio of white text on the colour (the report's header).
    public static func contrastWithWhite(_ color: String) -> Double {
        1.05 / (luminance(color) + 0.05)
    }

    /// The colour darkened step by step until white text on it reaches `ratio`.
    public static func darkened(_ color: String, toReach ratio: Double) -> String {
        var value = Int(color.dropFirst(), radix: 16) ?? 0
        var candidate = color
        for _ in 0..<100 where contrastWithWhite(candidate) < ratio {
            let r = (value >> 16) & 0xFF, g = (value >> 8) & 0xFF, b = value & 0xFF
            value = (r * 9 / 10) << 16 | (g * 9 / 10) << 8 | (b * 9 / 10)
            let hex = String(value, radix: 16)
            candidate = "#" + String(repeating: "0", count: 6 - hex.count) + hex
        }
        return candidate
    }
}
