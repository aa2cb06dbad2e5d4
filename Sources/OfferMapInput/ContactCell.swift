import OfferMapModel
/// The Ansprechpartner cell: one contact per line, the name first, then parts separated by `;`:
/// `Erika Beispiel; Rolle: Gründungsberatung; E-Mail: e.beispiel@wfg.example; Telefon: 05651 123; Sprachen: de, en; öffentlich`
/// English keys work too (role, email, phone, languages, public). Without `öffentlich` a contact is internal.
/// Separate E-Mail and Telefon columns fill in a single contact's address and number.
enum ContactCell {
    enum Key { case role, email, phone, languages, isPublic }

    static let keys: [String: Key] = [
        "rolle": .role, "role": .role, "funktion": .role,
        "email": .email, "mail": .email,
        "telefon": .phone, "tel": .phone, "phone": .phone, "telefonnummer": .phone,
        "sprachen": .languages, "languages": .languages, "sprache": .languages,
        "oeffentlich": .isPublic, "public": .isPublic,
    ]

    static func text(_ contacts: [Contact], _ language: Language) -> String {
        let de = language == .de
        return contacts.map { contact in
            var parts = [contact.name]
            if let role = contact.role { parts.append((de ? "Rolle: " : "role: ") + role) }
            if let email = contact.email { parts.append((de ? "E-Mail: " : "email: ") + email) }
            if let phone = contact.phone { parts.append((de ? "Telefon: " : "phone: ") + phone) }
            if !contact.languages.isEmpty { parts.append((de ? "Sprachen: " : "languages: ") + SheetExport.Words.languages(contact.languages, language)) }
            if contact.isPublic { parts.append(de ? "öffentlich" : "public") }
            return parts.joined(separator: "; ")
        }.joined(separator: "\n")
    }

    static func contacts(_ cells: SheetImport.Cells, diagnostics: inout Diagnostics) -> [Contact] {
        let at = cells.at(.contacts)
        let lines = cells[.contacts].split(whereSeparator: \.isNewline).map { SheetText.trimmed(String($0)) }.filter { !$0.isEmpty }
        var contacts = lines.compactMap { contact($0, at: at, diagnostics: &diagnostics) }
        let email = cells[.email], phone = cells[.phone]
        if !email.isEmpty || !phone.isEmpty {
            let column = email.isEmpty ? SheetColumn.phone : .email
            if contacts.count != 1 {
                diagnostics.error(.ambiguousContact, cells.at(column), "\(column.title(.de)) needs exactly one contact person in column Ansprechpartner, found \(contacts.count)",
                                  suggestion: "write the name in Ansprechpartner, or put each address into its contact's line ('Name; E-Mail: …')")
            } else {
                if !email.isEmpty { contacts[0].email = contacts[0].email ?? email }
                if !phone.isEmpty { contacts[0].phone = contacts[0].phone ?? phone }
            }
        }
        return contacts
    }

    static func contact(_ line: String, at: SourceLocation, diagnostics: inout Diagnostics) -> Contact? {
        let parts = line.split(separator: ";").map { SheetText.trimmed(String($0)) }
        guard let name = parts.first, !name.isEmpty else {
            diagnostics.error(.badContact, at, "a contact line starts without a name: '\(line)'", suggestion: "write 'Name; Rolle: …; E-Mail: …'")
            return nil
        }
        var contact = Contact(name: name)
        for part in parts.dropFirst() where !part.isEmpty {
            var key: Key?, value = ""
            if let colon = part.firstIndex(of: ":"), let known = keys[SheetText.key(String(part[..<colon]))] {
                key = known
                value = SheetText.trimmed(String(part[part.index(after: colon)...]))
            } else if let known = keys[SheetText.key(part)], known == .isPublic {
                key = .isPublic
                value = "ja"
            } else if ["intern", "internal", "nichtoeffentlich", "notpublic"].contains(SheetText.key(part)) {
                key = .isPublic
                value = "nein"
            } else if part.contains("@") && !part.contains(" ") {
                key = .email
                value = part
            } else if part.filter(\.isNumber).count >= 3 && part.allSatisfy({ $0.isNumber || " +-/()".contains($0) }) {
                key = .phone
                value = part
            }
            switch key {
            case .role: contact.role = value.isEmpty ? nil : value
            case .email: contact.email = value.isEmpty ? nil : value
            case .phone: contact.phone = value.isEmpty ? nil : value
            case .languages:
                guard let codes = LanguageNames.codes(value, at: at, diagnostics: &diagnostics) else { return nil }
                contact.languages = codes
            case .isPublic:
                guard let flag = Fields.bool(SheetText.key(value)) else {
                    diagnostics.error(.expectedBoolean, at, "'\(part)' in the contact '\(name)': öffentlich must be ja or nein")
                    return nil
                }
                contact.isPublic = flag
            case nil:
                diagnostics.error(.badContact, at, "cannot read '\(part)' in the contact '\(name)'",
                                  suggestion: "write 'Rolle: …', 'E-Mail: …', 'Telefon: …', 'Sprachen: …' or 'öffentlich', separated by ';'")
                return nil
            }
        }
        return contact
    }
}
