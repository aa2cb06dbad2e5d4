/// Who reads the output. Public output shows a contact person only with `public: true`.
public enum Audience: String, Sendable, CaseIterable {
    case `internal`, `public`

    public func visible(_ contacts: [Contact]) -> [Contact] {
        self == .internal ? contacts : contacts.filter(\.isPublic)
    }

    /// Public output tells founders what is missing (gaps, offers only in German); judgements about named
    /// institutions (thin, overlapping, stale, unlinked, isolated, broken referrals) and next steps stay internal.
    public func shows(_ kind: FindingKind) -> Bool {
        self == .internal || kind == .gap || kind == .languageGap
    }
}
