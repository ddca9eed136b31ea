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
    /// Column widths in characters; nil sizes each column to its longest line, within 8...60
    /// (within 8...`wrapWidth` for wrapped columns).
    public var columnWidths: [Double]?
    /// Columns (0-based) whose text wraps at the column width, top-aligned.
    public var wrappedColumns: Set<Int>
    /// The width wrapped columns are held to when sized automatically.
    public var wrapWidth: Int
    /// Columns (0-based) whose cells that hold one whole number ("443") are written as numbers.
    public var numericColumns: Set<Int>
    /// Drop-down lists: column (0-based) -> allowed values, offered on every data row.
    public var listValidations: [Int: [String]]

    public init(name: String, rows: [[String]], hasHeader: Bool = true, columnWidths: [Double]? = nil,
                wrappedColumns: Set<Int> = [], wrapWidth: Int = 40, numericColumns: Set<Int> = [],
                listValidations: [Int: [String]] = [:]) {
        self.name = name
        self.rows = rows
        self.hasHeader = hasHeader
        self.columnWidths = columnWidths
        self.wrappedColumns = wrappedColumns
        self.wrapWidth = wrapWidth
        self.numericColumns = numericColumns
        self.listValidations = listValidations
    }

    var columnCount: Int { rows.map(\.count).max() ?? 0 }

    /// A whole number a numeric column writes as a number: digits only, no leading zero, at most 9.
    static func isWholeNumber(_ text: String) -> Bool {
        (1...9).contains(text.count) && text.allSatisfy { $0.isASCII && $0.isNumber } && (text == "0" || text.first != "0")
    }

    func widths() -> [Double] {
        if let columnWidths { return columnWidths }
        return (0..<columnCount).map { column in
            let longest = rows.map { row in
                column < row.count ? row[column].split(separator: "\n").map(\.count).max() ?? 0 : 0
            }.max() ?? 0
            return Double(min(wrappedColumns.contains(column) ? wrapWidth : 60, max(8, longest + 2)))
        }
    }
}
