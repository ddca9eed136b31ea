@preconcurrency internal import CLibXML2
import Foundation

/// A parsed page or XML part as a small Swift tree: elements with their attributes and
/// children, and text.
struct MarkupNode: Sendable {
    enum Kind: Sendable { case element, text }

    var kind: Kind
    /// The element's name (lowercased for HTML; the local name, prefix dropped, for XML: `w:tc`
    /// is "tc"); empty for text.
    var name: String
    var attributes: [String: String]
    var children: [MarkupNode]
    /// The text of a text node, entities decoded.
    var text: String
    /// 1-based line in the source.
    var line: Int
}

/// The only file that touches libxml2. Its HTML parser is forgiving the way browsers are
/// (unclosed tags, stray markup), which FoundationXML's XML parser is not; its XML parser reads
/// Word's `document.xml` strictly. Neither reaches the network, loads a DTD or expands entities,
/// so a hostile document can neither reach out nor blow up.
enum LibXML {
    /// Held around every use of libxml2: documents are read side by side, one parse at a time.
    private static let lock = NSLock()

    /// Deeper than any real document; keeps the recursion here and in the readers within a thread's stack.
    static let maximumDepth = 1000

    /// A saved web page (UTF-8). `root` is nil only when libxml2 produces no document at all;
    /// `stoppedEarly` tells when it gave up on part of the page (nesting deeper than it reads).
    static func html(_ bytes: [UInt8]) -> (root: MarkupNode?, stoppedEarly: String?) {
        lock.withLock { parseHTML(bytes) }
    }

    private static func parseHTML(_ bytes: [UInt8]) -> (root: MarkupNode?, stoppedEarly: String?) {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | XML_PARSE_HUGE.rawValue)
        guard let context = htmlNewParserCtxt() else { return (nil, nil) }
        defer { htmlFreeParserCtxt(context) }
        let document: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    htmlCtxtReadMemory(context, $0, Int32(clamping: buffer.count), "document.html", "UTF-8", options)
                }
            }
        }
        var stoppedEarly: String?
        let error = context.pointee.lastError
        if error.level == XML_ERR_FATAL, let message = error.message {
            stoppedEarly = Text.collapseSpaces(String(cString: message))
        }
        guard let document else { return (nil, stoppedEarly) }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return (nil, stoppedEarly) }
        var tooDeep = false
        let tree = convert(root, lowercased: true, depth: 0, tooDeep: &tooDeep)
        if tooDeep { stoppedEarly = stoppedEarly ?? "elements nested more than \(maximumDepth) levels deep" }
        return (tree, stoppedEarly)
    }

    struct XMLFailure: Error, Equatable {
        var reason: String
    }

    /// An XML part (Word's `document.xml`): its root element, or libxml2's reason for rejecting the bytes.
    static func xml(_ bytes: [UInt8], name: String) -> Result<MarkupNode, XMLFailure> {
        lock.withLock { parseXML(bytes, name: name) }
    }

    private static func parseXML(_ bytes: [UInt8], name: String) -> Result<MarkupNode, XMLFailure> {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_HUGE.rawValue)
        guard let context = xmlNewParserCtxt() else { return .failure(XMLFailure(reason: "out of memory")) }
        defer { xmlFreeParserCtxt(context) }
        let document: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlCtxtReadMemory(context, $0, Int32(clamping: buffer.count), name, "UTF-8", options)
                }
            }
        }
        guard let document else {
            let message = context.pointee.lastError.message.map { String(cString: $0) } ?? "not XML"
            return .failure(XMLFailure(reason: Text.trimmed(message)))
        }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return .failure(XMLFailure(reason: "no root element")) }
        var tooDeep = false
        let tree = convert(root, lowercased: false, depth: 0, tooDeep: &tooDeep)
        return tooDeep ? .failure(XMLFailure(reason: "elements nested more than \(maximumDepth) levels deep")) : .success(tree)
    }

    private static func convert(_ node: xmlNodePtr, lowercased: Bool, depth: Int, tooDeep: inout Bool) -> MarkupNode {
        func named(_ pointer: UnsafePointer<xmlChar>?) -> String {
            let name = pointer.map { String(cString: $0) } ?? ""
            return lowercased ? name.lowercased() : name
        }
        var result = MarkupNode(kind: .element, name: named(node.pointee.name), attributes: [:],
                                children: [], text: "", line: Int(xmlGetLineNo(node)))
        var attribute = node.pointee.properties
        while let current = attribute {
            if let value = xmlGetProp(node, current.pointee.name) {
                result.attributes[named(current.pointee.name)] = String(cString: value)
                xmlFree(value)
            }
            attribute = current.pointee.next
        }
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                if depth < maximumDepth {
                    result.children.append(convert(current, lowercased: lowercased, depth: depth + 1, tooDeep: &tooDeep))
                } else {
                    tooDeep = true
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = xmlNodeGetContent(current) {
                    result.children.append(MarkupNode(kind: .text, name: "", attributes: [:], children: [],
                                                      text: String(cString: content), line: Int(xmlGetLineNo(current))))
                    xmlFree(content)
                }
            default:
                break
            }
            child = current.pointee.next
        }
        return result
    }
}
