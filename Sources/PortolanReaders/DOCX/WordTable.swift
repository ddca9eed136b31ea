/// A Word table as a grid: columns counted on the table's grid, so a cell merged across columns
/// (`w:gridSpan`) or down rows (`w:vMerge`) repeats its text in every position it covers, marked
/// `spanned` there. Leading rows marked to repeat on each page (`w:tblHeader`) are the header;
/// without any, the first row is. A first row merged across the whole table is a caption.
enum WordTable {
    /// `line` is the table's first row counted among the document's paragraphs and table rows.
    static func grid(_ table: WordNode, line: Int, context: [String]) -> Grid {
        var rows: [GridRow] = []
        var above: [Int: String] = [:]
        for (r, row) in table.children("tr").enumerated() {
            var cells: [GridCell] = []
            var column = Int(row.child("trPr")?.child("gridBefore")?.attributes["val"] ?? "") ?? 0
            for _ in 0..<min(column, 64) { cells.append(GridCell("", position: GridPosition(line: line + r, column: cells.count + 1))) }
            for cell in row.children("tc") {
                let properties = cell.child("tcPr")
                let span = min(max(Int(properties?.child("gridSpan")?.attributes["val"] ?? "") ?? 1, 1), 64)
                let merge = properties?.child("vMerge")
                // vMerge with no value, or "continue", carries on the cell above.
                let continues = merge != nil && merge?.attributes["val"] != "restart"
                let text = continues ? (above[column] ?? "") : WordBody.text(cell)
                for k in 0..<span {
                    cells.append(GridCell(text, position: GridPosition(line: line + r, column: column + k + 1),
                                          spanned: continues || k > 0))
                    above[column + k] = text
                }
                column += span
            }
            rows.append(GridRow(cells: cells, position: GridPosition(line: line + r, column: 1)))
        }
        var marked = table.children("tr").prefix { $0.child("trPr")?.child("tblHeader") != nil }.count
        // A caption row merged across the whole table ("Table 3: Firewall ports") is the table's
        // title, said before its header, not the header.
        var context = context
        while rows.count > 2, let first = rows.first, first.cells.count > 1,
              first.cells.dropFirst().allSatisfy({ $0.spanned && $0.text == first.cells[0].text }) {
            if !first.cells[0].text.isEmpty { context.append(first.cells[0].text) }
            rows.removeFirst()
            marked = max(marked - 1, 0)
        }
        let headerCount = min(max(marked, 1), rows.count)
        return Grid(layout: "docx", header: Array(rows.prefix(headerCount)), rows: Array(rows.dropFirst(headerCount)),
                    context: context, position: rows.first?.position ?? GridPosition(line: line))
    }
}
