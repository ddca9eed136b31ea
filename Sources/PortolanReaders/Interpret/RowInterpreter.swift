import PortolanModel

/// One grid row to one connection: the cells of each role, the party column's other side,
/// combined port-and-protocol cells, the direction, the kept attributes, and cells a lost
/// rowspan left blank.
struct RowInterpreter {
    /// The grid's layout (only that: the interpreter may let the grid's rows go as it reads them).
    let layout: String
    let columns: TableColumns
    let subject: String?
    let configurable: Bool
    var configurableNotes: Set<Int> = []
    /// The last row's source and destination, for cells a lost rowspan left blank.
    private var previous: (source: String, destination: String, party: String)?

    /// The description and port-and-protocol columns, found once rather than on every row.
    private let descriptionColumns: [Int]
    private let portProtocolColumns: [Int]

    init(grid: Grid, columns: TableColumns, subject: String?, configurable: Bool) {
        self.layout = grid.layout
        self.columns = columns
        descriptionColumns = columns.indices(.description)
        portProtocolColumns = columns.indices(.portProtocol)
        self.subject = subject
        self.configurable = configurable
    }

    /// Equal cells of the table's rows share one storage.
    private var sharing = Interner()

    /// The last row's cells, for cells a lost rowspan took out of a shifted row.
    private var previousTexts: [String] = []

    mutating func connection(_ row: GridRow, position: Int) -> (Connection, [Diagnostic]) {
        var texts = row.texts
        var diagnostics: [Diagnostic] = []
        let line = row.position.line, column = row.position.column
        let numberIndex = columns.number
        var shifted = false
        if texts.count < columns.roles.count, numberIndex != 0, layout != "wrapped", !previousTexts.isEmpty,
           let placed = ShiftedRow.realign(texts, roles: columns.roles, above: previousTexts) {
            let names = placed.inherited.map { columns.header($0) }
            diagnostics.append(Diagnostic(.note, "row \(numberIndex.map { Text.trimmed(texts[safe: $0] ?? "") } ?? String(position)): the row has \(texts.count) cells for \(columns.roles.count) columns (a cell spanning rows was lost); its cells were placed by their content and the \(names.joined(separator: ", ")) cell\(names.count == 1 ? " was" : "s were") taken from the row above", line: line, column: column, page: row.position.page, code: "inherited-cell"))
            texts = placed.texts
            shifted = true
        }
        defer { previousTexts = texts }
        let number = numberIndex.map { Text.trimmed(texts[safe: $0] ?? "") } ?? String(position)
        func cell(_ role: Column) -> String {
            guard let i = columns.first(role), i < texts.count else { return "" }
            return texts[i]
        }
        func description() -> String {
            // One description column, the usual case: its text, without two arrays per row.
            if descriptionColumns.count == 1 {
                let text = texts[safe: descriptionColumns[0]] ?? ""
                return Text.isBlank(text) ? "" : text
            }
            return Text.joinedWithSpaces(descriptionColumns.compactMap { texts[safe: $0] }.filter { !Text.isBlank($0) }[...])
        }
        var cells = RowBuilder.Cells(
            number: number, source: cell(.source), destination: cell(.destination), protocol: cell(.protocol),
            port: cell(.port), classification: cell(.classification), description: description(),
            line: line, column: column)
        cells.page = row.position.page
        // Fewer cells than columns: realign by content when the columns are in the usual order.
        if !shifted, row.cells.count < columns.roles.count, layout != "wrapped" {
            if numberIndex == 0, let realigned = Realign.cells(texts, line: line, columnCount: columns.roles.count) {
                let page = cells.page
                cells = realigned.cells
                cells.page = page
                diagnostics += realigned.diagnostics
            } else {
                diagnostics.append(Diagnostic(.warning, "connection \(number): the row has \(row.cells.count) cells for \(columns.roles.count) columns", line: line, page: row.position.page))
            }
            texts += Array(repeating: "", count: columns.roles.count - texts.count)
        }
        if numberIndex != nil, layout == "html", !number.isEmpty, !Text.isRowNumber(number) {
            diagnostics.append(Diagnostic(.warning, "connection '\(number)': the Connection cell is not a number", line: line))
        }
        if numberIndex != nil, number.isEmpty {
            diagnostics.append(Diagnostic(.warning, "a row has no number (its Connection cell is empty); it is kept as a row of its own", line: line, column: column, page: row.position.page, code: "empty-number"))
        }
        // A lost rowspan leaves the names blank under the row that had them.
        if let previous, cells.source.isEmpty || cells.destination.isEmpty, columns.first(.party) == nil,
           !cells.protocol.isEmpty || !cells.port.isEmpty || columns.first(.portProtocol).map({ !Text.isBlank(texts[safe: $0] ?? "") }) ?? false {
            var inherited: [String] = []
            // Only a side the table has a column for: a side that comes from the heading or the
            // table's own product is filled below, the same for every row.
            if cells.source.isEmpty, !previous.source.isEmpty, columns.first(.source) != nil {
                cells.source = previous.source; inherited.append("Source")
            }
            if cells.destination.isEmpty, !previous.destination.isEmpty, columns.first(.destination) != nil {
                cells.destination = previous.destination; inherited.append("Destination")
            }
            if !inherited.isEmpty {
                diagnostics.append(Diagnostic(.note, "connection \(number): the \(inherited.joined(separator: " and ")) cell is blank; the row above's value was taken (a cell spanning rows)", line: line, column: column, page: row.position.page, code: "inherited-cell"))
            }
        }
        // One "Source/Destination" column: "A → B" names both; else the table's own product is the other side.
        var bidirectional = false
        if let partyIndex = columns.first(.party) {
            var party = Text.collapseSpaces(texts[safe: partyIndex] ?? "")
            if party.isEmpty, let previous { party = previous.party }
            if let split = PartyCell.split(party, allowTo: true) {
                cells.source = split.source
                cells.destination = split.destination
                bidirectional = split.bidirectional
            } else {
                let own = columns.otherSide ?? subject ?? ""
                switch columns.direction?.kind ?? directionKind(cells.classification) {
                case .egress: cells.source = own; cells.destination = party
                default: cells.source = party; cells.destination = own
                }
            }
        } else if let both = columns.headingSides {
            cells.source = both.source
            cells.destination = both.destination
        } else if columns.first(.source) == nil, columns.first(.destination) != nil {
            cells.source = columns.otherSide ?? ""
        } else if columns.first(.destination) == nil, columns.first(.source) != nil {
            cells.destination = columns.otherSide ?? ""
        }
        _ = bidirectional
        // "A | ← | B": an arrow column between the two sides says which way the row goes.
        for (index, role) in columns.roles.enumerated() where role == nil {
            let value = Text.trimmed(texts[safe: index] ?? "")
            if ["←", "<-", "<=", "⟵"].contains(value) { swap(&cells.source, &cells.destination) }
        }
        // "443/TCP", "TCP 443", "8300-8302 TCP and UDP": both protocol and ports.
        // Several such columns ("UDP" | "TCP", each holding ports): ports of all, protocols in column order.
        var mergedPorts: [String] = [], mergedProtocols: [String] = []
        for index in portProtocolColumns {
            let text = Text.collapseSpaces(texts[safe: index] ?? "")
            if text.isEmpty || ["--", "-", "—", "–", "n/a", "none"].contains(text.lowercased()) { continue }
            var split = PortForms.splitProtocol(text)
            let headerKey = HeaderVocabulary.key(columns.header(index))
            if split.protocol.isEmpty, let transport = PortForms.transports.first(where: { headerKey == $0 || headerKey.hasPrefix($0 + " ") }) {
                split.protocol = transport.uppercased()
            }
            if !split.ports.isEmpty, !mergedPorts.contains(split.ports) { mergedPorts.append(split.ports) }
            for p in split.protocol.split(separator: "/").map(String.init) where !mergedProtocols.contains(p) { mergedProtocols.append(p) }
        }
        if cells.port.isEmpty, !mergedPorts.isEmpty { cells.port = mergedPorts.joined(separator: ", ") }
        if cells.protocol.isEmpty, !mergedProtocols.isEmpty { cells.protocol = mergedProtocols.joined(separator: "/") }
        if !cells.port.isEmpty, columns.first(.portProtocol) == nil, layout != "wrapped" {
            let split = PortForms.splitProtocol(cells.port)
            if !split.protocol.isEmpty {
                if cells.protocol.isEmpty { cells.protocol = split.protocol }
                cells.port = split.ports
            }
        }
        var attributes: [Attribute] = []
        if layout != "wrapped" {
            let (proto, remark) = FootnoteMarks.cleanProtocol(cells.protocol)
            cells.protocol = proto
            if let remark { attributes.append(Attribute(name: "Protocol remark", value: remark)) }
            cells.description = FootnoteMarks.dropTrailing(cells.description)
            cells.source = FootnoteMarks.dropTrailing(cells.source)
            cells.destination = FootnoteMarks.dropTrailing(cells.destination)
        }
        for (index, role) in columns.roles.enumerated() where role == nil || role == .sourcePort {
            let value = Text.collapseSpaces(texts[safe: index] ?? "")
            if !value.isEmpty { attributes.append(Attribute(name: columns.header(index), value: value)) }
        }
        // Direction: a column's words, else the heading's; the text as written is kept.
        let written = Text.collapseSpaces(cells.classification)
        let isKind = written == "Ingress" || written == "Egress" || written == "Intra-cluster" || ClassificationKind(written: written) != nil
        if !written.isEmpty, !isKind, let kind = Direction.kind(written) {
            attributes.insert(Attribute(name: columns.first(.classification).map(columns.header) ?? "Direction", value: written), at: 0)
            cells.classification = kind.rawValue
        } else if !written.isEmpty, !isKind, !Direction.isGenesysWord(written) {
            attributes.insert(Attribute(name: columns.first(.classification).map(columns.header) ?? "Direction", value: written), at: 0)
            cells.classification = ""
            cells.classificationIsKnownAbsent = true
        } else if written.isEmpty, columns.first(.classification) == nil, let found = columns.direction {
            cells.classification = found.kind?.rawValue ?? ""
            cells.classificationIsKnownAbsent = true
            attributes.append(Attribute(name: "Direction (from the heading)", value: found.text))
        } else if written.isEmpty, columns.first(.classification) == nil {
            cells.classificationIsKnownAbsent = true
        }
        cells.portIsOptional = layout != "wrapped" && columns.first(.port) == nil && columns.first(.portProtocol) == nil
        cells.configurable = configurable
        // "80 (see note 2)" where note 2 says the port is configurable.
        for index in configurableNotes.isEmpty ? [] : columns.indices(.port) + columns.indices(.portProtocol) {
            let text = (texts[safe: index] ?? "").lowercased()
            if let range = text.range(of: "note "), let n = Int(text[range.upperBound...].prefix { $0.isNumber }), configurableNotes.contains(n) {
                cells.noteSaysConfigurable = true
            }
        }
        previous = (cells.source, cells.destination, columns.first(.party).flatMap { texts[safe: $0] }.map(Text.collapseSpaces) ?? "")
        // The connection is made whole, with its attributes and page, so it is never copied to be changed.
        cells.attributes = attributes.map { Attribute(name: $0.name, value: ControlText.visible($0.value)) }
        cells.page = row.position.page
        let (connection, found) = RowBuilder.connection(cells, sharing: &sharing)
        return (connection, diagnostics + found)
    }

    private func directionKind(_ text: String) -> ClassificationKind? {
        ClassificationKind(written: text) ?? Direction.kind(text)
    }
}
