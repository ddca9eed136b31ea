import PortolanAnalysis
import PortolanModel

/// Graphviz names the line of the DOT text it choked on ("syntax error in line 57 near ..."); a
/// reader needs the document and row that line was made from. This maps the one to the other.
public enum DiagramFailure {
    /// `path:line:col: error: ...` lines for a Graphviz failure of `graph`'s drawing: one per DOT
    /// line Graphviz names that an edge (the row) or a node (the first row naming it) was written
    /// to; when it names none, one line per document of the view.
    public static func diagnostics(messages: [String], stage: String, dot: String?, graph: ComponentGraph) -> [String] {
        located(messages: messages, stage: stage, dot: dot, graph: graph).map { $0.diagnostic.formatted(path: $0.path) }
    }

    /// The same findings as documents and diagnostics with their positions.
    public static func located(messages: [String], stage: String, dot: String?, graph: ComponentGraph) -> [(path: String, diagnostic: Diagnostic)] {
        let what = "\(graph.title) diagram: graphviz could not \(stage)"
        let said = messages.isEmpty ? "" : ": " + messages.joined(separator: "; ")
        let statements = (dot ?? "").split(separator: "\n", omittingEmptySubsequences: false)
        var found: [(path: String, diagnostic: Diagnostic)] = []
        for line in lineNumbers(in: messages) where line >= 1 && line <= statements.count {
            let statement = String(statements[line - 1])
            if let edge = graph.edges.first(where: { statement.contains("[id=\(DOTText.quoted($0.id)) ") }) {
                found.append(at(edge, "\(what) at connection \(edge.connection.number)\(said)"))
            } else if let node = graph.nodes.first(where: { statement.contains("[id=\(DOTText.quoted($0.id)) ") }),
                      let edge = graph.edges.first(where: { $0.from == node.id || $0.to == node.id }) {
                found.append(at(edge, "\(what) at the component \"\(node.name)\" of connection \(edge.connection.number)\(said)"))
            }
        }
        if !found.isEmpty { return found }
        var documents: [String] = []
        for edge in graph.edges where !documents.contains(edge.document) { documents.append(edge.document) }
        if documents.isEmpty { return [(graph.title, Diagnostic(.error, "\(what)\(said)"))] }
        return documents.map { ($0, Diagnostic(.error, "\(what)\(said)", line: 1, column: 1)) }
    }

    private static func at(_ edge: ComponentGraph.Edge, _ message: String) -> (path: String, diagnostic: Diagnostic) {
        (edge.document, Diagnostic(.error, message, line: edge.connection.line, column: edge.connection.column, page: edge.connection.page))
    }

    /// The numbers after "line " in Graphviz's messages, in order, each once.
    static func lineNumbers(in messages: [String]) -> [Int] {
        var numbers: [Int] = []
        for message in messages {
            var rest = Substring(message)
            while let range = rest.range(of: "line ") {
                let digits = rest[range.upperBound...].prefix { $0.isNumber }
                if let number = Int(digits), !numbers.contains(number) { numbers.append(number) }
                rest = rest[range.upperBound...]
            }
        }
        return numbers
    }
}
