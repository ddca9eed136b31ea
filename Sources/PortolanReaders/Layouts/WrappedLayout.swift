import PortolanModel

/// Text from a PDF whose cells' words wrap over lines (or a web table copied as one line per
/// row with single spaces between cells), under a header written as plain words.
struct WrappedLayout: TableRecognizer {
    func recognise(at index: Int, in context: LineContext) -> Recognised? {
        let line = context.lines[index]
        guard DocumentReader.cellSplitter(for: line) == nil, let columns = TableHeader.wordColumns(line: line) else { return nil }
        let read = WrappedTable.read(lines: context.lines, headerIndex: index, headerColumns: columns, subject: context.subject)
        let position = GridPosition(line: index + 1)
        let header = GridRow(cells: WrappedTable.cellColumns.map { GridCell($0.headerText, position: position) }, position: position)
        let grid = Grid(layout: "wrapped", header: [header], rows: read.rows, context: context.context(before: index), position: position)
        return Recognised(grid: grid, diagnostics: read.diagnostics, end: max(read.end, index + 1))
    }
}
