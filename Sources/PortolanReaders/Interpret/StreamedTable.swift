import PortolanModel

/// A table whose rows a layout gives one at a time (`RowStream`). The first rows are kept until
/// the columns can be decided as for a whole grid (content typing looks at the first 200
/// rows); from then on each row becomes a connection as it comes and is let go, so the table
/// never stands whole as a grid. Tables of no more rows than that, and "Included services"
/// tables (read from all their rows), are read as a whole grid, exactly as before; so is a
/// table where a row after the first 201 is wider than the columns decided, or where the rows
/// after them decide the rule for a first column of listeners otherwise than the first did
/// (`needsWholeGrid`: read again).
struct StreamedTable {
    /// Rows kept before the columns are decided: content typing's sample, and one more.
    static let sample = 200

    /// The header, context and position; its rows are the first rows, until the reading starts.
    private var grid: Grid
    private let options: ColumnInterpreter.Options
    private let most: Int
    private var reading: ColumnInterpreter.TableReading?
    /// Decided without any row: not a table.
    private var decided: ColumnInterpreter.Interpreted?
    private var needsAllRows = false
    /// The columns the reading started with (the header's, or the widest of the first rows).
    private var width = 0
    /// A later row was wider than the columns decided, or not a name under a listener column:
    /// no later row undoes either, so the rest is not read.
    private var abandoned = false
    /// The rule for a first column of listeners as the first rows decided it, and what every
    /// row so far says (`ColumnInterpreter.ListenerColumn`).
    private var listener: (decided: Bool, rows: ColumnInterpreter.ListenerColumn)?
    /// The whole grid decides otherwise than the first rows did (every row's reading depends on
    /// the column count and on the listener rule), so the caller reads the table again as one.
    var needsWholeGrid: Bool { abandoned || listener.map { $0.decided != $0.rows.applies } ?? false }

    init(grid: Grid, options: ColumnInterpreter.Options, most: Int) {
        self.grid = grid
        self.options = options
        self.most = most
    }

    mutating func add(_ row: GridRow, numbering: inout Int) {
        if decided != nil || abandoned { return }
        if reading != nil {
            listener?.rows.add(row)
            if row.cells.count > width || listener.map({ $0.decided && !$0.rows.applies }) ?? false {
                abandoned = true
                reading = nil
                return
            }
            reading!.read(row, numbering: &numbering)
            return
        }
        grid.rows.append(row)
        if !needsAllRows, grid.rows.count > Self.sample { start(numbering: &numbering) }
    }

    /// The columns, decided on the rows so far. A later row no wider leaves them as the whole
    /// grid would (content typing looks at the first 200 rows only); a wider one does not, and
    /// `needsWholeGrid` says so. (A table that is no table stays none: a column only later rows
    /// have is typed by nothing.)
    private mutating func start(numbering: inout Int) {
        let rowWidth = grid.rows.reduce(0) { max($0, $1.cells.count) }
        switch ColumnInterpreter.prepare(grid, rowWidth: rowWidth, rowsComplete: false, options: options) {
        case .services:
            needsAllRows = true
        case .notATable(let result):
            decided = result
            grid.rows = []
        case .rows(var prepared):
            width = prepared.columns.roles.count
            listener = prepared.listener.map { ($0.applies, $0) }
            prepared.reserve(most)
            let kept = grid.rows
            grid.rows = []
            for row in kept { prepared.read(row, numbering: &numbering) }
            reading = prepared
        }
    }

    /// What the table gave.
    mutating func finished(numbering: inout Int) -> ColumnInterpreter.Interpreted {
        if let decided { return decided }
        if let reading {
            self.reading = nil
            return reading.finished()
        }
        return ColumnInterpreter.interpret(&grid, releasingRows: true, options: options, numbering: &numbering)
    }
}
