import Foundation
import PortolanModel
import Yams

extension Diagnostic {
    init(_ severity: Severity, _ message: String, at node: Node) {
        self.init(severity, message, line: node.mark?.line, column: node.mark?.column)
    }
}

extension YamlError {
    func diagnostic(text: String) -> Diagnostic {
        switch self {
        case .duplicatedKeysInMapping(let duplicates, let context):
            let (line, first) = Self.repeated(duplicates.first ?? "", after: context.mark.line, in: text)
            let message = "duplicate key '\(duplicates.first ?? "")'" + (first.map { " (first at line \($0))" } ?? "")
            return Diagnostic(.error, "the inventory is not valid YAML: " + message, line: line ?? context.mark.line, column: 1)
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return Diagnostic(.error, "the inventory is not valid YAML: \(problem)", line: mark.line, column: mark.column)
        default:
            return Diagnostic(.error, "the inventory is not valid YAML: \(self)", line: 1, column: 1)
        }
    }

    /// Where a duplicated key is written again: the first line at or after `line` holding
    /// the key at the start of a mapping entry, and the next such line at the same indentation.
    static func repeated(_ key: String, after line: Int, in text: String) -> (second: Int?, first: Int?) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func entry(_ index: Int) -> (indent: Int, key: String)? {
            let raw = lines[index]
            let indent = raw.prefix { $0 == " " }.count
            var body = raw.dropFirst(indent)
            if body.hasPrefix("- ") { body = body.dropFirst(2) }
            guard let colon = body.firstIndex(of: ":") else { return nil }
            var name = body[..<colon].trimmingCharacters(in: .whitespaces)
            if name.count >= 2, let q = name.first, q == "\"" || q == "'", name.last == q { name = String(name.dropFirst().dropLast()) }
            return (indent, name)
        }
        let start = max(0, line - 1)
        guard start < lines.count else { return (nil, nil) }
        guard let firstIndex = (start..<lines.count).first(where: { entry($0)?.key == key }), let indent = entry(firstIndex)?.indent
        else { return (nil, nil) }
        let second = ((firstIndex + 1)..<lines.count).first { entry($0).map { $0.key == key && $0.indent == indent } ?? false }
        return (second.map { $0 + 1 }, firstIndex + 1)
    }
}
