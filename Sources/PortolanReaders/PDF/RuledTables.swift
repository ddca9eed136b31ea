/// A vertical line a page draws (a cell border), in points from the top left.
struct VerticalRule: Sendable, Hashable {
    var x: Double
    var y0: Double
    var y1: Double
}

/// Tables drawn with cell borders. Where a page draws three or more vertical rules over the same
/// stretch of the page, the rules inside are the table's column boundaries, whatever the gaps
/// between the words: a cell whose words nearly touch the next cell's still ends at its rule.
enum RuledTables {
    /// The box the rules enclose, and the x of each rule between its columns.
    struct Box: Sendable, Hashable {
        var x0: Double
        var x1: Double
        /// From the top of the highest rule between columns to the bottom of the lowest.
        var y0: Double
        var y1: Double
        var inner: [Double]

        /// Whether the line sits inside the box: its middle between the top and bottom rules,
        /// its words between the outer rules.
        func holds(_ line: PDFLine) -> Bool {
            let middle = (line.y0 + line.y1) / 2
            guard middle > y0, middle < y1, let last = line.words.last else { return false }
            return line.x0 >= x0 - 1 && last.x1 <= x1 + 1
        }
    }

    /// Rules whose heights overlap make one box; a box needs rules on both sides and at least one
    /// between, reaching down at least half the box (a rule under a spanning header cell counts).
    static func boxes(_ rules: [VerticalRule]) -> [Box] {
        var groups: [[VerticalRule]] = []
        var bottom = -Double.infinity
        for rule in rules.sorted(by: { ($0.y0, $0.x) < ($1.y0, $1.x) }) {
            if !groups.isEmpty, rule.y0 < bottom {
                groups[groups.count - 1].append(rule)
                bottom = max(bottom, rule.y1)
            } else {
                groups.append([rule])
                bottom = rule.y1
            }
        }
        return groups.compactMap { group in
            guard let x0 = group.map(\.x).min(), let x1 = group.map(\.x).max(),
                  let y0 = group.map(\.y0).min(), let y1 = group.map(\.y1).max() else { return nil }
            var inner: [Double] = []
            let between = group.sorted(by: { $0.x < $1.x })
                .filter { $0.x > x0 + 1 && $0.x < x1 - 1 && $0.y1 - $0.y0 >= 0.5 * (y1 - y0) }
            for rule in between {
                if let last = inner.last, rule.x - last <= 1 { continue }
                inner.append(rule.x)
            }
            // The columns are where the rules between them are: a caption row merged across the
            // top of the table is above them, text before the table.
            guard let top = between.map(\.y0).min(), let bottom = between.map(\.y1).max() else { return nil }
            return Box(x0: x0, x1: x1, y0: top, y1: bottom, inner: inner)
        }
    }

    /// Whether a page's tables as the gaps between words cut them leave the columns in doubt, so
    /// that the rules the page may draw are worth looking for (drawing a page costs more than
    /// reading its words): lines of several cells but no table; a line of cells between tables
    /// or beside one; or a table line with more cells than the table has columns, or with a cell
    /// across a column gap (words a space from the next column's, or a header over two columns).
    static func columnsInDoubt(_ blocks: [TableFinder.Block], em: Double) -> Bool {
        var tables: [TableFinder.Found] = []
        var textOfCells = 0
        for block in blocks {
            switch block {
            case .table(let table): tables.append(table)
            case .text(let line): if line.segments(gap: TableFinder.cellGap(em: em)).count >= 2 { textOfCells += 1 }
            }
        }
        if tables.isEmpty { return textOfCells >= 2 }
        return textOfCells >= 1 || tables.contains { table in
            table.lines.contains { line in
                let segments = line.segments(gap: TableFinder.cellGap(em: table.em))
                return segments.count > table.columnCount || segments.contains { segment in
                    let x0 = segment.first?.x0 ?? 0, x1 = segment.last?.x1 ?? 0
                    return table.gaps.contains { $0 > x0 && $0 < x1 }
                }
            }
        }
    }
}
