import OfferMapInput
import FlyingFox
import Foundation

/// The responses the server gives: pages, files, redirects, short texts.
enum Responses {
    /// Pages change with every build: never cached, never framed by another site.
    static let headers: HTTPHeaders = [.cacheControl: "no-store", HTTPHeader("X-Frame-Options"): "DENY",
                                       HTTPHeader("X-Content-Type-Options"): "nosniff"]

    static func body(_ text: String, type: String, status: HTTPStatusCode = .ok) -> HTTPResponse {
        data(Data(text.utf8), type: type, status: status)
    }

    static func data(_ data: Data, type: String, status: HTTPStatusCode = .ok) -> HTTPResponse {
        var headers = Responses.headers
        headers[.contentType] = type
        return HTTPResponse(statusCode: status, headers: headers, body: data)
    }

    static func html(_ text: String, status: HTTPStatusCode = .ok) -> HTTPResponse { body(text, type: "text/html; charset=utf-8", status: status) }
    static func json(_ text: String) -> HTTPResponse { body(text, type: "application/json") }
    static func text(_ status: HTTPStatusCode, _ text: String) -> HTTPResponse { body(text + "\n", type: "text/plain; charset=utf-8", status: status) }

    /// After a form: back to the page (Post/Redirect/Get), so that reloading does not send the form again.
    static func redirect(_ location: String) -> HTTPResponse {
        var headers = Responses.headers
        headers[.location] = location
        return HTTPResponse(statusCode: .seeOther, headers: headers)
    }

    /// A path the output folder can hold (`OutputWriter`'s rule) that names no hidden file, such as the staging folder.
    static func isPlainPath(_ parts: [String]) -> Bool {
        !parts.isEmpty && OutputWriter.isSafe(parts.joined(separator: "/")) && !parts.contains { $0.hasPrefix(".") }
    }

    static func type(of path: String) -> String {
        switch (path as NSString).pathExtension {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "svg": "image/svg+xml"
        case "md", "csv", "txt": "text/plain; charset=utf-8"
        case "png": "image/png"
        case "xml": "application/xml"
        default: "application/octet-stream"
        }
    }

    /// The live-reload script before `</head>` and the banner at the start of `<body>`.
    static func inject(_ page: String, banner: String, generation: Int) -> String {
        var page = page
        if let head = page.range(of: "</head>") {
            page.replaceSubrange(head, with: "<script src=\"/_serve.js\" data-generation=\"\(generation)\" defer></script>\n</head>")
        }
        if !banner.isEmpty, let body = page.range(of: "<body"), let end = page[body.upperBound...].firstIndex(of: ">") {
            page.insert(contentsOf: "\n" + banner, at: page.index(after: end))
        }
        return page
    }
}
