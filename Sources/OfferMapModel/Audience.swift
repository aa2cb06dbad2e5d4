/// Who reads the output. Public output shows a contact person only with `public: true`.
public enum Audience: String, Sendable, CaseIterable {
    case `internal`, `public`

    public func visible(_ contacts: [Contact]) -> [Contact] {
        self == .internal ? contacts : contacts.filter(\.isPublic)
    }
}
