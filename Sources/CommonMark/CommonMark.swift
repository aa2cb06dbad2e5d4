import Ccmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The only place that touches libcmark. Markdown in, safe HTML out.
///
/// cmark's default options are safe: raw HTML is replaced by a comment and
/// links with unsafe schemes (javascript:, vbscript:, file:, most data:) lose their target.
public enum CommonMark {
    public static func html(_ markdown: String) -> String {
        if markdown.isEmpty { return "" }
        var bytes = Array(markdown.utf8)
        let count = bytes.count
        return bytes.withUnsafeMutableBufferPointer { buffer -> String in
            let source = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
            guard let rendered = cmark_markdown_to_html(source, count, CMARK_OPT_DEFAULT) else { return "" }
            // cmark.h: the caller frees the returned string with free().
            defer { free(rendered) }
            return String(cString: rendered)
        }
    }
}
