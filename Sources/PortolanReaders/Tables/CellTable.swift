import PortolanModel

/// How a layout separates a line into cells.
enum CellSplitter: String, Sendable {
    /// Tab-separated rows (text copied from PDF tables and word processors).
    case tab
    /// Markdown pipe tables.
    case pipe

    /// The cells of a table line, or nil when the line is not a table line in this layout.
    func cells(_ line: String) -> [String]? {
        switch self {
        case .tab:
            guard Text.has(line, byte: 0x09) else { return nil }
            return Text.split(line, byte: 0x09)
        case .pipe:
            var body = Text.trimmed(line)
            guard Text.has(body, byte: UInt8(ascii: "|")) else { return nil }
            // Without escapes the cells are the bytes between pipes.
            if !Text.has(body, byte: UInt8(ascii: "\\")) {
                return Text.split(body, byte: UInt8(ascii: "|"), droppingOuter: true, trimming: true)
            }
            if body.hasPrefix("|") { body.removeFirst() }
            if body.hasSuffix("|") && !body.hasSuffix("\\|") { body.removeLast() }
            var cells: [String] = []
            var current = ""
            var escaped = false
            for ch in body {
                if escaped { current.append(ch); escaped = false; continue }
                if ch == "\\" { escaped = true; continue }
                if ch == "|" { cells.append(current); current = ""; continue }
                current.append(ch)
            }
            if escaped { current.append("\\") }
            cells.append(current)
            return cells.map { Text.trimmed($0) }
        }
    }

    /// A Markdown delimiter row (`|---|:--:|`).
    func isDelimiterRow(_ cells: [String]) -> Bool {
        self == .pipe && cells.allSatisfy { cell in
            !cell.isEmpty && cell.allSatisfy { $0 == "-" || $0 == ":" || $0 == " " } && cell.contains("-")
        }
    }
}

/// A row being assembled from its first line and the continuation lines after page breaks.
/// Most rows are one line with one fragment per cell: those are kept one string per column,
/// without an array per column (a 100,000-row table otherwise makes 700,000 small arrays).
struct RawRow {
    var line: Int
    /// How many cells the row's first line had (a copied table may have lost one).
    var cellCount = 0
    /// Each column's first fragment (nil: none yet).
    private var firsts: [String?]
    /// Each column's later fragments, in order; empty until a column takes a second one.
    private var rest: [[String]] = []

    init(line: Int, columns: Int) {
        self.line = line
        firsts = Array(repeating: nil, count: columns)
    }

    /// How many columns the row has room for.
    var columnCount: Int { firsts.count }

    /// Adds a fragment to a column's text.
    mutating func append(_ fragment: String, toColumn column: Int) {
        if firsts[column] == nil { firsts[column] = fragment; return }
        if rest.isEmpty { rest = Array(repeating: [], count: firsts.count) }
        rest[column].append(fragment)
    }

    /// The last column holding any fragment.
    var lastFilledColumn: Int? { firsts.lastIndex { $0 != nil } }

    /// A column's fragments, in the order they appeared.
    func fragments(_ column: Int) -> [String] {
        guard column < firsts.count, let first = firsts[column] else { return [] }
        return rest.isEmpty ? [first] : [first] + rest[column]
    }

    func text(_ index: Int?) -> String {
        guard let index, index < firsts.count, let first = firsts[index] else { return "" }
        // One fragment: what `joinFragments` makes of it, without an array.
        if rest.isEmpty || rest[index].isEmpty { return Text.collapseSpaces(first) }
        return Text.joinFragments([first] + rest[index])
    }
}

/// Reads the rows of a table whose lines split into cells (tab or pipe separated), across
/// page breaks that repeat the header row and continue a cell on the next line.
struct CellTable {
    enum LineKind {
        case header, rowStart, continuation, unplaceable
        /// The header of another table: this one ends before it.
        case otherTable
    }

    let lines: Lines
    let splitter: CellSplitter
    /// Whether a line without separators may continue the last cell when more rows follow it
    /// (numbered tables broken by page breaks); in other tables such a line ends the table.
    var joinsStrayLines = true

    struct Assembled {
        var rows: [RawRow] = []
        var diagnostics: [Diagnostic] = []
        /// Index of the first line after the table.
        var end: Int
    }

    /// Collects rows from `headerIndex + 1` until the table ends: a line that is not a table
    /// line, with no more rows of this table before the next heading.
    /// `finished`: given each row as soon as no later line can add to it (when the next row
    /// starts), and the row is then dropped from `rows`, which keeps only the rows still open;
    /// so a long table never stands whole as raw rows. Without it every row stays in `rows`.
    func assemble(after headerIndex: Int, columnCount: Int, finished: ((RawRow) -> Void)? = nil,
                  kind: ([String]) -> LineKind) -> Assembled {
        var result = Assembled(end: lines.count)
        var i = headerIndex + 1
        while i < lines.count {
            let line = lines[i]
            if Text.isBlank(line) || PageBreak.isMarker(line) { i += 1; continue }
            guard let cells = splitter.cells(line) else {
                // A heading ends the table.
                if Text.trimmed(line).hasPrefix("#") { result.end = i; return result }
                // A row whose cell holds a line break: its next cell starts on this line.
                if !joinsStrayLines, let last = result.rows.indices.last, result.rows[last].cellCount < columnCount {
                    let column = result.rows[last].cellCount
                    result.rows[last].append(Text.trimmed(line), toColumn: column)
                    result.rows[last].cellCount += 1
                    i += 1
                    continue
                }
                // A line without separators continues the last cell when it is a bullet or
                // indented (a list copied out of a cell), or when more rows follow it.
                if !result.rows.isEmpty, Self.isIndentedOrBullet(line) || (joinsStrayLines && tableGoesOn(after: i, kind: kind)) {
                    let last = result.rows.count - 1
                    let column = result.rows[last].lastFilledColumn ?? 0
                    result.rows[last].append(Self.withoutBullet(line), toColumn: column)
                    i += 1
                    continue
                }
                result.end = i
                return result
            }
            if splitter.isDelimiterRow(cells) { i += 1; continue }
            switch kind(cells) {
            case .otherTable:
                result.end = i
                return result
            case .header:
                break
            case .rowStart:
                var row = RawRow(line: i + 1, columns: max(columnCount, cells.count))
                row.cellCount = cells.count
                append(cells, to: &row, columnCount: columnCount, line: i + 1, diagnostics: &result.diagnostics)
                // Only the last row takes continuation lines: the one before it is done.
                if let finished, let done = result.rows.popLast() { finished(done) }
                result.rows.append(row)
            case .continuation:
                if result.rows.isEmpty {
                    result.diagnostics.append(Diagnostic(.warning, "a continuation line comes before any row and was skipped", line: i + 1))
                } else {
                    append(cells, to: &result.rows[result.rows.count - 1], columnCount: columnCount, line: i + 1, diagnostics: &result.diagnostics)
                }
            case .unplaceable:
                result.diagnostics.append(Diagnostic(.warning, "cannot place this line in the table (its first cell is not a row number): '\(Text.collapseSpaces(line).prefix(80))'", line: i + 1))
            }
            i += 1
        }
        return result
    }

    private func append(_ cells: [String], to row: inout RawRow, columnCount: Int, line: Int, diagnostics: inout [Diagnostic]) {
        var cells = cells
        if cells.count > columnCount {
            let extra = cells[columnCount...].filter { !Text.isBlank($0) }
            if !extra.isEmpty {
                diagnostics.append(Diagnostic(.warning, "the row has \(cells.count) cells for \(columnCount) columns; the extra cells were added to the last column", line: line))
                cells[columnCount - 1] = ([cells[columnCount - 1]] + extra).joined(separator: " ")
            }
            cells = Array(cells[..<columnCount])
        }
        for (index, cell) in cells.enumerated() where !Text.isBlank(cell) {
            row.append(cell, toColumn: index)
        }
    }

    static func isIndentedOrBullet(_ line: String) -> Bool {
        guard let first = line.first else { return false }
        return first == " " || "•·▪◦".contains(Text.trimmed(line).first ?? "x")
    }

    static func withoutBullet(_ line: String) -> String {
        var text = Text.trimmed(line)
        while let f = text.first, "•·▪◦".contains(f) { text = Text.trimmed(text.dropFirst()) }
        return text
    }

    /// Looks a few lines ahead for more of this table, so one stray line does not end it.
    private func tableGoesOn(after index: Int, kind: ([String]) -> LineKind) -> Bool {
        var seen = 0
        var j = index + 1
        while j < lines.count, seen < 6 {
            let line = lines[j]
            j += 1
            if Text.isBlank(line) || PageBreak.isMarker(line) { continue }
            if Text.trimmed(line).hasPrefix("#") { return false }
            seen += 1
            if let cells = splitter.cells(line), !splitter.isDelimiterRow(cells) {
                switch kind(cells) {
                case .header, .rowStart: return true
                default: continue
                }
            }
        }
        return false
    }
}

/// Page-break debris that extracted text carries between the pages of a table.
enum PageBreak {
    /// A horizontal rule ("---", "___", "***") or a form feed.
    static func isMarker(_ line: String) -> Bool {
        // Most lines are not: their first byte after ASCII spaces says so without trimming.
        if let lead = line.utf8.first(where: { $0 != 0x20 && !($0 >= 0x09 && $0 <= 0x0D) }), lead < 0x80,
           !"-_*=\u{0C}".utf8.contains(lead) { return false }
        let t = Text.trimmed(line)
        if t == "\u{0C}" { return true }
        guard t.count >= 3, let first = t.first, "-_*=".contains(first) else { return false }
        return t.allSatisfy { $0 == first }
    }
}
