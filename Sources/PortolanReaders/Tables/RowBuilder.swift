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
        var page: Int? = nil
        /// The table has no classification column or says the direction is unknown: no warning.
        var classificationIsKnownAbsent = false
        /// The table has no port column: no warning for the missing port.
        var portIsOptional = false
        /// A `*` after a port means configurable (the document says so).
        var configurable = true
        /// The port cell points at a note that says the port is configurable.
        var noteSaysConfigurable = false
        /// Columns kept as they are, given to the connection as made (not set on a copy of it).
        var attributes: [Attribute] = []
    }

    /// A row on its own (nothing shared with other rows).
    static func connection(_ raw: consuming Cells) -> (Connection, [Diagnostic]) {
        var sharing = Interner()
        return connection(raw, sharing: &sharing)
    }

    /// `raw` is consumed: its strings move into the connection without a copy of the cells.
    /// `sharing`: the table's, so equal cells of its rows share their storage.
    static func connection(_ raw: consuming Cells, sharing: inout Interner) -> (Connection, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        // Control characters mean nothing in a table and can act on a terminal: they go.
        var cells = raw
        // Number and position are never cleaned: the cells' are the row's.
        func warn(_ message: String, code: String? = nil) {
            diagnostics.append(Diagnostic(.warning, "connection \(cells.number): \(message)", line: cells.line, column: cells.column, page: cells.page, code: code))
        }
        var cleaned: [String] = []
        func clean(_ text: inout String, _ name: String) {
            // Printable ASCII and tabs hold no control character: most cells are decided on their bytes.
            func printable(_ b: UInt8) -> Bool { (b >= 0x20 && b < 0x7F) || b == 0x09 }
            if text.utf8.withContiguousStorageIfAvailable({ $0.allSatisfy(printable) }) ?? text.utf8.allSatisfy(printable) { return }
            guard text.unicodeScalars.contains(where: isControl) else { return }
            text = String(String.UnicodeScalarView(text.unicodeScalars.compactMap { $0.isBidiControl ? nil : isControl($0) ? " " : $0 }))
            cleaned.append(name)
        }
        clean(&cells.source, "Source")
        clean(&cells.destination, "Destination")
        clean(&cells.protocol, "Protocol")
        clean(&cells.port, "Port")
        clean(&cells.classification, "Classification")
        clean(&cells.description, "Data")
        if !cleaned.isEmpty { warn("control characters were removed from the \(cleaned.joined(separator: ", ")) cell\(cleaned.count > 1 ? "s" : "")", code: "control-characters") }
        let source = sharing.string(Text.collapseSpaces(cells.source))
        let destination = sharing.string(Text.collapseSpaces(cells.destination))
        let proto = sharing.string(Text.collapseSpaces(cells.protocol))
        let classification = sharing.string(Text.collapseSpaces(cells.classification))
        if source.isEmpty { warn("the Source cell is empty", code: "empty-source") }
        if destination.isEmpty { warn("the Destination cell is empty", code: "empty-destination") }
        if proto.isEmpty { warn("the Protocol cell is empty", code: "empty-protocol") }
        // ICMP has types and codes, not ports. ("icmp" in any case: lowercasing changes no other
        // text into it, so only ASCII letters are compared.)
        let isICMP = proto.utf8.count >= 4 && zip(proto.utf8, "icmp".utf8).allSatisfy { $0 | 0x20 == $1 }
        var port = sharing.port(cells.port, starMeansConfigurable: cells.configurable)
        if cells.noteSaysConfigurable, !port.spec.ranges.isEmpty { port.spec.configurable = true }
        if isICMP, port.spec.text != nil {
            port = PortCell.Parsed(spec: PortSpec(ranges: [], configurable: false, text: port.spec.text), problems: [])
        }
        if port.spec.text == nil, !cells.portIsOptional, !isICMP { warn("the Port cell is empty", code: "empty-port") }
        for problem in port.problems { warn(problem) }
        if classification.isEmpty, !cells.classificationIsKnownAbsent { warn("the Classification cell is empty", code: "empty-classification") }
        let connection = Connection(
            number: cells.number, source: source, destination: destination,
            protocol: proto.isEmpty ? nil : proto, ports: port.spec,
            classification: classification.isEmpty ? nil : classification,
            description: Text.collapseSpaces(cells.description), line: cells.line, column: cells.column, page: cells.page,
            attributes: sharing.attributes(cells.attributes), sharing: &sharing.connections)
        return (connection, diagnostics)
    }

    /// C0 controls (tab aside, which layouts use as a separator), DEL and C1 controls.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(scalar.value) || scalar.isBidiControl
    }
}
