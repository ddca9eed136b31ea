import PortolanModel
import Yams

/// The alias file (`Input/aliases.yaml`): a mapping from a canonical component name to the
/// other names documents use for it. The CLI reads the text; parsing is pure.
///
///     Genesys Web Services and Applications:
///       - GWS
///     Tenant Service: [Tenant Service (Voice Config Service)]
public struct AliasTable: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var canonical: String
        public var others: [String]
    }

    /// Canonical names in file order, each with its other names.
    public private(set) var entries: [Entry] = []
    private var canonicalByKey: [String: String] = [:]

    public init() {}

    /// Adds one canonical name and its aliases; a name already claimed by an earlier entry keeps it.
    public mutating func add(_ canonical: String, others: [String]) {
        let canonical = NameKey.tidy(canonical)
        entries.append(Entry(canonical: canonical, others: others.map(NameKey.tidy)))
        for name in [canonical] + others {
            let key = NameKey.key(name)
            if !key.isEmpty, canonicalByKey[key] == nil { canonicalByKey[key] = canonical }
        }
    }

    /// The canonical name for a written name, if the file names it.
    public func canonical(for name: String) -> String? {
        canonicalByKey[NameKey.key(name)]
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// Parses the alias file. Never throws: problems become diagnostics with their line, and
    /// every well-formed entry is kept. A value may be one name or a list of names.
    public static func parse(yaml text: String) -> (table: AliasTable, diagnostics: [Diagnostic]) {
        var table = AliasTable()
        var diagnostics: [Diagnostic] = []
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            return (table, [diagnostic(for: error)])
        } catch {
            return (table, [Diagnostic(.error, "the alias file is not YAML: \(error)")])
        }
        guard let root else { return (table, []) }
        guard case .mapping(let mapping) = root else {
            return (table, [Diagnostic(.error, "the alias file must be a mapping from a canonical name to its other names",
                                       line: root.mark.map { $0.line }, column: root.mark.map { $0.column })])
        }
        var seen: [String: Int] = [:]
        for (key, value) in mapping {
            let line = key.mark.map { $0.line }
            let column = key.mark.map { $0.column }
            guard let canonical = key.string.map(NameKey.tidy), !NameKey.key(canonical).isEmpty else {
                diagnostics.append(Diagnostic(.error, "an alias key must be a component name", line: line, column: column))
                continue
            }
            var others: [String] = []
            switch value {
            case .scalar(let scalar):
                if !scalar.string.isEmpty && value.null == nil { others = [scalar.string] }
            case .sequence(let sequence):
                for item in sequence {
                    if let name = item.string, item.null == nil, !NameKey.key(name).isEmpty {
                        others.append(name)
                    } else {
                        diagnostics.append(Diagnostic(.error, "\"\(canonical)\": every alias must be a name",
                                                      line: item.mark.map { $0.line }, column: item.mark.map { $0.column }))
                    }
                }
            case .mapping, .alias:
                diagnostics.append(Diagnostic(.error, "\"\(canonical)\": aliases must be a name or a list of names", line: line, column: column))
                continue
            }
            let canonicalKey = NameKey.key(canonical)
            if let earlier = seen[canonicalKey] {
                diagnostics.append(Diagnostic(.warning, "\"\(canonical)\" is listed twice (first on line \(earlier)); both lists are used", line: line, column: column))
            }
            seen[canonicalKey] = seen[canonicalKey] ?? line ?? 0
            for other in others {
                if let owner = table.canonical(for: other), NameKey.key(owner) != canonicalKey {
                    diagnostics.append(Diagnostic(.warning, "\"\(other)\" is already an alias of \"\(owner)\"; ignored for \"\(canonical)\"", line: line, column: column))
                }
            }
            table.add(canonical, others: others.filter { other in
                table.canonical(for: other).map { NameKey.key($0) == canonicalKey } ?? true
            })
        }
        return (table, diagnostics)
    }

    private static func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return Diagnostic(.error, "the alias file is not valid YAML: \(problem)", line: mark.line, column: mark.column)
        default:
            return Diagnostic(.error, "the alias file is not valid YAML: \(error)")
        }
    }
}
