/// Cuts a found table into rows and cells. Lines of one row overlap or touch; a wider vertical
/// gap starts the next row. Where rows are packed as tight as the lines of a cell, a first
/// column of numbers still starts a row at every number.
enum TableBands {
    /// One row: for each column, the cell's lines (words in the column, line by line).
    struct Band: Sendable {
        var cells: [[[PDFWord]]]
        var lines: [PDFLine]
        var top: Double
        /// Whether the page's ruled lines part this row from the next.
        var partedByRules = false
    }

    static func bands(_ table: TableFinder.Found, em: Double) -> [Band] {
        let lines = table.lines
        var gapsBetween: [Double] = []
        for (a, b) in zip(lines, lines.dropFirst()) { gapsBetween.append(b.y0 - a.y1) }
        let tightest = max(gapsBetween.min() ?? 0, -0.5 * em)
        // Lines of one cell are at most a few tenths of a line apart; rows are further.
        let rowGap = min(max(0.25 * em, tightest + 0.2 * em), 0.5 * em)
        let numbered = firstColumnIsNumbered(table)
        var groups: [[PDFLine]] = []
        var bottom = -Double.infinity
        for line in lines {
            let startsNumber = numbered && words(of: line, column: 0, gaps: table.gaps).first.map { isNumber($0.text) } == true
            let newRow = groups.isEmpty || line.y0 - bottom > rowGap
                || (startsNumber && (groups.count == 1 || bandHasNumber(groups[groups.count - 1], table)))
            if newRow {
                groups.append([line])
            } else {
                groups[groups.count - 1].append(line)
            }
            bottom = max(bottom, line.y1)
        }
        return groups.map { band($0, table) }
    }

    /// Rows parted by ruled lines (their y): each line goes to the row between the rules around
    /// its middle. Rules above or below the table's lines are left out.
    static func bands(_ table: TableFinder.Found, ruledAt rules: [Double]) -> [Band] {
        guard let top = table.lines.first?.y0, let bottom = table.lines.map(\.y1).max() else { return [] }
        let inside = rules.filter { $0 > top && $0 < bottom }.sorted()
        guard !inside.isEmpty else { return [] }
        var groups: [Int: [PDFLine]] = [:]
        for line in table.lines {
            let middle = (line.y0 + line.y1) / 2
            groups[inside.filter { $0 < middle }.count, default: []].append(line)
        }
        return groups.keys.sorted().map { key in
            var band = band(groups[key]!, table)
            band.partedByRules = true
            return band
        }
    }

    /// Rows as tight as the lines of a cell, with neither rules nor numbers to part them: a row
    /// starts at a line that starts (nearly) every column at once, with a first cell that does
    /// not go on in lower case ("Vault clients" / "and agents"); a cell's wrapped lines fill only
    /// some columns. The most columns any line of the table fills stands for a full row.
    static func splitAtRowStarts(_ bands: [Band], _ table: TableFinder.Found) -> [Band] {
        guard !firstColumnIsNumbered(table) else { return bands }
        func filled(_ line: PDFLine) -> Int {
            (0..<table.columnCount).filter { !words(of: line, column: $0, gaps: table.gaps).isEmpty }.count
        }
        let most = table.lines.map(filled).max() ?? 0
        guard most >= 3 else { return bands }
        return bands.flatMap { band -> [Band] in
            var groups: [[PDFLine]] = []
            for line in band.lines.sorted(by: { $0.y0 < $1.y0 }) {
                let first = words(of: line, column: 0, gaps: table.gaps).first?.text.first
                let starts = filled(line) >= most - 1 && first.map { !$0.isLowercase } == true
                if groups.isEmpty || starts { groups.append([line]) } else { groups[groups.count - 1].append(line) }
            }
            return groups.count > 1 ? groups.map { self.band($0, table) } : [band]
        }
    }

    private static func band(_ group: [PDFLine], _ table: TableFinder.Found) -> Band {
        let cells = (0..<table.columnCount).map { column in
            group.map { words(of: $0, column: column, gaps: table.gaps) }.filter { !$0.isEmpty }
        }
        return Band(cells: cells, lines: group, top: group.map(\.y0).min() ?? 0)
    }

    static func words(of line: PDFLine, column: Int, gaps: [Double]) -> [PDFWord] {
        line.words.filter { TableFinder.column(of: ($0.x0 + $0.x1) / 2, gaps: gaps) == column }
    }

    /// Whether the first column holds numbers (below a header that may take a line or two).
    private static func firstColumnIsNumbered(_ table: TableFinder.Found) -> Bool {
        let firsts = table.lines.compactMap { words(of: $0, column: 0, gaps: table.gaps).first?.text }
        let numbers = firsts.filter(isNumber).count
        return numbers >= 2 && Double(numbers) >= 0.6 * Double(firsts.count)
    }

    private static func bandHasNumber(_ group: [PDFLine], _ table: TableFinder.Found) -> Bool {
        group.contains { words(of: $0, column: 0, gaps: table.gaps).first.map { isNumber($0.text) } == true }
    }

    static func isNumber(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy(\.isNumber)
    }
}
