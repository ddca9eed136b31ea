/// A saved web page as a small Swift tree (libxml2's forgiving HTML parser, see `LibXML`).
typealias HTMLNode = MarkupNode

extension MarkupNode {
    /// Parses HTML bytes (UTF-8). Returns nil only when libxml2 produces no document at all;
    /// `stoppedEarly` tells when it gave up on part of the page (nesting deeper than it reads).
    static func parse(_ bytes: [UInt8]) -> (root: HTMLNode?, stoppedEarly: String?) {
        LibXML.html(bytes)
    }
}
