import Foundation
import PortolanModel
/// GitHub-flavoured Markdown tables whose cells cannot break the table or inject markup.
public enum MarkdownTable {
    /// A header row, the delimiter row and one row per entry; every cell escaped.
    public static func render(header: [String], rows: [[String]]) -> String {
        var out: [UInt8] = []
        out.appendText(line(header) + "\n|" + header.map { _ in " --- |" }.joined() + "\n")
        for row in rows { appendRow(row, width: header.count, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// `render`, written into bytes one row at a time (each row made only as it is written).
    static func write<Rows: Sequence<[String]>>(header: [String], rows: Rows, into data: PageBytes) {
        data.append(contentsOf: (line(header) + "\n|" + header.map { _ in " --- |" }.joined() + "\n").utf8)
        for row in rows {
            data.write { appendRow(row, width: header.count, to: &$0) }
        }
    }

    private static func line(_ cells: [String]) -> String {
        "| " + cells.map(escape).joined(separator: " | ") + " |"
    }

    /// `line` of the row's first `width` cells (missing ones empty) and a line break, each cell
    /// escaped straight into the bytes (`appendCell`).
    private static func appendRow(_ row: [String], width: Int, to out: inout [UInt8]) {
        out.appendMarkup("| ")
        for index in 0..<width {
            if index > 0 { out.appendMarkup(" | ") }
            if index < row.count { appendCell(row[index], to: &out) }
        }
        out.appendMarkup(" |\n")
    }

    /// Appends `escape(text)`. Printable ASCII, tab and line breaks are escaped here byte by
    /// byte (there, each byte is a scalar and none is a hidden control, so `escape` maps each
    /// byte alone, but for a line feed after a carriage return); any other byte leaves the text
    /// to `general`.
    static func appendCell(_ text: String, to out: inout [UInt8]) {
        out.appendEscaped(text, general: general) { byte, previous in
            switch byte {
            case 0x7C: .replace("\\|")
            case 0x5C: .replace("\\\\")
            case 0x60: .replace("\\`")
            case 0x2A: .replace("\\*")
            case 0x5F: .replace("\\_")
            case 0x5B: .replace("\\[")
            case 0x5D: .replace("\\]")
            case 0x7E: .replace("\\~")
            case 0x3C: .replace("&lt;")
            case 0x3E: .replace("&gt;")
            case 0x26: .replace("&amp;")
            case 0x0D: .replace("<br>")
            case 0x0A: previous == 0x0D ? .replace("") : .replace("<br>")
            case 0x09: .replace(" ")
            case 0x20..<0x7F: .keep
            default: .general
            }
        }
    }

    /// Escapes a cell: pipes and Markdown punctuation get a backslash, `<`, `>` and `&`
    /// become entities (no raw HTML), line breaks become `<br>`, control and bidirectional
    /// characters show as their code point (`<U+001B>`, `<U+202E>`), a tab a space.
    public static func escape(_ text: String) -> String {
        // Most cells are printable ASCII without punctuation to escape: kept as they are.
        if text.utf8.allSatisfy(isPlain) { return text }
        var out: [UInt8] = []
        appendCell(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `escape`, scalar by scalar: the general way, for any text.
    static func general(_ text: String) -> String {
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
