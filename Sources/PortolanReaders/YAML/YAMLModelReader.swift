import PortolanModel
import Yams

/// Reads the YAML model users can author (see README, "The YAML model", and the JSON Schema
/// beside this file). Every problem is a diagnostic with the YAML line and column; what can be
/// read is read.
public enum YAMLModelReader {
    public struct Read: Sendable {
        public var documents: [Document]
        public var components: [ComponentNote]
    }

    /// True when YAML text is a Portolan model (it has a top-level `documents:` key), as
    /// opposed to a configuration file such as aliases or an inventory.
    public static func isModel(_ text: SourceText) -> Bool {
        text.lines.contains { $0.hasPrefix("documents:") }
    }

    static let rootKeys = ["portolan", "documents", "components"]
    static let documentKeys = ["source", "title", "subject", "intro", "connections", "services"]
    static let connectionKeys = ["number", "source", "destination", "protocol", "port", "classification", "description"]
    static let serviceKeys = ["name", "description", "items"]
    static let componentKeys = ["name", "kind", "aliases"]
    static let kinds = ["workload", "datastore", "queue", "external"]

    public static func read(path: String, text: SourceText) -> Read {
        var context = Context(path: path)
        let composed = YAMLTree.compose(text.lines.joined(separator: "\n"))
        context.diagnostics = composed.diagnostics
        guard composed.root != nil || composed.diagnostics.isEmpty else {
            return Read(documents: [Document(path: path, layout: "yaml", diagnostics: composed.diagnostics.map(\.visible))], components: [])
        }
        let root = composed.root
        guard let root, let mapping = root.mapping else {
            context.error("a Portolan model is a mapping with a 'documents:' list", at: root)
            return Read(documents: [Document(path: path, layout: "yaml", diagnostics: context.diagnostics.map(\.visible))], components: [])
        }
        context.checkKeys(mapping, allowed: rootKeys, what: "the model")
        if let version = mapping["portolan"], version.int != 1 {
            context.error("'portolan:' gives the format version; this Portolan reads version 1", at: version)
        }
        var documents: [Document] = []
        var starts: [Int] = []
        if let list = context.sequence(mapping["documents"], what: "'documents'", required: true, at: root) {
            for node in list {
                if let document = readDocument(node, context: &context) {
                    documents.append(document)
                    starts.append(node.mark?.line ?? 0)
                }
            }
        }
        var components: [ComponentNote] = []
        if let list = context.sequence(mapping["components"], what: "'components'", required: false, at: root) {
            for node in list {
                if let component = readComponent(node, context: &context) { components.append(component) }
            }
        }
        // Problems belong to the document whose entry holds them; the rest to the first.
        if documents.isEmpty {
            documents.append(Document(path: path, layout: "yaml"))
            if !context.diagnostics.contains(where: { $0.severity == .error }) {
                context.error("the model has no documents", at: root)
            }
        }
        for diagnostic in context.diagnostics {
            let index = starts.lastIndex { $0 <= (diagnostic.line ?? 0) } ?? 0
            documents[index].diagnostics.append(diagnostic.visible)
        }
        for index in documents.indices {
            documents[index].diagnostics = Diagnostic.sortedByPosition(documents[index].diagnostics)
        }
        return Read(documents: documents, components: components)
    }

    static func readDocument(_ node: Node, context: inout Context) -> Document? {
        guard let mapping = context.mapping(node, what: "a document") else { return nil }
        context.checkKeys(mapping, allowed: documentKeys, what: "a document")
        var document = Document(path: context.path, layout: "yaml")
        document.title = context.string(mapping["title"], what: "'title'")
        document.subject = context.string(mapping["subject"], what: "'subject'")
        if document.subject == nil {
            context.warning("the document has no 'subject:' (the product it describes)", at: node)
        }
        document.intro = context.strings(mapping["intro"], what: "'intro'")
        if let list = context.sequence(mapping["connections"], what: "'connections'", required: false, at: node) {
            for entry in list {
                guard let row = context.mapping(entry, what: "a connection") else { continue }
                context.checkKeys(row, allowed: connectionKeys, what: "a connection")
                let line = entry.mark?.line ?? 0
                let number = context.string(row["number"], what: "'number'", cell: true) ?? ""
                if number.isEmpty { context.warning("the connection has no 'number:'", at: entry) }
                let (connection, diagnostics) = RowBuilder.connection(RowBuilder.Cells(
                    number: number.isEmpty ? "?" : number,
                    source: context.string(row["source"], what: "'source'", cell: true) ?? "",
                    destination: context.string(row["destination"], what: "'destination'", cell: true) ?? "",
                    protocol: context.string(row["protocol"], what: "'protocol'", cell: true) ?? "",
                    port: context.string(row["port"], what: "'port'", cell: true) ?? "",
                    classification: context.string(row["classification"], what: "'classification'", cell: true) ?? "",
                    description: context.string(row["description"], what: "'description'", cell: true) ?? "",
                    line: line, column: entry.mark?.column ?? 1))
                document.connections.append(connection)
                context.diagnostics += diagnostics
            }
        }
        if let list = context.sequence(mapping["services"], what: "'services'", required: false, at: node) {
            for entry in list {
                guard let row = context.mapping(entry, what: "an included service") else { continue }
                context.checkKeys(row, allowed: serviceKeys, what: "an included service")
                guard let name = context.string(row["name"], what: "'name'"), !name.isEmpty else {
                    context.error("an included service needs a 'name:'", at: entry)
                    continue
                }
                let items = context.strings(row["items"], what: "'items'")
                let description = context.string(row["description"], what: "'description'") ?? items.joined(separator: " ")
                document.services.append(IncludedService(name: name, description: description, items: items, line: entry.mark?.line ?? 0))
            }
        }
        return document
    }

    static func readComponent(_ node: Node, context: inout Context) -> ComponentNote? {
        guard let mapping = context.mapping(node, what: "a component") else { return nil }
        context.checkKeys(mapping, allowed: componentKeys, what: "a component")
        guard let name = context.string(mapping["name"], what: "'name'"), !name.isEmpty else {
            context.error("a component needs a 'name:'", at: node)
            return nil
        }
        let kind = context.string(mapping["kind"], what: "'kind'")
        if let kind, !kinds.contains(kind) {
            context.error("unknown kind '\(kind)'\(Suggest.didYouMean(kind, among: kinds)); kinds are \(kinds.joined(separator: ", "))", at: mapping["kind"])
        }
        return ComponentNote(name: name, kind: kind, aliases: context.strings(mapping["aliases"], what: "'aliases'"), line: node.mark?.line)
    }

    /// Collects diagnostics while walking the tree.
    struct Context {
        var path: String
        var diagnostics: [Diagnostic] = []

        mutating func error(_ message: String, at node: Node?) {
            diagnostics.append(Diagnostic(.error, message, line: node?.mark?.line, column: node?.mark?.column))
        }

        mutating func warning(_ message: String, at node: Node?) {
            diagnostics.append(Diagnostic(.warning, message, line: node?.mark?.line, column: node?.mark?.column))
        }

        mutating func mapping(_ node: Node, what: String) -> Node.Mapping? {
            guard let mapping = node.mapping else {
                error("\(what) is a mapping of keys to values", at: node)
                return nil
            }
            return mapping
        }

        mutating func sequence(_ node: Node?, what: String, required: Bool, at parent: Node?) -> Node.Sequence? {
            guard let node else {
                if required { error("\(what) is missing", at: parent) }
                return nil
            }
            if case .scalar(let scalar) = node, scalar.string.isEmpty || scalar.string == "null" { return nil }
            guard let sequence = node.sequence else {
                error("\(what) is a list (each entry starting with '- ')", at: node)
                return nil
            }
            return sequence
        }

        /// A scalar as text (numbers too: `number: 12`, `port: 443`); nil for null or absent.
        /// Control and bidirectional characters are kept (emitters show them as `<U+202E>`)
        /// with a warning; a connection `cell` gets it from the row builder instead.
        mutating func string(_ node: Node?, what: String, cell: Bool = false) -> String? {
            guard let node else { return nil }
            guard case .scalar(let scalar) = node else {
                error("\(what) is a single value, not a list or mapping", at: node)
                return nil
            }
            if scalar.style == .plain && (scalar.string == "null" || scalar.string == "~" || scalar.string.isEmpty) { return nil }
            if !cell, ControlCharacters.contains(scalar.string) {
                warning("\(what) has " + ControlCharacters.warning(scalar.string), at: node)
            }
            return scalar.string
        }

        mutating func strings(_ node: Node?, what: String) -> [String] {
            guard let node else { return [] }
            if case .scalar = node { return string(node, what: what).map { [$0] } ?? [] }
            guard let sequence = node.sequence else {
                error("\(what) is a list of texts", at: node)
                return []
            }
            return sequence.compactMap { string($0, what: what) }
        }

        mutating func checkKeys(_ mapping: Node.Mapping, allowed: [String], what: String) {
            for (key, _) in mapping {
                guard let name = key.string, !allowed.contains(name) else { continue }
                warning("unknown key '\(name)' in \(what)\(Suggest.didYouMean(name, among: allowed)); expected \(allowed.joined(separator: ", "))", at: key)
            }
        }
    }
}
