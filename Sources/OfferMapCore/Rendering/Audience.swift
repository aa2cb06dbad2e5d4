/// Who reads the output. Public output shows a contact person only with `public: true`.
public enum Audience: String, Sendable, CaseIterable {
    case `internal`, `public`

    public func visible(_ contacts: [Contact]) -> [Contact] {
        self == .internal ? contacts : contacts.filter(\.isPublic)
    }
}

/// A link target only if it is a web or mail address; anything else (javascript:, data:) is dropped.
func safeURL(_ text: String?) -> String? {
    guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
    let lowered = text.lowercased()
    guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://") || lowered.hasPrefix("mailto:") else { return nil }
    guard !text.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" || $0.isNewline }) else { return nil }
    return text
}

import Foundation
