import Foundation

/// `word/document.xml` as a small Swift tree of elements (local names, namespace prefixes
/// dropped: `w:tc` is "tc") and text, read strictly by libxml2's XML parser (see `LibXML`).
struct WordNode: Sendable {
    var name: String
    /// Attributes by local name (`w:val` is "val").
    var attributes: [String: String]
    var children: [WordNode]
    /// The text of a `w:t` element.
    var text: String

    func child(_ name: String) -> WordNode? { children.first { $0.name == name } }
    func children(_ name: String) -> [WordNode] { children.filter { $0.name == name } }

    /// The root element, or libxml2's reason for rejecting the bytes.
    static func parse(_ bytes: [UInt8]) -> Result<WordNode, ParseFailure> {
        switch LibXML.xml(bytes, name: "document.xml") {
        case .success(let root): .success(WordNode(root))
        case .failure(let failure): .failure(ParseFailure(reason: failure.reason))
        }
    }

    struct ParseFailure: Error, Equatable {
        var reason: String
    }

    /// Elements keep their element children; an element's text is its text children's, joined.
    init(_ node: MarkupNode) {
        name = node.name
        attributes = node.attributes
        children = node.children.filter { $0.kind == .element }.map(WordNode.init)
        text = node.children.filter { $0.kind == .text }.map(\.text).joined()
    }
}
