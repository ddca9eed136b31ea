import PortolanModel

/// Puts a PDF's pieces together in reading order: paragraphs from text lines, grids from tables,
/// and a table that goes on at the top of the next page (with its header repeated or not) as
/// the rows of the one before.
struct GridAssembler {
    let em: Double
    let cellLines: CellLines
    let ruledLines: (_ page: Int, _ from: Double, _ to: Double) -> [Double]
    private(set) var paragraphs: [String] = []
    /// The first page's paragraph in the largest letters, if larger than the body text.
    private(set) var title: String?
    private var titleHeight = 0.0
    private var tables: [Table] = []
    private var paragraph: [PDFLine] = []
    /// Paragraphs since the last table: the next table's context.
    private var pending: [String] = []
    /// Whether anything but a table came since the last table (then nothing continues it).
    private var textSinceTable = true
    private var lastBlockWasTable = false

    init(em: Double, cellLines: CellLines, ruledLines: @escaping (_ page: Int, _ from: Double, _ to: Double) -> [Double]) {
        self.em = em
        self.cellLines = cellLines
        self.ruledLines = ruledLines
    }

    private struct Table {
        var header: TableBands.Band
        var rows: [(band: TableBands.Band, right: [Double], page: Int)]
        var gaps: [Double]
        var ruled: Bool
        var page: Int
        var em: Double
        var context: [String]
    }

    mutating func startPage() {
        finishParagraph()
        // A table that ended its page can go on at the top of the next.
        textSinceTable = !lastBlockWasTable
        lastBlockWasTable = false
    }

    mutating func add(text line: PDFLine) {
        if let last = paragraph.last,
           line.y0 - last.y1 > 0.4 * em || line.y0 < last.y0 || abs(line.height - last.height) > 0.15 * last.height {
            // A gap, a line higher up (the next column of running text) or other letters: a new paragraph.
            finishParagraph()
        }
        paragraph.append(line)
        textSinceTable = true
        lastBlockWasTable = false
    }

    mutating func add(table: TableFinder.Found) {
        finishParagraph()
        var bands = TableBands.bands(table, em: table.em)
        let page = table.lines.first?.page ?? 1
        // A table drawn with cell borders: its rows are parted by its ruled lines where it rules them.
        if let ruled = table.ruled {
            let byRules = TableBands.bands(table, ruledAt: ruledLines(page, ruled.lowerBound, ruled.upperBound))
            if byRules.count >= 2 { bands = byRules }
        }
        // Rows as close as the lines of a cell: the lines the page rules between them part them.
        if table.ruled == nil, bands.contains(where: { $0.lines.count >= 4 }) || (bands.count <= 2 && table.lines.count >= 3) {
            let x0 = table.lines.map(\.x0).min() ?? 0, x1 = table.lines.compactMap { $0.words.last?.x1 }.max() ?? 0
            let ruled = TableBands.bands(table, ruledAt: ruledLines(page, x0, x1))
            if ruled.count > bands.count { bands = ruled }
        }
        // Rows neither the page's rules (a rule under the header only) nor its gaps part: where each row starts every column.
        if table.ruled == nil, bands.filter(\.partedByRules).count <= 2 { bands = TableBands.splitAtRowStarts(bands, table) }
        let right = columnRights(bands, count: table.columnCount)
        if !textSinceTable, let previous = tables.last, previous.rows.last?.page == page - 1,
           previous.gaps.count == table.gaps.count,
           zip(previous.gaps, table.gaps).allSatisfy({ abs($0 - $1) <= 1.5 * table.em }) {
            // The same table going on: drop its header if the page repeats it.
            if let first = bands.first, headerText(first) == headerText(previous.header) { bands.removeFirst() }
            // A row the page break cut in two: its rest comes first, with nothing in the first column.
            if let rest = bands.first, rest.cells[0].isEmpty, !tables[tables.count - 1].rows.isEmpty,
               tables[tables.count - 1].rows.allSatisfy({ !$0.band.cells[0].isEmpty }) {
                bands.removeFirst()
                let last = tables[tables.count - 1].rows.count - 1
                for column in rest.cells.indices {
                    tables[tables.count - 1].rows[last].band.cells[column] += rest.cells[column]
                }
            }
            tables[tables.count - 1].rows += bands.map { ($0, right, page) }
        } else if bands.count >= 2 {
            let header = bands.removeFirst()
            tables.append(Table(header: header, rows: bands.map { ($0, right, page) }, gaps: table.gaps, ruled: table.ruled != nil,
                                page: page, em: table.em, context: Array(pending.suffix(3))))
            pending = []
        } else {
            for line in table.lines { add(text: line) }
            return
        }
        textSinceTable = false
        lastBlockWasTable = true
    }

    /// The right edge of each column's words, where a word cut at the column's edge ends.
    private func columnRights(_ bands: [TableBands.Band], count: Int) -> [Double] {
        (0..<count).map { column in
            bands.flatMap { $0.cells[column].flatMap { $0 } }.map(\.x1).max() ?? 0
        }
    }

    private func headerText(_ band: TableBands.Band) -> [String] {
        band.cells.map { $0.flatMap { $0 }.map(\.text).joined(separator: " ") }
    }

    private mutating func finishParagraph() {
        guard !paragraph.isEmpty else { return }
        let text = paragraph.map(\.text).joined(separator: " ")
        if let first = paragraph.first, first.page == 1, first.height > max(1.15 * em, titleHeight) {
            title = text
            titleHeight = first.height
        }
        paragraphs.append(text)
        pending.append(text)
        paragraph = []
    }

    mutating func grids() -> [Grid] {
        finishParagraph()
        return tables.map { table in
            let headerPosition = position(table.header, column: 0, page: table.page)
            let header = headerRows(table.header, gaps: table.gaps, ruled: table.ruled, page: table.page, em: table.em)
            let rows = table.rows.map { band, right, page in
                GridRow(cells: band.cells.enumerated().map { column, lines in
                    GridCell(cellLines.join(lines, columnRight: right[column], em: table.em),
                             position: position(band, column: column, page: page))
                }, position: position(band, column: 0, page: page))
            }
            return Grid(layout: "pdf", header: header, rows: rows, context: table.context, position: headerPosition)
        }
    }

    /// One header row per printed line of the header. Words close together that run across a
    /// column gap are one cell spanning those columns, repeated in each (spanned after the first);
    /// in a table drawn with cell borders, each word is in the cell between its rules.
    private func headerRows(_ band: TableBands.Band, gaps: [Double], ruled: Bool, page: Int, em: Double) -> [GridRow] {
        band.lines.sorted { $0.y0 < $1.y0 }.map { line in
            var cells = (0..<(gaps.count + 1)).map { GridCell("", position: GridPosition(line: line.number, column: $0 + 1, page: page)) }
            for segment in ruled ? line.words.map({ [$0] }) : line.segments(gap: TableFinder.cellGap(em: em)) {
                guard let x0 = segment.first?.x0, let x1 = segment.last?.x1 else { continue }
                let from = TableFinder.column(of: x0, gaps: gaps), to = TableFinder.column(of: x1, gaps: gaps)
                if from == to {
                    // Within one column: words by their middles (a cell's words may sit apart).
                    for word in segment {
                        let column = TableFinder.column(of: (word.x0 + word.x1) / 2, gaps: gaps)
                        cells[column].text += (cells[column].text.isEmpty ? "" : " ") + word.text
                    }
                } else {
                    let text = segment.map(\.text).joined(separator: " ")
                    for column in from...to {
                        cells[column].text += (cells[column].text.isEmpty ? "" : " ") + text
                        cells[column].spanned = column > from
                    }
                }
            }
            return GridRow(cells: cells, position: GridPosition(line: line.number, column: 1, page: page))
        }
    }

    /// The cell's first line within its page, the column counted from 1.
    private func position(_ band: TableBands.Band, column: Int, page: Int) -> GridPosition {
        let cellLine = band.cells[column].first?.first.flatMap { word in
            band.lines.first { $0.words.contains(word) }?.number
        }
        return GridPosition(line: cellLine ?? band.lines.first?.number ?? 1, column: column + 1, page: page)
    }
}
