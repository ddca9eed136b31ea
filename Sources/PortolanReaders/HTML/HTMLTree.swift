@preconcurrency internal import CLibXML2

/// A saved web page as a small Swift tree. This is the only file that touches libxml2: its
/// HTML parser is forgiving the way browsers are (unclosed tags, stray markup), which
/// FoundationXML's XML parser is not.
struct HTMLNode: Sendable {
    enum Kind: Sendable { case element, text }

    var kind: Kind
    /// Lowercased tag name; empty for text.
    var name: String
    var attributes: [String: String]
    var children: [HTMLNode]
    /// The text of a text node, entities decoded.
    var text: String
    /// 1-based line in the source file.
    var line: Int

    /// Parses HTML bytes (UTF-8). Returns nil only when libxml2 produces no document at all.
    /// Parses HTML bytes (UTF-8). Returns nil only when libxml2 produces no document at all;
    /// `stoppedEarly` tells when it gave up on part of the page (nesting deeper than it reads).
    static func parse(_ bytes: [UInt8]) -> (root: HTMLNode?, stoppedEarly: String?) {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | XML_PARSE_HUGE.rawValue)
        guard let context = htmlNewParserCtxt() else { return (nil, nil) }
        defer { htmlFreeParserCtxt(context) }
        let document: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    htmlCtxtReadMemory(context, $0, Int32(buffer.count), "document.html", "UTF-8", options)
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
        let tree = convert(root, depth: 0, tooDeep: &tooDeep)
        if tooDeep { stoppedEarly = stoppedEarly ?? "elements nested more than \(maximumDepth) levels deep" }
        return (tree, stoppedEarly)
    }

    /// Deeper than any real page; keeps the recursion here and in the readers within a thread's stack.
    static let maximumDepth = 1000

    private static func convert(_ node: xmlNodePtr, depth: Int, tooDeep: inout Bool) -> HTMLNode {
        var result = HTMLNode(kind: .element, name: string(node.pointee.name).lowercased(), attributes: [:],
                              children: [], text: "", line: Int(xmlGetLineNo(node)))
        var attribute = node.pointee.properties
        while let current = attribute {
            let name = string(current.pointee.name).lowercased()
            if let value = xmlGetProp(node, current.pointee.name) {
                result.attributes[name] = String(cString: value)
                xmlFree(value)
            }
            attribute = current.pointee.next
        }
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                if depth < maximumDepth {
                    result.children.append(convert(current, depth: depth + 1, tooDeep: &tooDeep))
                } else {
                    tooDeep = true
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = xmlNodeGetContent(current) {
                    result.children.append(HTMLNode(kind: .text, name: "", attributes: [:], children: [],
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

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
