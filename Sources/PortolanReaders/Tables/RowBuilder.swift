import PortolanModel

/// Turns the text of one row's cells into a connection, saying what is missing or wrong.
enum RowBuilder {
    struct Cells {
        var number: String
        var source: String
        var destination: String
        var `protocol`: String
        var port: String
        var classification: String
        var description: String
        var line: Int
        var column: Int = 1
    }

    static func connection(_ cells: Cells) -> (Connection, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func warn(_ message: String) {
            diagnostics.append(Diagnostic(.warning, "connection \(cells.number): \(message)", line: cells.line, column: cells.column))
        }
        let source = Text.collapseSpaces(cells.source)
        let destination = Text.collapseSpaces(cells.destination)
        let proto = Text.collapseSpaces(cells.protocol)
        let classification = Text.collapseSpaces(cells.classification)
        if source.isEmpty { warn("the Source cell is empty") }
        if destination.isEmpty { warn("the Destination cell is empty") }
        if proto.isEmpty { warn("the Protocol cell is empty") }
        let port = PortCell.parse(cells.port)
        if port.spec.text == nil { warn("the Port cell is empty") }
        for problem in port.problems { warn(problem) }
        if classification.isEmpty { warn("the Classification cell is empty") }
        let connection = Connection(
            number: cells.number, source: source, destination: destination,
            protocol: proto.isEmpty ? nil : proto, ports: port.spec,
            classification: classification.isEmpty ? nil : classification,
            description: Text.collapseSpaces(cells.description), line: cells.line, column: cells.column)
        return (connection, diagnostics)
    }
}
