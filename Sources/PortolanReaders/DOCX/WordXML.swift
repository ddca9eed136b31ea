@preconcurrency internal import CLibXML2
import Foundation

/// `word/document.xml` as a small Swift tree of elements (local names, namespace prefixes
/// dropped: `w:tc` is "tc") and text. The only file that uses libxml2's XML parser (HTMLTree.swift
/// has its forgiving HTML parser): a strict parse with no network, no DTD and no entity
/// expansion, so a hostile document cannot reach out or blow up.
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
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_HUGE.rawValue)
        guard let context = xmlNewParserCtxt() else { return .failure(ParseFailure(reason: "out of memory")) }
        defer { xmlFreeParserCtxt(context) }
        let document: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlCtxtReadMemory(context, $0, Int32(clamping: buffer.count), "document.xml", "UTF-8", options)
                }
            }
        }
        guard let document else {
            let message = context.pointee.lastError.message.map { String(cString: $0) } ?? "not XML"
            return .failure(ParseFailure(reason: message.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return .failure(ParseFailure(reason: "no root element")) }
        var tooDeep = false
        let tree = convert(root, depth: 0, tooDeep: &tooDeep)
        return tooDeep ? .failure(ParseFailure(reason: "elements nested more than \(maximumDepth) levels deep")) : .success(tree)
    }

    static let maximumDepth = 1000

    struct ParseFailure: Error, Equatable {
        var reason: String
    }

    private static func convert(_ node: xmlNodePtr, depth: Int, tooDeep: inout Bool) -> WordNode {
        var result = WordNode(name: string(node.pointee.name), attributes: [:], children: [], text: "")
        var attribute = node.pointee.properties
        while let current = attribute {
            if let value = xmlGetProp(node, current.pointee.name) {
                result.attributes[string(current.pointee.name)] = String(cString: value)
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
                    result.text += String(cString: content)
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
