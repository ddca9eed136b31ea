import PortolanModel

/// What a user says the reader could not guess: header text -> role, from a `columns:`
/// mapping in a file beside the documents (`columns.yaml`):
///
///     columns:
///       Proto: protocol
///       "Svc Port": port
///       Remarks: ignore
public struct ColumnMapping: Sendable, Hashable {
    /// Normalised header text -> role; nil means "keep as an attribute, do not guess".
    public var roles: [String: Column?]

    public init(roles: [String: Column?] = [:]) {
        self.roles = roles
    }

    /// The role names a mapping accepts.
    public static let roleNames: [String: Column?] = [
        "number": .number, "source": .source, "destination": .destination, "protocol": .protocol, "port": .port,
        "ports": .port, "port/protocol": .portProtocol, "port-protocol": .portProtocol, "source-port": .sourcePort,
        "source port": .sourcePort, "direction": .classification, "classification": .classification,
        "description": .description, "party": .party, "source/destination": .party, "ignore": Column?.none, "attribute": Column?.none,
    ]

    func role(for header: String) -> Column? {
        roles[HeaderVocabulary.key(header)] ?? nil
    }

    func isMapped(_ header: String) -> Bool { roles[HeaderVocabulary.key(header)] != nil }

    /// Reads `columns:` from a small YAML file: one `header: role` a line under a `columns:` key.
    /// Unknown roles and lines it cannot read are `path:line:col` errors; the rest still counts.
    public static func parse(_ text: String) -> (mapping: ColumnMapping, diagnostics: [Diagnostic]) {
        var mapping = ColumnMapping()
        var diagnostics: [Diagnostic] = []
        var inColumns = false
        for (index, raw) in SourceText(text: text).lines.enumerated() {
            let line = index + 1
            let content = stripComment(raw)
            if Text.isBlank(content) { continue }
            let indented = content.first == " " || content.first == "\t"
            let body = Text.trimmed(content)
            if !indented {
                inColumns = body == "columns:"
                if !inColumns {
                    diagnostics.append(Diagnostic(.error, "expected 'columns:' followed by 'header: role' lines", line: line))
                }
                continue
            }
            guard inColumns else { continue }
            guard let colon = separatorColon(body) else {
                diagnostics.append(Diagnostic(.error, "expected 'header: role'", line: line, column: 1 + content.prefix { $0 == " " || $0 == "\t" }.count))
                continue
            }
            let header = unquote(Text.trimmed(body[..<colon]))
            let roleText = unquote(Text.trimmed(body[body.index(after: colon)...])).lowercased()
            let roleColumn = raw.count - raw.drop { $0 == " " || $0 == "\t" }.count + body.distance(from: body.startIndex, to: colon) + 3
            guard let role = roleNames[roleText] else {
                let names = roleNames.keys.sorted()
                diagnostics.append(Diagnostic(.error, "unknown role '\(roleText)' for column '\(header)'; expected one of \(names.joined(separator: ", "))\(Suggest.didYouMean(roleText, among: names))", line: line, column: roleColumn))
                continue
            }
            if header.isEmpty {
                diagnostics.append(Diagnostic(.error, "the header text is empty", line: line))
                continue
            }
            mapping.roles[HeaderVocabulary.key(header)] = role
        }
        return (mapping, diagnostics)
    }

    private static func stripComment(_ line: String) -> String {
        var quote: Character?
        for (offset, ch) in line.enumerated() {
            if let q = quote { if ch == q { quote = nil }; continue }
            if ch == "\"" || ch == "'" { quote = ch; continue }
            if ch == "#", offset == 0 || line[line.index(line.startIndex, offsetBy: offset - 1)] == " " {
                return String(line.prefix(offset))
            }
        }
        return line
    }

    /// The colon that ends the key: outside quotes, followed by a space or the end.
    private static func separatorColon(_ body: String) -> String.Index? {
        var quote: Character?
        var i = body.startIndex
        while i < body.endIndex {
            let ch = body[i]
            if let q = quote { if ch == q { quote = nil } } else if ch == "\"" || ch == "'" { quote = ch } else if ch == ":" {
                let next = body.index(after: i)
                if next == body.endIndex || body[next] == " " { return i }
            }
            i = body.index(after: i)
        }
        return nil
    }

    private static func unquote(_ s: String) -> String {
        if s.count >= 2, let f = s.first, let l = s.last, f == l, f == "\"" || f == "'" { return String(s.dropFirst().dropLast()) }
        return s
    }
}
