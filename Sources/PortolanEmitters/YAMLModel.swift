import PortolanModel
import Yams

/// Writes the model in the YAML format users can author and Portolan reads back
/// (`YAMLModelReader`): documents with their subject, connections and included services,
/// then the components users described. Keys come in a fixed, readable order; absent cells
/// are left out.
public enum YAMLModel {
    public static func emit(_ model: Model) throws -> String {
        var root: [(Node, Node)] = [("portolan", Node("1", Tag(.int)))]
        root.append(("documents", Node(model.documents.map(document))))
        if !model.components.isEmpty {
            root.append(("components", Node(model.components.map(component))))
        }
        let header = "# Portolan model, version 1: edit it and build from it with `portolan build --input FOLDER`.\n"
        return header + (try Yams.serialize(node: Node(root), width: 100, allowUnicode: true, sortKeys: false))
    }

    static func document(_ document: Document) -> Node {
        var pairs: [(Node, Node)] = [("source", text(document.path))]
        if let title = document.title { pairs.append(("title", text(title))) }
        if let subject = document.subject { pairs.append(("subject", text(subject))) }
        if !document.intro.isEmpty { pairs.append(("intro", Node(document.intro.map(text)))) }
        if !document.connections.isEmpty { pairs.append(("connections", Node(document.connections.map(connection)))) }
        if !document.services.isEmpty { pairs.append(("services", Node(document.services.map(service)))) }
        return Node(pairs)
    }

    static func connection(_ c: Connection) -> Node {
        var pairs: [(Node, Node)] = [
            ("number", text(c.number)), ("source", text(c.source)), ("destination", text(c.destination)),
        ]
        if let p = c.protocol { pairs.append(("protocol", text(p))) }
        if let port = c.ports.text { pairs.append(("port", text(port))) }
        if let k = c.classification { pairs.append(("classification", text(k))) }
        if !c.description.isEmpty { pairs.append(("description", text(c.description))) }
        return Node(pairs)
    }

    static func service(_ s: IncludedService) -> Node {
        var pairs: [(Node, Node)] = [("name", text(s.name))]
        if s.items.isEmpty {
            pairs.append(("description", text(s.description)))
        } else {
            pairs.append(("items", Node(s.items.map(text))))
        }
        return Node(pairs)
    }

    static func component(_ c: ComponentNote) -> Node {
        var pairs: [(Node, Node)] = [("name", text(c.name))]
        if let kind = c.kind { pairs.append(("kind", text(kind))) }
        if !c.aliases.isEmpty { pairs.append(("aliases", Node(c.aliases.map(text)))) }
        return Node(pairs)
    }

    /// A text as a scalar; one YAML would read as null (`~`, `null`, empty) is double-quoted,
    /// so it reads back as the text.
    static func text(_ value: String) -> Node {
        let null = ["", "~", "null", "Null", "NULL"].contains(value)
        return null ? Node(value, Tag(.str), .doubleQuoted) : Node(value)
    }
}
