import Ccmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The only place that touches libcmark.
///
/// cmark's default options are safe: raw HTML is replaced by a comment and
/// links with unsafe schemes (javascript:, vbscript:, file:, most data:) lose their target.
public enum CommonMark {
    /// Markdown in, safe HTML out. `allowRawHTML` exists for tests that prove our Markdown
    /// output stays inert even in a viewer that passes raw HTML through.
    public static func html(_ markdown: String, allowRawHTML: Bool = false) -> String {
        withDocument(markdown) { root in
            // cmark.h: the caller frees the returned string with free().
            guard let rendered = cmark_render_html(root, allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT) else { return "" }
            defer { free(rendered) }
            return String(cString: rendered)
        }
    }

    /// Markdown in, Markdown out with the same safety as `html`: raw HTML becomes
    /// code (shown, never run) and unsafe link targets are emptied, so the text stays
    /// inert in whatever renders it later.
    public static func safeMarkdown(_ markdown: String) -> String {
        withDocument(markdown) { root in
            neutralise(root)
            guard let rendered = cmark_render_commonmark(root, CMARK_OPT_DEFAULT, 0) else { return "" }
            defer { free(rendered) }
            return String(cString: rendered)
        }
    }

    private static func withDocument(_ markdown: String, _ body: (OpaquePointer) -> String) -> String {
        if markdown.isEmpty { return "" }
        let bytes = Array(markdown.utf8)
        let root: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parse_document($0, buffer.count, CMARK_OPT_DEFAULT)
            }
        }
        guard let root else { return "" }
        defer { cmark_node_free(root) }
        return body(root)
    }

    /// Collects first, then changes: cmark's iterator must not see replaced nodes.
    private static func neutralise(_ root: OpaquePointer) {
        var html: [OpaquePointer] = []
        var links: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator), cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE: html.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE: links.append(node)
            default: break
            }
        }
        for node in links {
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            if !isSafe(url) { cmark_node_set_url(node, "") }
        }
        for node in html {
            let block = cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK
            guard let code = cmark_node_new(block ? CMARK_NODE_CODE_BLOCK : CMARK_NODE_CODE) else { continue }
            cmark_node_set_literal(code, cmark_node_get_literal(node))
            if cmark_node_replace(node, code) == 1 { cmark_node_free(node) } else { cmark_node_free(code) }
        }
    }

    /// The schemes cmark's safe HTML keeps, plus relative links.
    static func isSafe(_ url: String) -> Bool {
        let lowered = url.trimmingLeadingSpaces.lowercased()
        guard let colon = lowered.firstIndex(of: ":") else { return true }
        let scheme = lowered[..<colon]
        if scheme.contains("/") || scheme.contains("?") || scheme.contains("#") { return true }
        return ["http", "https", "mailto", "tel"].contains(String(scheme))
    }
}

extension String {
    fileprivate var trimmingLeadingSpaces: Substring { drop { $0 == " " || $0 == "\t" || $0 == "\n" } }
}
