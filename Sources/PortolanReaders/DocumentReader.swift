import PortolanModel

/// The library's entry point for reading: text in, document out. Finds every connections
/// table and "Included services" table wherever it is, in whichever layout it is written
/// (`TableRecognizers.all`), and turns each table's grid into rows with one column
/// interpreter (`ColumnInterpreter`). Never throws: what it cannot read becomes a diagnostic
/// with a line.
public enum DocumentReader {
    /// What a reader is told beside the text: the user's column mapping and the conventions of
    /// the documents' family.
    public struct Options: Sendable {
        public var header: HeaderMatcher
        public var conventions: ReadingConventions

        public init(mapping: ColumnMapping = ColumnMapping(), conventions: ReadingConventions = .genesys) {
            self.header = HeaderMatcher(mapping: mapping)
            self.conventions = conventions
        }
    }

    public static let expectedHeader = "a header row with Source, Destination, Protocol, Port and Classification columns"

    public static func read(path: String, text: SourceText, options: Options = Options()) -> Document {
        let lines = text.lines
        if HTMLReader.looksLikeHTML(path: path, lines: lines) {
            return HTMLReader.read(path: path, text: text, options: options)
        }
        let title = DocumentMetadata.title(lines)
        let subject = DocumentMetadata.subject(lines, title: title, conventions: options.conventions)
        let context = LineContext(lines: lines, header: options.header, subject: subject)
        var reading = GridReading(options: options, subject: subject, starMeansConfigurable: declaresConfigurableMark(lines),
                                  configurableNotes: configurableNotes(lines))
        var i = 0
        scanning: while i < lines.count {
            for recognizer in TableRecognizers.all {
                if var found = recognizer.recognise(at: i, in: context) {
                    if let stream = found.stream {
                        // Rows read as the layout takes them apart: the table never stands as a grid.
                        i = max(reading.add(found.grid, streaming: stream), i + 1)
                        continue scanning
                    }
                    // Each grid is read as soon as it is found and then let go, so a large
                    // table never stands as a grid and as connections at once.
                    reading.diagnostics += found.diagnostics
                    reading.add(&found.grid)
                    i = max(found.end, i + 1)
                    continue scanning
                }
            }
            i += 1
        }
        var document = Document(path: path, title: title, subject: subject, intro: DocumentMetadata.intro(lines))
        reading.fill(&document)
        return finished(document, expected: expectedHeader)
    }

    /// Reads tables another reader already took apart (PDF geometry, Word XML, HTML): every
    /// grid through the one column interpreter, in order, numbering rows of tables without a
    /// number column by position across the document. `diagnostics`: what the layout
    /// recognisers found. The document's layout is the first connections table's.
    public static func read(path: String, grids: [Grid], title: String?, subject: String?, intro: [String] = [],
                            diagnostics: [Diagnostic] = [], options: Options = Options(), starMeansConfigurable: Bool = false,
                            configurableNotes: Set<Int> = [], expected: String = expectedHeader) -> Document {
        var reading = GridReading(options: options, subject: subject, starMeansConfigurable: starMeansConfigurable,
                                  configurableNotes: configurableNotes)
        reading.diagnostics = diagnostics
        for grid in grids { reading.add(grid) }
        var document = Document(path: path, title: title, subject: subject, intro: intro)
        reading.fill(&document)
        return finished(document, expected: expected)
    }

    /// Notes that say a port is configurable ("Note 2: … The port is configurable …"), by number.
    static func configurableNotes(_ lines: Lines) -> Set<Int> {
        var found: Set<Int> = []
        for index in lines.indices {
            // Only lines whose first letter after spaces, quotes or brackets is an N, told on
            // the line's bytes: most lines are never decoded.
            let lead = lines.withBytes(index) { bytes in
                bytes.first { $0 != 0x20 && $0 != 0x09 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: "(") }
            }
            guard let lead, lead == UInt8(ascii: "N") || lead == UInt8(ascii: "n") else { continue }
            let line = lines[index]
            var t = Substring(Text.trimmed(line))
            while let f = t.first, f == "\"" || f == "*" || f == "(" { t = t.dropFirst() }
            guard t.utf8.count < 400, t.lowercased().hasPrefix("note ") else { continue }
            let digits = t.dropFirst(5).prefix { $0.isNumber }
            guard let n = Int(digits), ["configurable", "can be changed", "can be configured"].contains(where: t.lowercased().contains) else { continue }
            found.insert(n)
        }
        return found
    }

    /// A footnote such as "* Configurable ports": the document says what its stars mean.
    static func declaresConfigurableMark(_ lines: Lines) -> Bool {
        // The first byte decides for most lines, which are then never decoded.
        lines.indices.contains { index in
            lines.withBytes(index) { $0.first }.map(startsFootnote) == true && declaresConfigurableMark(line: lines[index])
        }
    }

    static func declaresConfigurableMark(_ lines: [String]) -> Bool {
        lines.contains { line in line.utf8.first.map(startsFootnote) == true && declaresConfigurableMark(line: line) }
    }

    private static func startsFootnote(_ first: UInt8) -> Bool {
        first == UInt8(ascii: "*") || first == UInt8(ascii: " ") || first == UInt8(ascii: "\\")
    }

    private static func declaresConfigurableMark(line: String) -> Bool {
        let t = Text.trimmed(line)
        guard t.hasPrefix("*") || t.hasPrefix("\\*"), t.count < 200 else { return false }
        let lower = t.lowercased()
        return ["configurable", "can be changed", "can be configured", "can be overridden", "changeable"].contains { lower.contains($0) }
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
        if Text.has(line, byte: 0x09) { return .tab }
        if Text.has(line, byte: UInt8(ascii: "|")) { return .pipe }
        return nil
    }
}

/// Grids read one after another into one document's rows, numbering rows of tables without a
/// number column by position across the document.
struct GridReading {
    let options: ColumnInterpreter.Options
    var numbering = 0
    var layout: String?
    var connections: [Connection] = []
    var services: [IncludedService] = []
    var diagnostics: [Diagnostic] = []

    init(options: DocumentReader.Options, subject: String?, starMeansConfigurable: Bool, configurableNotes: Set<Int>) {
        self.options = ColumnInterpreter.Options(header: options.header, conventions: options.conventions, subject: subject,
                                                 starMeansConfigurable: starMeansConfigurable, configurableNotes: configurableNotes)
    }

    mutating func add(_ grid: Grid) {
        var grid = grid
        add(&grid, releasingRows: false)
    }

    /// Reads a grid the caller gives up: its rows are let go as they become connections.
    mutating func add(_ grid: inout Grid) { add(&grid, releasingRows: true) }

    /// Reads a table whose rows a layout gives one at a time (`header`: the grid without rows);
    /// returns the first line after the table. The layout's diagnostics come before the
    /// interpreter's, as for a whole grid.
    mutating func add(_ header: Grid, streaming stream: RowStream) -> Int {
        let numberingBefore = numbering
        var table = StreamedTable(grid: header, options: options, most: stream.most)
        let ran = stream.run { row in table.add(row, numbering: &numbering) }
        if table.needsWholeGrid {
            // A late row changed the columns: the table again, as one grid, from where it began.
            numbering = numberingBefore
            var grid = header
            let again = stream.run { row in grid.rows.append(row) }
            diagnostics += again.diagnostics
            add(&grid)
            return again.end
        }
        diagnostics += ran.diagnostics
        take(table.finished(numbering: &numbering), layout: header.layout)
        return ran.end
    }

    private mutating func add(_ grid: inout Grid, releasingRows: Bool) {
        let read = ColumnInterpreter.interpret(&grid, releasingRows: releasingRows, options: options, numbering: &numbering)
        take(read, layout: grid.layout)
    }

    private mutating func take(_ read: ColumnInterpreter.Interpreted, layout tableLayout: String) {
        diagnostics += read.diagnostics
        guard read.isTable else { return }
        if !read.isServices, layout == nil { layout = tableLayout }
        // The first table's connections are taken as they are, not copied into a new array.
        if connections.isEmpty { connections = read.connections } else { connections += read.connections }
        services += read.services
    }

    func fill(_ document: inout Document) {
        document.layout = layout
        document.connections = connections
        document.services = services
        document.diagnostics = diagnostics
    }
}
