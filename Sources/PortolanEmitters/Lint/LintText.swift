import Foundation
import PortolanAnalysis
import PortolanModel

/// Lint findings as text, one per line: `path:line:col: severity: message [rule-id]`.
/// Control and bidirectional characters, line breaks included, show as their code point
/// (`<U+001B>`), so a finding is one line and cannot drive the terminal that prints it.
public enum LintText {
    public static func render(_ findings: [LintFinding]) -> String {
        var text = ""
        for finding in findings {
            text += line(finding.formatted)
            text += "\n"
        }
        return text
    }

    /// The bytes of `render`, written straight into the file's `Data` (a million rows' lint.txt
    /// is 70 MB: not held as a String and as a copy of it at once).
    public static func data(_ findings: [LintFinding]) -> Data {
        let output = JSONBytes.Output()
        for finding in findings {
            output.append(contentsOf: line(finding.formatted))
            output.append(0x0A)
        }
        return output.data
    }

    /// A finding's line as printed: `ControlCharacters.visible(_:lineBreaks: true)`, without
    /// asking Unicode about each character of a line that is printable ASCII throughout.
    static func line(_ formatted: String) -> String {
        if formatted.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return formatted }
        return ControlCharacters.visible(formatted, lineBreaks: true)
    }

    /// `--list-rules`: each rule's id and one-line summary.
    public static func ruleList(_ rules: [LintRuleDescription]) -> String {
        let width = rules.map(\.id.count).max() ?? 0
        return rules.map { $0.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.summary + "\n" }.joined()
    }
}
