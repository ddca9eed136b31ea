/// A workbook of plain string cells, the shape firewall sheets and tables need.
public struct XLSXWorkbook: Sendable, Hashable {
    public var sheets: [XLSXSheet]

    public init(sheets: [XLSXSheet]) {
        self.sheets = sheets
    }
}

public struct XLSXSheet: Sendable, Hashable {
    /// Shown on the tab; made valid (at most 31 characters, none of `[]:*?/\`) and unique on writing.
    public var name: String
    /// Rows of cells; empty strings leave the cell out.
    public var rows: [[String]]
    /// The first row is bold, frozen and carries the autofilter.
    public var hasHeader: Bool
    /// Column widths in characters; nil sizes each column to its longest line, within 8...60.
    public var columnWidths: [Double]?

    public init(name: String, rows: [[String]], hasHeader: Bool = true, columnWidths: [Double]? = nil) {
        self.name = name
        self.rows = rows
        self.hasHeader = hasHeader
        self.columnWidths = columnWidths
    }

    var columnCount: Int { rows.map(\.count).max() ?? 0 }

    func widths() -> [Double] {
        if let columnWidths { return columnWidths }
        return (0..<columnCount).map { column in
            let longest = rows.map { row in
                column < row.count ? row[column].split(separator: "\n").map(\.count).max() ?? 0 : 0
            }.max() ?? 0
            return Double(min(60, max(8, longest + 2)))
        }
    }
}
