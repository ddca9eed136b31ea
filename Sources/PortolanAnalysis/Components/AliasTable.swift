import PortolanModel
import PortolanReaders
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
            let key = Self.key(name)
            if !key.isEmpty, canonicalByKey[key] == nil { canonicalByKey[key] = canonical }
        }
    }

    /// The canonical name for a written name, if the file names it.
    public func canonical(for name: String) -> String? {
        canonicalByKey[Self.key(name)]
    }

    /// `Names.key`, or for a name of punctuation only ("~", "-") the name itself, so it can
    /// still be given an alias.
    static func key(_ name: String) -> String {
        let key = Names.key(name)
        return key.isEmpty ? NameKey.tidy(name) : key
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// This table with a YAML model's declared components added: each declared name with its
    /// aliases; a name the alias file already claims keeps its owner.
    public func adding(_ declared: DeclaredComponents) -> AliasTable {
        guard !declared.isEmpty else { return self }
        var table = self
        for note in declared.notes {
            let canonical = canonical(for: note.name) ?? note.name
            table.add(canonical, others: ([note.name] + note.aliases).filter { table.canonical(for: $0) == nil })
        }
        return table
    }

    /// Parses the alias file. Never throws: problems become diagnostics with their line, and
    /// every well-formed entry is kept. A value may be one name or a list of names.
    public static func parse(yaml text: String) -> (table: AliasTable, diagnostics: [Diagnostic]) {
        let (table, diagnostics) = read(text)
        return (table, diagnostics.map(\.visible))
    }

    private static func read(_ text: String) -> (table: AliasTable, diagnostics: [Diagnostic]) {
        var table = AliasTable()
        let composed = YAMLTree.compose(text, syntaxPrefix: "the alias file is not valid YAML: ")
        var diagnostics = composed.diagnostics
        guard let root = composed.root else { return (table, diagnostics) }
        guard case .mapping(let mapping) = root else {
            return (table, diagnostics + [Diagnostic(.error, "the alias file must be a mapping from a canonical name to its other names",
                                       line: root.mark.map { $0.line }, column: root.mark.map { $0.column })])
        }
        var seen: [String: Int] = [:]
        for (key, value) in mapping {
            let line = key.mark.map { $0.line }
            let column = key.mark.map { $0.column }
            // A quoted '~' or 'null' is that text; a plain one is YAML's null, no name at all.
            guard key.null == nil, let canonical = key.string.map(NameKey.tidy), !canonical.isEmpty else {
                diagnostics.append(Diagnostic(.error, "an alias key must be a component name (a plain ~ or null is YAML's empty value; quote it to mean the text)", line: line, column: column))
                continue
            }
            var others: [String] = []
            switch value {
            case .scalar(let scalar):
                if !scalar.string.isEmpty && value.null == nil { others = [scalar.string] }
            case .sequence(let sequence):
                for item in sequence {
                    if let name = item.string, item.null == nil, !NameKey.tidy(name).isEmpty {
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
            let canonicalKey = Self.key(canonical)
            let exactDuplicate = diagnostics.contains { $0.code == "duplicate-key" && $0.line == line && $0.column == column }
            if let earlier = seen[canonicalKey], !exactDuplicate {
                diagnostics.append(Diagnostic(.warning, "\"\(canonical)\" is listed twice (first on line \(earlier)); both lists are used", line: line, column: column))
            }
            seen[canonicalKey] = seen[canonicalKey] ?? line ?? 0
            for other in others {
                if let owner = table.canonical(for: other), Self.key(owner) != canonicalKey {
                    diagnostics.append(Diagnostic(.warning, "\"\(other)\" is already an alias of \"\(owner)\"; ignored for \"\(canonical)\"", line: line, column: column))
                }
            }
            table.add(canonical, others: others.filter { other in
                table.canonical(for: other).map { Self.key($0) == canonicalKey } ?? true
            })
        }
        return (table, diagnostics)
    }

}
