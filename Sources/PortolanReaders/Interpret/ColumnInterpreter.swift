import PortolanModel

/// Turns any grid, whatever layout it came from, into connections (or included services):
/// which column is which comes from the header's words, the user's mapping, or the cells'
/// content; every column it cannot place is kept on the connection as an attribute.
public enum ColumnInterpreter {
    public struct Options: Sendable {
        public var header: HeaderMatcher
        public var conventions: ReadingConventions
        /// The document's own product: the other side of a "Source/Destination" column.
        public var subject: String?
        /// True when the document declares that `*` after a port means "configurable".
        public var starMeansConfigurable: Bool
        /// Numbers of the document's notes that say a port is configurable ("see note 2").
        public var configurableNotes: Set<Int>

        public init(header: HeaderMatcher = HeaderMatcher(), conventions: ReadingConventions = .genesys,
                    subject: String? = nil, starMeansConfigurable: Bool = false, configurableNotes: Set<Int> = []) {
            self.configurableNotes = configurableNotes
            self.header = header
            self.conventions = conventions
            self.subject = subject
            self.starMeansConfigurable = starMeansConfigurable
        }
    }

    public struct Interpreted: Sendable {
        public var connections: [Connection] = []
        public var services: [IncludedService] = []
        public var diagnostics: [Diagnostic] = []
        /// False when the grid is neither a connections nor an included-services table.
        public var isTable = true
        /// True for an "Included services" table.
        public var isServices = false
    }

    /// `numbering`: the last position number given in this document, so tables without a
    /// number column continue where the previous one stopped.
    public static func interpret(_ grid: Grid, options: Options, numbering: inout Int) -> Interpreted {
        var grid = grid
        return interpret(&grid, releasingRows: false, options: options, numbering: &numbering)
    }

    /// `releasingRows`: each row's cells are let go once its connection is made, so a large
    /// table does not stand as a grid and as connections at once (the caller gives the grid up).
    static func interpret(_ grid: inout Grid, releasingRows: Bool, options: Options, numbering: inout Int) -> Interpreted {
        let rowWidth = grid.rows.reduce(0) { max($0, $1.cells.count) }
        var reading: TableReading
        switch prepare(grid, rowWidth: rowWidth, rowsComplete: true, options: options) {
        case .services: return ServiceRows.read(grid)
        case .notATable(let result): return result
        case .rows(let prepared): reading = prepared
        }
        reading.reserve(grid.rows.count)
        // By index, not by iterating the array: a loop's copy of the rows would keep them all.
        for index in grid.rows.indices {
            let row = grid.rows[index]
            if releasingRows { grid.rows[index].cells = [] }
            reading.read(row, numbering: &numbering)
        }
        return reading.finished()
    }

    /// What the header (and the first rows) decide before any row is read.
    enum Prepared {
        /// An "Included services" table: `ServiceRows` reads it, from all its rows.
        case services
        /// Neither kind of table; nothing a row says changes that.
        case notATable(Interpreted)
        case rows(TableReading)
    }

    /// Decides the columns from the header, the widest row (`rowWidth`), the first 200 rows'
    /// content and every given row's first cell ("Used by" tables). When not `rowsComplete`,
    /// the reading keeps what the first cells said (`ListenerColumn`), for the rows to come to
    /// confirm.
    static func prepare(_ grid: Grid, rowWidth: Int, rowsComplete: Bool, options: Options) -> Prepared {
        let headerTexts = joinedHeader(grid.header, matcher: options.header)
        if options.header.isServices(headerTexts, context: grid.context) {
            return .services
        }
        var roles = options.header.roles(headerTexts)
        let width = max(headerTexts.count, rowWidth)
        while roles.count < width { roles.append(nil) }
        var diagnostics: [Diagnostic] = []
        // One column per role (descriptions aside): a second "port" column is kept as an attribute.
        roles = oneColumnPerRole(roles, headers: headerTexts)
        let typedByContent = ContentTyping.fill(&roles, headers: headerTexts, rows: grid.rows, mapping: options.header.mapping)
        // "Service | Port | … | Used by": the first column names the listener when only the
        // clients have a column of their own.
        var listener: ListenerColumn?
        if roles.contains(.source), !roles.contains(.destination), !roles.contains(.party), roles.first == .some(nil),
           !options.header.mapping.isMapped(headerTexts.first ?? ""), HeaderVocabulary.role(headerTexts.first ?? "") == nil {
            var evidence = ListenerColumn()
            for row in grid.rows { evidence.add(row) }
            if evidence.applies { roles[0] = .destination }
            if !rowsComplete { listener = evidence }
        }
        let sides = HeadingSides.parse(grid.context)
        let found = Set(roles.compactMap { $0 })
        let complete = HeaderMatcher.isConnections(Array(found))
        let oneSided = !found.isDisjoint(with: [.port, .portProtocol]) && (found.contains(.source) != found.contains(.destination))
        let sidesFromHeading = !found.isDisjoint(with: [.port, .portProtocol]) && found.isDisjoint(with: [.source, .destination, .party])
            && sides.source != nil && sides.destination != nil
        guard complete || oneSided || sidesFromHeading else {
            // Ports without a peer on either side: a list of listeners, not connections.
            var result = Interpreted()
            result.isTable = false
            if !found.isDisjoint(with: [.port, .portProtocol]) {
                result.diagnostics.append(Diagnostic(.warning, "this table lists ports without saying who connects to whom (no Source or Destination column, and no heading naming them); it is not read as a connections table", line: grid.position.line, page: grid.position.page, code: "listener-table"))
            }
            return .notATable(result)
        }
        var columns = TableColumns(roles: roles, headers: headerTexts)
        columns.otherSide = sides.subject ?? options.subject
        if sidesFromHeading { columns.headingSides = (sides.source ?? "", sides.destination ?? "") }
        columns.direction = columns.direction ?? Direction.fromHeading(grid.context)
        for (index, text) in headerTexts.enumerated() where (roles[index] == nil || typedByContent.contains(index)) && !Text.isBlank(text) {
            guard !options.header.mapping.isMapped(text) else { continue }
            let hint = Suggest.didYouMean(HeaderVocabulary.key(text), among: HeaderVocabulary.suggestions)
            let name = Text.collapseSpaces(text)
            let message = roles[index].map { role in
                "column '\(name)' is not a header Portolan knows; its cells are \(role.cellsWord), so it was read as the \(role.rawValue) column\(hint)"
            } ?? "column '\(name)' maps to no role; its cells are kept as attributes\(hint)"
            diagnostics.append(Diagnostic(.note, message,
                                          line: grid.header.first?.cells[safe: index]?.position.line ?? grid.position.line,
                                          column: grid.header.first?.cells[safe: index]?.position.column, page: grid.position.page,
                                          code: "unmapped-column"))
        }
        let configurable = options.starMeansConfigurable
            || headerTexts.contains { options.conventions.configurableMarkHeaders.contains(HeaderVocabulary.key($0)) }
        var builder = RowInterpreter(grid: grid, columns: columns, subject: options.subject, configurable: configurable)
        builder.configurableNotes = options.configurableNotes
        var reading = TableReading(builder: builder, columns: columns, headerTexts: headerTexts, position: grid.position,
                                   diagnostics: diagnostics)
        reading.listener = listener
        return .rows(reading)
    }

    /// "Service | Port | … | Used by": the first column, headed by no role's word, names the
    /// listener when the clients have a column and the listener none, and every row's first cell
    /// is text (no port or protocol) and some row's is not blank. Kept row by row, so a table
    /// read as its rows come can tell whether a later row decides otherwise.
    struct ListenerColumn {
        private var anyNamed = false
        private var allText = true
        /// What the rows so far decide.
        private(set) var applies = false

        mutating func add(_ row: GridRow) {
            let first = row.cells.first?.text ?? ""
            if !Text.isBlank(first) { anyNamed = true }
            if allText, ShiftedRow.kind(first) != .text { allText = false }
            applies = anyNamed && allText
        }
    }

    /// One column per role, descriptions aside: the column whose header is the role's own word
    /// wins ("Protocol" over "Type"), else the first; the others are kept as attributes.
    static func oneColumnPerRole(_ given: [Column?], headers: [String]) -> [Column?] {
        var roles = given
        let canonical: Set<String> = ["protocol", "port", "ports", "source", "destination", "direction", "#", "no.", "number"]
        for role in Set(roles.compactMap { $0 }) where role != .description && role != .portProtocol {
            let claimants = roles.indices.filter { roles[$0] == role }
            guard claimants.count > 1 else { continue }
            let keep = claimants.first { canonical.contains(HeaderVocabulary.key(headers[safe: $0] ?? "")) } ?? claimants[0]
            for index in claimants where index != keep { roles[index] = nil }
        }
        return roles
    }

    /// The header rows joined per column: "Destination" over "port" is "Destination port", and
    /// a word broken mid-way ("Proto" / "col") is put back together when that names a role.
    static func joinedHeader(_ rows: [GridRow], matcher: HeaderMatcher) -> [String] {
        guard let first = rows.first else { return [] }
        var texts = first.texts
        for row in rows.dropFirst() {
            for (i, cell) in row.texts.enumerated() {
                if i >= texts.count { texts.append(cell); continue }
                let a = Text.collapseSpaces(texts[i]), b = Text.collapseSpaces(cell)
                if b.isEmpty { continue }
                if a.isEmpty { texts[i] = b; continue }
                let spaced = a + " " + b
                let glued = a.hasSuffix("-") ? String(a.dropLast()) + b : a + b
                if a.hasSuffix("-") || (matcher.roles([spaced])[0] == nil && matcher.roles([glued])[0] != nil) {
                    texts[i] = glued
                } else {
                    texts[i] = spaced
                }
            }
        }
        return texts.map { Text.collapseSpaces($0) }
    }
}

extension Column {
    /// What a column of this role holds, for messages.
    var cellsWord: String {
        switch self {
        case .port: "ports"
        case .protocol: "protocols"
        case .portProtocol: "ports with their protocol"
        case .classification: "directions"
        default: rawValue + " values"
        }
    }
}

/// Where each role's cells are in a grid.
struct TableColumns {
    var roles: [Column?]
    var headers: [String]
    var number: Int?
    var direction: Direction.Found?
    /// A one-sided table's other side: the heading's subject, else the document's.
    var otherSide: String?
    /// Both sides, when only the heading names them.
    var headingSides: (source: String, destination: String)?

    init(roles: [Column?], headers: [String]) {
        self.roles = roles
        self.headers = headers
        number = roles.firstIndex(of: .number)
        direction = nil
    }

    func indices(_ role: Column) -> [Int] { roles.indices.filter { roles[$0] == role } }
    func first(_ role: Column) -> Int? { roles.firstIndex(of: role) }
    func header(_ index: Int) -> String { index < headers.count && !headers[index].isEmpty ? headers[index] : "Column \(index + 1)" }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
