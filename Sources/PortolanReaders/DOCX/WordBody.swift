/// Walks a Word document's body in order: paragraphs (with their style, so headings are known)
/// and tables. Wrappers that only group content (content controls, tracked insertions, smart
/// tags, hyperlinks, simple fields) are looked through; deleted text is not read.
enum WordBody {
    enum Block {
        case paragraph(text: String, style: String?)
        case table(WordNode)
    }

    static func blocks(_ document: WordNode) -> [Block] {
        guard let body = document.child("body") else { return [] }
        var blocks: [Block] = []
        collect(body, into: &blocks)
        return blocks
    }

    private static func collect(_ node: WordNode, into blocks: inout [Block]) {
        for child in node.children {
            switch child.name {
            case "p": blocks.append(.paragraph(text: text(child), style: child.child("pPr")?.child("pStyle")?.attributes["val"]))
            case "tbl": blocks.append(.table(child))
            case "sdt", "sdtContent", "customXml", "ins", "smartTag": collect(child, into: &blocks)
            default: break
            }
        }
    }

    /// The visible text of a paragraph or cell: runs' text, tabs and breaks as spaces, a cell's
    /// paragraphs joined with spaces, spaces collapsed.
    static func text(_ node: WordNode) -> String {
        var parts: [String] = []
        appendText(node, to: &parts)
        return Text.collapseSpaces(parts.joined())
    }

    private static func appendText(_ node: WordNode, to parts: inout [String]) {
        for child in node.children {
            switch child.name {
            case "t": parts.append(child.text)
            case "tab", "br", "cr": parts.append(" ")
            case "noBreakHyphen": parts.append("-")
            // Properties, deleted text, field codes, and the older copy of content written twice
            // (mc:AlternateContent's Fallback beside its Choice).
            case "del", "delText", "instrText", "pPr", "rPr", "tcPr", "trPr", "tblPr", "fldChar", "Fallback": break
            case "p":
                appendText(child, to: &parts)
                parts.append(" ")
            default: appendText(child, to: &parts)
            }
        }
    }
}
