import PortolanModel

/// A table whose rows a layout gives one at a time (`RowStream`). The first rows are kept until
/// the columns can be decided as for a whole grid (content typing looks at the first 200
/// rows); from then on each row becomes a connection as it comes and is let go, so the table
/// never stands whole as a grid. Tables of no more rows than that, and tables whose reading
/// needs all their rows (an "Included services" table, the rule for a first column of
/// listeners), are read as a whole grid, exactly as before.
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

    init(grid: Grid, options: ColumnInterpreter.Options, most: Int) {
        self.grid = grid
        self.options = options
        self.most = most
    }

    mutating func add(_ row: GridRow, numbering: inout Int) {
        if reading != nil {
            reading!.read(row, numbering: &numbering)
            return
        }
        if decided != nil { return }
        grid.rows.append(row)
        if !needsAllRows, grid.rows.count > Self.sample { start(numbering: &numbering) }
    }

    /// The columns, decided on the rows so far: every later row has at most the header's cells,
    /// so the widest row is among them or no wider than the header (`DelimitedLayout`).
    private mutating func start(numbering: inout Int) {
        let rowWidth = grid.rows.reduce(0) { max($0, $1.cells.count) }
        switch ColumnInterpreter.prepare(grid, rowWidth: rowWidth, rowsComplete: false, options: options) {
        case .services, .needsAllRows:
            needsAllRows = true
        case .notATable(let result):
            decided = result
            grid.rows = []
        case .rows(var prepared):
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
