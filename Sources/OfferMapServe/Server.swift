import OfferMapModel
import OfferMapCore
import OfferMapRender
import FlyingFox
import FlyingSocks
import Foundation

/// `offermap serve`: the reports, the comparison, the site and a review page per county on 127.0.0.1, rebuilt when
/// a file under the inputs changes. Only the review page writes, and only the labels of one offer at a time.
public struct Server: Sendable {
    public let workspace: Workspace
    let templates: Templates
    let language: Language?
    let origin = Origin()

    public init(workspace: Workspace, templates: Templates, language: Language?) {
        self.workspace = workspace
        self.templates = templates
        self.language = language
    }

    /// Builds, binds to 127.0.0.1 (port 0: any free one), calls `ready` with the address, then serves and watches the
    /// inputs until the task is cancelled.
    public func run(port: UInt16, ready: @escaping @Sendable (String) -> Void) async throws {
        await workspace.rebuild()
        let server = HTTPServer(address: try sockaddr_in.inet(ip4: "127.0.0.1", port: port), logger: .disabled)
        await server.appendRoute("*") { request in await self.handle(request) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            // a port in use ends `run` at once, before anything listens
            group.addTask { try await server.run() }
            group.addTask {
                try await server.waitUntilListening()
                guard case .ip4(_, let bound)? = await server.listeningAddress else { throw SocketError.unsupportedAddress }
                let address = "http://127.0.0.1:\(bound)"
                await origin.set(address, port: bound)
                ready(address)
                while !Task.isCancelled {
                    try await Task.sleep(nanoseconds: 250_000_000)
                    await workspace.refreshIfChanged()
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    func handle(_ request: HTTPRequest) async -> HTTPResponse {
        guard await origin.allowsHost(request.headers[.host]) else { return Responses.text(.misdirectedRequest, "unknown host") }
        let parts = request.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        switch (request.method, parts.first) {
        case (.GET, nil): return await index()
        case (.GET, "_state"?):
            let state = await (workspace.generation, workspace.errors.count)
            return Responses.json("{\"generation\":\(state.0),\"errors\":\(state.1)}")
        case (.GET, "_serve.js"?):
            return Responses.body(templates.render("serve.js", [:]), type: "text/javascript; charset=utf-8")
        case (.GET, "reports"?), (.GET, "site"?), (.GET, "compare"?):
            return await file(parts)
        case (.GET, "review"?) where parts.count == 2:
            return await review(parts[1])
        case (.POST, "review"?) where parts.count == 3 && parts[2] == "confirm":
            return await Review(server: self, county: parts[1]).confirm(request)
        case (.POST, "review"?) where parts.count == 3 && parts[2] == "undo":
            return await Review(server: self, county: parts[1]).undo(request)
        default:
            return Responses.text(.notFound, "not found")
        }
    }

    func texts(_ landscape: Landscape?) -> Texts { Texts.shipped(language ?? landscape?.language ?? .de) }

    func index() async -> HTTPResponse {
        let landscapes = await workspace.landscapes
        let texts = Texts.shipped(language ?? (Set(landscapes.map(\.language)).count == 1 ? landscapes[0].language : .de))
        var context = ServeView.index(landscapes, texts: texts, inputs: workspace.inputs, errors: await workspace.errors)
        context["generation"] = await workspace.generation
        return Responses.html(templates.render("serve-index.html", context))
    }

    func review(_ county: String, conflict: [String] = [], status: HTTPStatusCode = .ok) async -> HTTPResponse {
        guard let landscape = await workspace.landscape(county) else { return Responses.text(.notFound, "not found") }
        var page = ReviewView.Page(token: workspace.token, versions: [:])
        for institution in landscape.county.institutions {
            if let shown = await workspace.show(institution.location.path) { page.versions[institution.location.path] = shown.version }
        }
        page.notice = await workspace.takeNotice(county)
        page.errors = await workspace.errors
        page.conflict = conflict
        if let last = await workspace.lastWrite() { page.undo = last.title }
        var context = ReviewView(landscape: landscape, texts: texts(landscape)).context(page)
        context["generation"] = await workspace.generation
        return Responses.html(templates.render("review.html", context), status: status)
    }

    /// A built file; HTML pages get the live-reload script and, while the inputs have errors, the errors on top.
    func file(_ parts: [String]) async -> HTTPResponse {
        guard Responses.isPlainPath(parts) else { return Responses.text(.notFound, "not found") }
        let path = ([workspace.out] + parts).joined(separator: "/")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let data = FileManager.default.contents(atPath: path) else { return Responses.text(.notFound, "not found") }
        let type = Responses.type(of: path)
        guard type.hasPrefix("text/html") else { return Responses.data(data, type: type) }
        let errors = await workspace.errors
        let banner = errors.isEmpty ? "" : templates.render("serve-errors.html", ServeView.values(errors, texts: texts(nil)))
        return Responses.html(Responses.inject(String(decoding: data, as: UTF8.self), banner: banner, generation: await workspace.generation))
    }
}

/// The address the server listens on, for the Host and Origin checks.
actor Origin {
    private var origin = ""
    private var port: UInt16 = 0

    func set(_ origin: String, port: UInt16) {
        self.origin = origin
        self.port = port
    }

    /// Only the names of this machine: a page elsewhere that points a name at 127.0.0.1 (DNS rebinding) is refused.
    func allowsHost(_ host: String?) -> Bool {
        guard let host else { return false }
        return host == "127.0.0.1:\(port)" || host == "localhost:\(port)"
    }

    /// A form sent by a page of this server: its Origin (when the browser sends one) and fetch site agree.
    func allowsOrigin(_ value: String?, site: String?) -> Bool {
        if let site, site != "same-origin", site != "none" { return false }
        guard let value else { return true }
        return value == origin || value == "http://localhost:\(port)"
    }
}
