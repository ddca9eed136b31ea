import PortolanModel
import Yams

/// Composes YAML text into a tree the way every Portolan YAML file is read (models, aliases,
/// lint configuration, inventory): never throws, and every problem is a diagnostic with its line.
///
/// A key written twice in one mapping is an error at the second key,
/// `duplicate key 'x' (first at line N)`, and the tree is still returned with both entries
/// (in file order), so the rest of the file is read. Yams stops at the first duplicate and
/// names only the first key's position; to find the others, the first key's first character is
/// swapped for a private-use character (same length, so every position stays put) and the
/// text composed again, until it composes or `maximumDuplicates` is reached.
public enum YAMLTree {
    public struct Composed {
        /// Nil when the text is empty or cannot be composed.
        public var root: Node?
        public var diagnostics: [Diagnostic]
    }

    /// Beyond this many duplicate keys the rest are not located (each costs one more parse).
    static let maximumDuplicates = 16

    /// `syntaxPrefix` opens the message of a syntax error ("the alias file is not valid YAML: ").
    public static func compose(_ text: String, syntaxPrefix: String = "YAML syntax: ") -> Composed {
        var scalars = Array(text.unicodeScalars)
        /// Position -> the key written there, for the keys swapped so far.
        var swapped: [Position: String] = [:]
        var diagnostics: [Diagnostic] = []
        var firstDuplicate: Position?
        while true {
            let attempt = swapped.isEmpty ? text : String(String.UnicodeScalarView(scalars))
            do {
                let root = try Yams.compose(yaml: attempt)
                let restored = root.map { restore($0, swapped: swapped) }
                diagnostics += duplicates(in: restored)
                return Composed(root: restored, diagnostics: Diagnostic.sortedByPosition(diagnostics))
            } catch YamlError.duplicatedKeysInMapping(let keys, let context) {
                let position = Position(line: context.mark.line, column: context.mark.column)
                firstDuplicate = firstDuplicate ?? position
                guard swapped.count < maximumDuplicates, swapped[position] == nil,
                      let key = keys.first, let index = keyStart(in: scalars, at: position),
                      let replacement = Unicode.Scalar(0xE000 + UInt32(swapped.count)) else {
                    // Not located: say what Yams says, at the first duplicated key of the file.
                    let names = keys.map { "'\(printable($0))'" }.joined(separator: ", ")
                    let first = firstDuplicate ?? position
                    diagnostics = [Diagnostic(.error, "duplicate key \(names) (first at line \(first.line)); later duplicates not located",
                                              line: first.line, column: first.column, code: "duplicate-key")]
                    return Composed(root: nil, diagnostics: Diagnostic.sortedByPosition(diagnostics))
                }
                swapped[position] = key
                scalars[index] = replacement
            } catch let error as YamlError {
                diagnostics.append(syntax(error, prefix: syntaxPrefix))
                return Composed(root: nil, diagnostics: Diagnostic.sortedByPosition(diagnostics))
            } catch {
                diagnostics.append(Diagnostic(.error, syntaxPrefix + "\(error)", line: 1, column: 1))
                return Composed(root: nil, diagnostics: Diagnostic.sortedByPosition(diagnostics))
            }
        }
    }

    /// `duplicate key 'x' (first at line N)`: the message every YAML reader gives.
    public static func duplicateKeyMessage(_ key: String, firstLine: Int) -> String {
        "duplicate key '\(printable(key))' (first at line \(firstLine))"
    }

    /// Every key after the first of the same value in one mapping, as errors at the later key.
    public static func duplicates(in root: Node?) -> [Diagnostic] {
        guard let root else { return [] }
        var diagnostics: [Diagnostic] = []
        func walk(_ node: Node) {
            switch node {
            case .mapping(let mapping):
                var first: [Node: Int] = [:]
                for (key, value) in mapping {
                    if let line = first[key] {
                        diagnostics.append(Diagnostic(.error, duplicateKeyMessage(key.string ?? "(a collection)", firstLine: line),
                                                      line: key.mark?.line, column: key.mark?.column, code: "duplicate-key"))
                    } else {
                        first[key] = key.mark?.line ?? 0
                    }
                    walk(key)
                    walk(value)
                }
            case .sequence(let sequence):
                sequence.forEach(walk)
            case .scalar, .alias:
                break
            }
        }
        walk(root)
        return diagnostics
    }

    static func syntax(_ error: YamlError, prefix: String) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return Diagnostic(.error, prefix + problem, line: mark.line, column: mark.column)
        default:
            return Diagnostic(.error, prefix + "\(error)", line: 1, column: 1)
        }
    }

    struct Position: Hashable {
        var line: Int
        var column: Int
    }

    /// The index of a key's first character from its 1-based mark: past an opening quote, and
    /// nil when the key does not start with a character that can be swapped (an empty quoted
    /// key, a collection, a block scalar).
    static func keyStart(in scalars: [Unicode.Scalar], at position: Position) -> Int? {
        var line = 1, column = 1, index = 0
        while index < scalars.count, line < position.line || column < position.column {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "\r":
                if index < scalars.count, scalars[index] == "\n" { index += 1 }
                line += 1; column = 1
            case "\n", "\u{85}", "\u{2028}", "\u{2029}":
                line += 1; column = 1
            default:
                column += 1
            }
            if line > position.line { return nil }
        }
        guard index < scalars.count else { return nil }
        var start = index
        let opening = scalars[start]
        if opening == "'" || opening == "\"" { start += 1 }
        guard start < scalars.count else { return nil }
        let first = scalars[start]
        if first == opening && start > index { return nil }
        if "{[|>&!*\\#".unicodeScalars.contains(first) || first.properties.isWhitespace || first == "\u{FEFF}" { return nil }
        return start
    }

    /// The tree with every swapped key's text put back (its tag and style kept).
    static func restore(_ node: Node, swapped: [Position: String]) -> Node {
        guard !swapped.isEmpty else { return node }
        switch node {
        case .scalar(var scalar):
            guard let mark = scalar.mark, let original = swapped[Position(line: mark.line, column: mark.column)] else { return node }
            let tag = scalar.tag
            scalar.string = original
            scalar.tag = tag
            return .scalar(scalar)
        case .mapping(let mapping):
            let pairs = mapping.map { (restore($0.key, swapped: swapped), restore($0.value, swapped: swapped)) }
            return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
        case .sequence(let sequence):
            return .sequence(Node.Sequence(sequence.map { restore($0, swapped: swapped) }, sequence.tag, sequence.style, sequence.mark))
        case .alias:
            return node
        }
    }

    /// A key as it can be shown in a message: control characters as `<U+001B>`.
    static func printable(_ key: String) -> String {
        ControlCharacters.visible(key)
    }
}
