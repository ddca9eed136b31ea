import PortolanModel
import Foundation
/// Escaping for the two kinds of text a DOT file holds.
public enum DOTText {
    /// Text inside an HTML-like label: `&`, `<`, `>`, `"` and `'` as entities, line breaks as
    /// `<br/>`, other control characters dropped.
    public static func html(_ text: String) -> String {
        var out = ""
        var lines: [String] = []
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" || scalar == "\n" || scalar == "\u{2028}" {
                if !(scalar == "\n" && previousWasCR) { lines.append(out); out = "" }
                previousWasCR = scalar == "\r"
                continue
            }
            previousWasCR = false
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if scalar.isControlCharacter { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        lines.append(out)
        return lines.joined(separator: "<br/>")
    }

    /// An attribute value inside an HTML-like label (`tooltip="…"` on a `<td>`), quotes included:
    /// escaped like `html`, with line breaks as spaces since no tag may stand there.
    public static func htmlAttribute(_ text: String) -> String {
        "\"" + html(text).replacingOccurrences(of: "<br/>", with: " ") + "\""
    }

    /// A double-quoted DOT string whose value Graphviz reads as an escString (tooltips, ids):
    /// backslash and quote escaped, line breaks as `\n`, other control characters dropped.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\r", "\n", "\u{2028}":
                if !(scalar == "\n" && previousWasCR) { out += "\\n" }
                previousWasCR = scalar == "\r"
                continue
            default:
                if scalar.isControlCharacter { break }
                out.unicodeScalars.append(scalar)
            }
            previousWasCR = false
        }
        return out + "\""
    }

    /// Text cut to at most `limit` characters, an ellipsis marking the cut, for the labels and
    /// tooltips of a drawing (Graphviz refuses strings over 16,384 bytes; the tables, the model
    /// and the site keep the whole text).
    public static func shortened(_ text: String, to limit: Int = 200) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(max(0, limit - 1))) + "…"
    }

    /// Breaks a name into lines of about `width` characters at spaces, for node labels.
    public static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = String(word)
            } else {
                line += line.isEmpty ? String(word) : " " + word
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
