import PortolanModel

/// Text from a PDF whose cells' words wrap over lines (or a web table copied as one line per
/// row with single spaces between cells), under a header written as plain words. The rows are
/// found first (where each starts); they are taken apart and given one at a time once the
/// names the document states are learnt (`WrappedTable.rows`), so the table never stands
/// whole as a grid.
struct WrappedLayout: TableRecognizer {
    func recognise(at index: Int, in context: LineContext) -> Recognised? {
        let line = context.lines[index]
        guard DocumentReader.cellSplitter(for: line) == nil, let columns = TableHeader.wordColumns(line: line) else { return nil }
        let plan = WrappedTable.plan(lines: context.lines, headerIndex: index, headerColumns: columns, subject: context.subject)
        let end = max(plan.end, index + 1)
        let stream = RowStream(most: plan.rowCount) { give in (WrappedTable.rows(plan, give), end) }
        let position = GridPosition(line: index + 1)
        let header = GridRow(cells: WrappedTable.cellColumns.map { GridCell($0.headerText, position: position) }, position: position)
        let grid = Grid(layout: "wrapped", header: [header], rows: [], context: context.context(before: index), position: position)
        return Recognised(grid: grid, end: end, stream: stream)
    }
}
