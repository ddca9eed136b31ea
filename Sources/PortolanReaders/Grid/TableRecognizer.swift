import PortolanModel

/// What a layout recogniser is given: the document's lines and how headers are recognised.
struct LineContext {
    let lines: Lines
    let header: HeaderMatcher
    let subject: String?

    /// Up to three non-blank lines just before `index`, nearest last, without Markdown marks:
    /// the headings and sentences a table's heading is read from.
    func context(before index: Int) -> [String] {
        var found: [String] = []
        var i = index - 1
        while i >= 0, found.count < 3, index - i <= 12 {
            let t = Text.collapseSpaces(lines[i].drop { $0 == "#" || $0 == " " })
            if !t.isEmpty { found.insert(Text.stripTags(t), at: 0) }
            i -= 1
        }
        return found
    }
}

/// What a recogniser found at a line: a table as a grid, what it noticed while taking the
/// layout apart, and the first line after the table.
struct Recognised {
    var grid: Grid
    var diagnostics: [Diagnostic] = []
    var end: Int
    /// For a table whose rows are taken apart only as they are read (`grid` then holds the
    /// header and no rows, and `diagnostics` and `end` come from the stream).
    var stream: RowStream?
}

/// A table's rows given one at a time, each as soon as the layout has it complete, so a long
/// table never stands whole as a grid beside its connections.
struct RowStream {
    /// At most this many rows (the lines after the header): the connections are reserved once.
    var most: Int
    /// Takes the table apart, giving each row to `row` in order; returns what the layout
    /// noticed and the first line after the table.
    var run: (_ row: (GridRow) -> Void) -> (diagnostics: [Diagnostic], end: Int)
}

/// One layout: "does a table start at this line? If so, its grid and where it ends." A
/// recogniser never decides which column is which; the column interpreter does.
protocol TableRecognizer: Sendable {
    func recognise(at index: Int, in context: LineContext) -> Recognised?
}

/// The layouts text documents are read in, tried in this order at every line; the first that
/// recognises a table there wins. Adding a layout is adding it here.
enum TableRecognizers {
    static let all: [any TableRecognizer] = [
        RSTGridLayout(),
        RSTSimpleLayout(),
        DelimitedLayout(),
        // Before the wrapped layout: a header whose words are parted by runs of spaces is aligned text.
        AlignedLayout(),
        GluedHeaderLayout(),
        WrappedLayout(),
        SeparatedValuesLayout(),
        SpacedPlainLayout(),
        CellPerLineLayout(),
    ]
}
