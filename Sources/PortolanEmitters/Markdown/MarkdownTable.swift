import Foundation
import PortolanModel
/// GitHub-flavoured Markdown tables whose cells cannot break the table or inject markup.
public enum MarkdownTable {
    /// A header row, the delimiter row and one row per entry; every cell escaped.
    public static func render(header: [String], rows: [[String]]) -> String {
        var lines = [line(header), "|" + header.map { _ in " --- |" }.joined()]
        lines += rows.map { row in line((0..<header.count).map { $0 < row.count ? row[$0] : "" }) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `render`, written into bytes one row at a time (each row made only as it is written).
    static func write<Rows: Sequence<[String]>>(header: [String], rows: Rows, into data: PageBytes) {
        data.append(contentsOf: (line(header) + "\n|" + header.map { _ in " --- |" }.joined() + "\n").utf8)
        for row in rows {
            data.append(contentsOf: (line((0..<header.count).map { $0 < row.count ? row[$0] : "" }) + "\n").utf8)
        }
    }

    private static func line(_ cells: [String]) -> String {
        "| " + cells.map(escape).joined(separator: " | ") + " |"
    }

    /// Escapes a cell: pipes and Markdown punctuation get a backslash, `<`, `>` and `&`
    /// become entities (no raw HTML), line breaks become `<br>`, control and bidirectional
    /// characters show as their code point (`<U+001B>`, `<U+202E>`), a tab a space.
    public static func escape(_ text: String) -> String {
        // Most cells are printable ASCII without punctuation to escape: kept as they are.
        if text.utf8.allSatisfy(isPlain) { return text }
        var out = ""
        var previousWasCR = false
        for scalar in ControlCharacters.visible(text).unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\r": out += "<br>"
            case "\n": if !previousWasCR { out += "<br>" }
            case "|", "\\", "`", "*", "_", "[", "]", "~": out += "\\" + String(scalar)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            default:
                if scalar.isControlCharacter { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// A printable ASCII byte that `escape` keeps as it is.
    private static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x7C, 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x7E, 0x3C, 0x3E, 0x26: false  // | \ ` * _ [ ] ~ < > &
        default: byte >= 0x20 && byte < 0x7F
        }
    }

    /// Text for a heading or paragraph line: the same escaping, so a name cannot start a list,
    /// a heading or a block (`!!!` admonitions, `???` details, `:::` fences of MkDocs' extensions).
    public static func inline(_ text: String) -> String {
        let escaped = escape(text)
        if let first = escaped.first, "-+=>0123456789#!?:".contains(first) { return "\\" + escaped }
        return escaped
    }
}
