import OfferMapModel
import OfferMapInput
import OfferMapRender
import FlyingFox
import Foundation

/// The two forms of the review page: confirm one offer's labels into its institution file, and take the last
/// confirmation back. Both refuse a request without the page's token or from another origin, and both write
/// only a file the county already has, after checking that it still reads as the page showed it.
struct Review {
    let server: Server
    let county: String
    var workspace: Workspace { server.workspace }

    func confirm(_ request: HTTPRequest) async -> HTTPResponse {
        guard let form = await accepted(request) else { return await refused() }
        guard let landscape = await workspace.landscape(county), let institution = form.first("institution"),
              let entry = landscape.county.institutions.first(where: { $0.id == institution }),
              let offerID = form.first("offer"), let offer = entry.offers.first(where: { $0.id == offerID }),
              let path = safePath(entry.location.path)
        else { return await back(notice: texts("review.not_found")) }
        // in the taxonomy's order; an id the taxonomy does not know is left out
        let ticked = Set(form.all("label"))
        let edit = LabelEdit(offer: offerID, phases: landscape.taxonomy.phases.map(\.id).filter { ticked.contains("phase:" + $0) },
                             categories: landscape.taxonomy.categories.map(\.id).filter { ticked.contains("category:" + $0) })
        guard !edit.phases.isEmpty, !edit.categories.isEmpty else { return await back(notice: texts("review.pick_one"), anchor: form.first("anchor")) }
        guard let shown = await workspace.show(path) else { return await back(notice: texts("review.not_found")) }
        if shown.version != form.first("version") {
            let before = await workspace.text(shownAs: form.first("version") ?? "")
            return await back(notice: nil, conflict: Review.changes(from: before ?? "", to: shown.text, path: path))
        }
        do {
            let before = try LabelWriteBack.write([edit], path: path, expected: shown.text, taxonomy: landscape.taxonomy)
            let after = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            await workspace.record(.init(path: path, before: before, after: after, title: offer.title))
            await workspace.rebuild()
            let file = (path as NSString).lastPathComponent
            return await back(notice: texts("review.saved", ["title": offer.title, "file": file]), anchor: form.first("next"))
        } catch let error as WriteBackError {
            if case .changedOnDisk = error, let now = await workspace.show(path) {  // changed between the check and the write
                return await back(notice: nil, conflict: Review.changes(from: shown.text, to: now.text, path: path))
            }
            return await back(notice: texts("review.invalid", ["message": "\(error.message) (\(error.hint))"]))
        } catch {
            return await back(notice: texts("review.invalid", ["message": "\(error)"]))
        }
    }

    func undo(_ request: HTTPRequest) async -> HTTPResponse {
        guard await accepted(request) != nil else { return await refused() }
        guard let last = await workspace.lastWrite() else { return await back(notice: texts("review.nothing_to_undo")) }
        let file = (last.path as NSString).lastPathComponent
        guard (try? LabelWriteBack.restore(last.before, path: last.path, expected: last.after)) != nil else {
            return await back(notice: texts("review.undo_changed", ["file": file]))
        }
        await workspace.dropLastWrite()
        await workspace.rebuild()
        return await back(notice: texts("review.undone", ["title": last.title]))
    }

    /// The form, when it carries the page's token and comes from a page of this server.
    func accepted(_ request: HTTPRequest) async -> Form? {
        guard await server.origin.allowsOrigin(request.headers[HTTPHeader("Origin")], site: request.headers[HTTPHeader("Sec-Fetch-Site")]),
              let size = request.bodySequence.count, size <= Form.limit,
              let body = try? await request.bodyData else { return nil }
        let form = Form(body)
        return form.first("token") == workspace.token ? form : nil
    }

    func refused() async -> HTTPResponse {
        Responses.text(.forbidden, await texts("review.refused"))
    }

    func texts(_ key: String, _ values: [String: String] = [:]) async -> String {
        server.texts(await workspace.landscape(county))(key, values)
    }

    func back(notice: String?, conflict: [String] = [], anchor: String? = nil) async -> HTTPResponse {
        if !conflict.isEmpty {
            // The page itself, not a redirect: the changes are shown once, beside the new state.
            return await server.review(county, conflict: conflict, status: .conflict)
        }
        if let notice { await workspace.notice(county, notice) }
        let fragment = anchor.flatMap { $0.isEmpty ? nil : "#" + $0 } ?? ""
        return Responses.redirect("/review/\(county)\(fragment)")
    }

    /// The path when it lies inside the inputs folder; that it is a plain `.md` file, no link, `LabelWriteBack.write` checks.
    func safePath(_ path: String) -> String? {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        return url.path.hasPrefix(workspace.inputs + "/") ? url.path : nil
    }

    /// The lines that differ, as `- 12: old` and `+ 12: new`.
    static func changes(from before: String, to after: String, path: String) -> [String] {
        let old = before.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = after.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var lines = [(path as NSString).lastPathComponent]
        for change in new.difference(from: old) {
            switch change {
            case .remove(let offset, let line, _): lines.append("- \(offset + 1): \(line)")
            case .insert(let offset, let line, _): lines.append("+ \(offset + 1): \(line)")
            }
        }
        return Array(lines.prefix(41))
    }
}

/// An `application/x-www-form-urlencoded` body.
struct Form {
    static let limit = 64 * 1024
    let fields: [(String, String)]

    init(_ body: Data) {
        func decoded(_ part: Substring) -> String { part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
        fields = String(decoding: body, as: UTF8.self).split(separator: "&").map { pair in
            let halves = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (decoded(halves[0]), halves.count > 1 ? decoded(halves[1]) : "")
        }
    }

    func first(_ name: String) -> String? { fields.first { $0.0 == name }?.1 }
    func all(_ name: String) -> [String] { fields.filter { $0.0 == name }.map(\.1) }
}
