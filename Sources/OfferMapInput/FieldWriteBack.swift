import OfferMapModel
import Foundation

/// Import into an existing institution file (issue 17 point 6): the file keeps every line the
/// table does not change (comments, `public: false`, fields of columns the table lacks, the
/// body), and only the changed keys' value lines are written anew.
enum FieldWriteBack {
    /// Top-level keys in the order `InstitutionFile` writes them; a new key goes after the last
    /// key before it in this order that the file has.
    static let order = ["name", "short", "type", "website", "address", "municipality", "updated", "contacts", "refers_to", "offers"]

    /// What the file should say after the import: the table's values for the columns the table
    /// has, the file's values for the rest. Offers are the table's; an offer the file has too
    /// keeps the fields of columns the table lacks. A contact the table names the same keeps
    /// nothing of the file's (the contact cell carries every contact field).
    static func merged(file: Institution, table: Institution, columns: Set<SheetColumn>) -> Institution {
        var result = file
        func take<T>(_ column: SheetColumn, _ key: WritableKeyPath<Institution, T>) {
            if columns.contains(column) { result[keyPath: key] = table[keyPath: key] }
        }
        if columns.contains(.name) && !table.name.isEmpty { result.name = table.name }
        take(.short, \.short)
        take(.type, \.type)
        take(.website, \.website)
        take(.address, \.address)
        take(.municipality, \.municipality)
        take(.updated, \.updated)
        take(.refersTo, \.refersTo)
        take(.body, \.body)
        if columns.contains(.contacts) || columns.contains(.email) || columns.contains(.phone) { result.contacts = table.contacts }
        result.offers = table.offers.map { offer in
            guard var kept = file.offers.first(where: { $0.id == offer.id }) else { return offer }
            func take<T>(_ column: SheetColumn, _ key: WritableKeyPath<Offer, T>) {
                if columns.contains(column) { kept[keyPath: key] = offer[keyPath: key] }
            }
            kept.title = offer.title
            take(.description, \.description)
            take(.phases, \.phases)
            take(.categories, \.categories)
            take(.targetGroups, \.targetGroups)
            take(.languages, \.languages)
            take(.cost, \.cost)
            take(.format, \.format)
            take(.offerMunicipalities, \.municipalities)
            take(.offerURL, \.url)
            return kept
        }
        return result
    }

    /// Whether two institutions say the same, as `InstitutionFile` would write them.
    static func same(_ a: Institution, _ b: Institution) -> Bool {
        var a = a, b = b
        a.body = a.body.trimmingCharacters(in: .newlines)
        b.body = b.body.trimmingCharacters(in: .newlines)
        return InstitutionFile.text(a) == InstitutionFile.text(b)
    }

    /// `text` (the file, which loads as `file`) changed to say `target`; nil when that cannot be
    /// done line by line (then the caller writes the file whole). The result is loaded again and
    /// must say exactly `target`.
    /// The labels of offers the file keeps go through `LabelWriteBack` first; the other fields
    /// are then edited the same way in the labelled text.
    static func apply(_ text: String, file: Institution, target: Institution, path: String, taxonomy: Taxonomy) -> String? {
        let id = String((path as NSString).lastPathComponent.dropLast(3))
        func load(_ text: String) -> Institution? {
            var diagnostics = Diagnostics()
            let loaded = InstitutionLoader.parse(Data(text.utf8), id: id, path: path, taxonomy: taxonomy, diagnostics: &diagnostics)
            return diagnostics.hasErrors ? nil : loaded
        }
        let labels = target.offers.compactMap { offer -> LabelEdit? in
            guard let old = file.offers.first(where: { $0.id == offer.id }),
                  old.phases != offer.phases || old.categories != offer.categories else { return nil }
            return LabelEdit(offer: offer.id, phases: offer.phases?.map(\.rawValue) ?? [], categories: offer.categories?.map(\.rawValue) ?? [])
        }
        var text = text, file = file
        if !labels.isEmpty {
            guard let labelled = try? LabelWriteBack.labels(labels, text, path), let reloaded = load(labelled) else { return nil }
            text = labelled
            file = reloaded
        }
        guard let edit = try? FrontMatterEdit(text, path: path), var editor = Editor(edit),
              (try? editor.institution(from: file, to: target)) != nil,
              let result = editor.edit.result(), let loaded = load(result), same(loaded, target) else { return nil }
        return result
    }

    /// A text as a YAML scalar: plain when it is an id or a date (as hand-written files have
    /// them), else double-quoted.
    static func scalar(_ text: String) -> String {
        Slug.isValid(text) || Day(text) != nil ? text : InstitutionFile.quote(text)
    }

    static func flow(_ items: [String]) -> String { "[" + items.map(scalar).joined(separator: ", ") + "]" }

    struct Failed: Error {}

    struct Editor {
        var edit: FrontMatterEdit

        init?(_ edit: FrontMatterEdit) { self.edit = edit }

        mutating func institution(from old: Institution, to new: Institution) throws {
            let root = edit.root
            func pair(_ key: String) -> FrontMatterEdit.Pair? { root.first { $0.key == key } }
            var inserts: [(after: Int, lines: [String])] = []
            /// After the last present key that comes before `key` in the usual order, else after `---`.
            func anchor(_ key: String) -> Int {
                let before = order.prefix { $0 != key }
                return root.filter { before.contains($0.key) }.map(\.end).max() ?? 0
            }
            func setText(_ key: String, _ a: String?, _ b: String?) throws {
                guard a != b else { return }
                if let value = b, !value.isEmpty {
                    if let p = pair(key) { try edit.setValue(p, flow: scalar(value), block: []) } else { inserts.append((anchor(key), ["\(key): \(scalar(value))"])) }
                } else if let p = pair(key) {
                    guard edit.remove(p, in: nil) else { throw Failed() }
                }
            }
            try setText("name", old.name, new.name)
            try setText("short", old.short, new.short)
            try setText("type", old.type, new.type)
            try setText("website", old.website, new.website)
            try setText("address", old.address, new.address)
            try setText("municipality", old.municipality, new.municipality)
            try setText("updated", old.updated?.description, new.updated?.description)
            let oldRefs = old.refersTo.map(\.id), newRefs = new.refersTo.map(\.id)
            if oldRefs != newRefs {
                if let p = pair("refers_to") {
                    if newRefs.isEmpty { guard edit.remove(p, in: nil) else { throw Failed() } } else {
                        try edit.setValue(p, flow: flow(newRefs), block: newRefs.map(scalar))
                    }
                } else {
                    inserts.append((anchor("refers_to"), ["refers_to: \(flow(newRefs))"]))
                }
            }
            if old.contacts != new.contacts { try contacts(old.contacts, new.contacts, anchor: anchor("contacts"), inserts: &inserts) }
            if old.offers.map(\.id) != new.offers.map(\.id) || zip(old.offers, new.offers).contains(where: { !same($0, $1) }) {
                try offers(old.offers, new.offers)
            }
            if old.body.trimmingCharacters(in: .newlines) != new.body.trimmingCharacters(in: .newlines) { body(new.body) }
            for (line, group) in Dictionary(grouping: inserts, by: \.after) {
                edit.insert(after: line, group.flatMap(\.lines))
            }
        }

        func same(_ a: Offer, _ b: Offer) -> Bool {
            var x = Institution(id: "x", name: "x", type: "x", location: a.location), y = x
            x.offers = [a]
            var b = b
            b.location = a.location
            y.offers = [b]
            return InstitutionFile.text(x) == InstitutionFile.text(y)
        }

        /// The key's new value inside an item: set, removed (when `value` is nil) or inserted.
        mutating func set(_ key: String, in item: FrontMatterEdit.Item, flow value: String?, block: [String] = [], inserts: inout [String]) throws {
            if let value {
                if let p = item.pair(key) { try edit.setValue(p, flow: value, block: block) } else { inserts.append(edit.indentation(item.column) + "\(key): \(value)") }
            } else if let p = item.pair(key) {
                if !edit.remove(p, in: item) { throw Failed() }
            }
        }

        mutating func contacts(_ old: [Contact], _ new: [Contact], anchor: Int, inserts: inout [(after: Int, lines: [String])]) throws {
            let items = try edit.items(of: "contacts")
            let saved = edit
            do {
                // People matched by name: the file's contacts changed in place, new ones added after them.
                guard !old.isEmpty, !new.isEmpty, Set(old.map(\.name)).count == old.count, Set(new.map(\.name)).count == new.count else { throw Failed() }
                try list(old, new, items: items, id: \.name, lines: contactLines) { editor, a, b, item in try editor.change(a, to: b, item: item) }
            } catch {
                // Otherwise the list written anew.
                edit = saved
                let lines = new.flatMap { contact in contactLines(contact, dash: "  - ", indent: "    ") }
                if let p = edit.root.first(where: { $0.key == "contacts" }) {
                    if new.isEmpty { guard edit.remove(p, in: nil) else { throw Failed() } } else { try edit.setBlock(p, lines) }
                } else if !new.isEmpty {
                    inserts.append((anchor, ["contacts:"] + lines))
                }
            }
        }

        mutating func change(_ a: Contact, to b: Contact, item: FrontMatterEdit.Item) throws {
            guard a != b else { return }
            var added: [String] = []
            func text(_ key: String, _ x: String?, _ y: String?) throws {
                if x != y { try set(key, in: item, flow: y.map(scalar), inserts: &added) }
            }
            try text("role", a.role, b.role)
            try text("email", a.email, b.email)
            try text("phone", a.phone, b.phone)
            if a.languages != b.languages {
                try set("languages", in: item, flow: b.languages.isEmpty ? nil : flow(b.languages), block: b.languages.map(scalar), inserts: &added)
            }
            // `public` is written out either way: an explicit `public: false` is a decision.
            if a.isPublic != b.isPublic { try set("public", in: item, flow: b.isPublic ? "true" : "false", inserts: &added) }
            if !added.isEmpty { edit.insert(after: item.end, added) }
        }

        /// A list of mappings edited entry by entry, entries matched by `id`: the ones the table
        /// drops taken out, the ones both have changed by `change`, new ones inserted after the
        /// kept entry before them. Kept entries must stay in their order.
        mutating func list<T>(_ old: [T], _ new: [T], items: [FrontMatterEdit.Item], id: (T) -> String,
                              lines: (T, String, String) -> [String],
                              change: (inout Editor, T, T, FrontMatterEdit.Item) throws -> Void) throws {
            guard items.count == old.count, !items.isEmpty else { throw Failed() }
            let oldIDs = old.map(id), newIDs = new.map(id)
            let common = newIDs.filter(oldIDs.contains)
            guard oldIDs.filter(common.contains) == common else { throw Failed() }
            let first = edit.lines[items[0].line].text
            let dash = String(first.prefix { $0 == " " }) + "- ", indent = edit.indentation(items[0].column)
            for (n, item) in items.enumerated() where !newIDs.contains(oldIDs[n]) {
                // The entry's `- ` must be on its first key's line to take the entry out by its lines.
                guard edit.lines[item.line].text.contains("-") else { throw Failed() }
                edit.replace(item.line...item.end, with: [])
            }
            var after = items[0].line - 1
            var pending: [String] = []
            for entry in new {
                guard let n = oldIDs.firstIndex(of: id(entry)) else {
                    pending += lines(entry, dash, indent)
                    continue
                }
                if !pending.isEmpty { edit.insert(after: after, pending) }
                pending = []
                after = items[n].end
                try change(&self, old[n], entry, items[n])
            }
            if !pending.isEmpty { edit.insert(after: max(after, items.map(\.end).max()!), pending) }
        }

        func contactLines(_ contact: Contact, dash: String, indent: String) -> [String] {
            var lines = [dash + "name: " + scalar(contact.name)]
            for (key, value) in [("role", contact.role), ("email", contact.email), ("phone", contact.phone)] {
                if let value { lines.append(indent + "\(key): " + scalar(value)) }
            }
            if !contact.languages.isEmpty { lines.append(indent + "languages: " + flow(contact.languages)) }
            lines.append(indent + "public: \(contact.isPublic)")
            return lines
        }

        func offerLines(_ offer: Offer, dash: String, indent: String) -> [String] {
            var lines = [dash + "title: " + scalar(offer.title), indent + "id: " + offer.id]
            for (key, value) in offerValues(offer) {
                if let value { lines.append(indent + "\(key): " + value.flow) }
            }
            return lines
        }

        /// Each offer field but title and id as it is written; nil for an absent or default value.
        func offerValues(_ offer: Offer) -> [(String, (flow: String, block: [String])?)] {
            func list(_ items: [String]?, default standard: [String] = []) -> (flow: String, block: [String])? {
                guard let items, !items.isEmpty, items != standard else { return nil }
                return (flow(items), items.map(scalar))
            }
            func text(_ value: String?) -> (flow: String, block: [String])? {
                guard let value, !value.isEmpty else { return nil }
                return (scalar(value), [])
            }
            return [("description", text(offer.description)),
                    ("phases", list(offer.phases?.map(\.rawValue))),
                    ("categories", list(offer.categories?.map(\.rawValue))),
                    ("target_groups", list(offer.targetGroups, default: ["alle"])),
                    ("languages", list(offer.languages, default: ["de"])),
                    ("cost", text(offer.cost)),
                    ("format", text(offer.format)),
                    ("municipalities", list(offer.municipalities)),
                    ("url", text(offer.url))]
        }

        mutating func offers(_ old: [Offer], _ new: [Offer]) throws {
            try list(old, new, items: edit.offers, id: \.id, lines: offerLines) { editor, a, b, item in try editor.change(a, to: b, item: item) }
        }

        mutating func change(_ a: Offer, to b: Offer, item: FrontMatterEdit.Item) throws {
            var added: [String] = []
            if a.title != b.title { try set("title", in: item, flow: scalar(b.title), inserts: &added) }
            let x = offerValues(a), y = offerValues(b)
            for ((key, old), (_, new)) in zip(x, y) where old?.flow != new?.flow {
                try set(key, in: item, flow: new?.flow, block: new?.block ?? [], inserts: &added)
            }
            if !added.isEmpty { edit.insert(after: item.end, added) }
        }

        /// The Markdown body: every line after the closing `---` replaced.
        mutating func body(_ body: String) {
            let texts = body.isEmpty ? [] : body.components(separatedBy: "\n")
            let from = edit.closing + 1
            if from < edit.lines.count {
                edit.replace(from...(edit.lines.count - 1), with: texts)
                // The last body line ends as the file's last line did; a file that ended
                // without a line break gets one now only if the body is new.
            } else if !texts.isEmpty {
                edit.insert(after: edit.closing, texts)
            }
        }
    }
}
