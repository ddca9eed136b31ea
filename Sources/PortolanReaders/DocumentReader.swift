import PortolanModel

/// The library's entry point for reading: text in, document out. Finds every connections
/// table and "Included services" table wherever it is, recognises its layout, and reads it.
/// Never throws: what it cannot read becomes a diagnostic with a line.
public enum DocumentReader {
    public static func read(path: String, text: SourceText) -> Document {
        let lines = text.lines
        if HTMLReader.looksLikeHTML(path: path, lines: lines) {
            return HTMLReader.read(path: path, text: text)
        }
        let title = DocumentMetadata.title(lines)
        let subject = DocumentMetadata.subject(lines, title: title)
        var document = Document(path: path, title: title, subject: subject, intro: DocumentMetadata.intro(lines))
        var layouts: [String] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if let splitter = cellSplitter(for: line) {
                let cells = splitter.cells(line) ?? []
                if let columns = TableHeader.connectionColumns(cells: cells) {
                    let read = ConnectionsTable.read(lines: lines, headerIndex: i, columns: columns, splitter: splitter)
                    document.connections += read.connections
                    document.diagnostics += read.diagnostics
                    if read.connections.isEmpty {
                        document.diagnostics.append(Diagnostic(.error, "the connections table has a header but no rows", line: i + 1))
                    }
                    layouts.append(splitter == .tab ? "tab" : "markdown")
                    i = max(read.end, i + 1)
                    continue
                }
                if TableHeader.isServicesHeader(cells: cells) {
                    let read = ServicesTable.read(lines: lines, headerIndex: i, splitter: splitter)
                    document.services += read.services
                    document.diagnostics += read.diagnostics
                    i = max(read.end, i + 1)
                    continue
                }
            } else if let columns = TableHeader.wordColumns(line: line) {
                // Header cells copied without separators, over rows that keep theirs.
                if let next = lines[(i + 1)...].first(where: { !Text.isBlank($0) }), let splitter = cellSplitter(for: next),
                   let cells = splitter.cells(next), cells.count >= columns.count - 1 {
                    let read = ConnectionsTable.read(lines: lines, headerIndex: i, columns: columns, splitter: splitter)
                    document.connections += read.connections
                    document.diagnostics += read.diagnostics
                    layouts.append(splitter == .tab ? "tab" : "markdown")
                    i = max(read.end, i + 1)
                    continue
                }
                let read = WrappedTable.read(lines: lines, headerIndex: i, headerColumns: columns, subject: subject)
                document.connections += read.connections
                document.diagnostics += read.diagnostics
                layouts.append("wrapped")
                i = max(read.end, i + 1)
                continue
            }
            i += 1
        }
        document.layout = layouts.first
        return finished(document, expected: "a header row with Source, Destination, Protocol, Port and Classification columns")
    }

    /// Every reader's last step: a document with no table at all is an error (unless a worse
    /// one says why already), and diagnostics come in source order.
    static func finished(_ read: Document, expected: String) -> Document {
        var document = read
        if document.connections.isEmpty && document.services.isEmpty
            && !document.diagnostics.contains(where: { $0.severity == .error }) {
            document.diagnostics.append(Diagnostic(.error, "no connections table found (expected \(expected))"))
        }
        document.diagnostics = Diagnostic.sortedByPosition(document.diagnostics)
        return document
    }

    /// Which cell layout a line is written in, if any.
    static func cellSplitter(for line: String) -> CellSplitter? {
        if line.contains("\t") { return .tab }
        if line.contains("|") { return .pipe }
        return nil
    }
}
