import PortolanModel

/// What every layout recogniser produces, whatever the document's format: a table as rows of
/// cells, each cell with where it was written, and the text just before the table. One column
/// interpreter turns any grid into connections; no recogniser decides which column is which.
public struct Grid: Sendable, Hashable {
    /// The layout it was written in: "markdown", "tab", "csv", "html", "rst", "aligned", "pdf", "docx", ...
    public var layout: String
    /// Header rows, top first (a header broken over two lines is two rows here; the interpreter joins them).
    public var header: [GridRow]
    /// Data rows in document order. A cell that a merged (rowspan/vMerge) cell covers repeats its text
    /// with `spanned` set; a cell the document left empty is an empty string.
    public var rows: [GridRow]
    /// Headings and sentences just before the table, nearest last (for the subject and direction).
    public var context: [String]
    /// Where the table starts (its first header row).
    public var position: GridPosition

    public init(layout: String, header: [GridRow], rows: [GridRow], context: [String] = [], position: GridPosition) {
        self.layout = layout
        self.header = header
        self.rows = rows
        self.context = context
        self.position = position
    }
}

/// One row of a grid.
public struct GridRow: Sendable, Hashable {
    public var cells: [GridCell]
    public var position: GridPosition

    public init(cells: [GridCell], position: GridPosition) {
        self.cells = cells
        self.position = position
    }

    public var texts: [String] { cells.map { $0.text } }
}

/// One cell, as text already rendered from its markup (links, bold, `<br>` as a line break).
public struct GridCell: Sendable, Hashable {
    public var text: String
    public var position: GridPosition
    /// True when the text was copied from a merged cell above or to the left (rowspan, colspan,
    /// vMerge, gridSpan), so it was not written in this cell itself.
    public var spanned: Bool

    public init(_ text: String, position: GridPosition, spanned: Bool = false) {
        self.text = text
        self.position = position
        self.spanned = spanned
    }
}
