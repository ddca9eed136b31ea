import PortolanModel

/// Columns aligned with spaces, as `pdftotext -layout` and many plain-text pages give them:
/// the columns start where the data rows' cells start; a header may wrap over several lines;
/// a cell may wrap onto the next lines in its own column; a page break (footer, running
/// header, the header row again) does not end the table.
struct AlignedLayout: TableRecognizer {
    func recognise(at index: Int, in context: LineContext) -> Recognised? {
        let lines = context.lines
        guard Self.mayBeHeader(lines[index]) else { return nil }
        // The first data row comes within a few lines (a header may wrap).
        guard let firstRow = (index + 1..<min(lines.count, index + 6)).first(where: { Self.looksLikeRow(lines[$0]) }),
              !(index + 1..<firstRow).contains(where: { lines.isBlank($0) }) else { return nil }
        let (body, end) = Self.body(lines, from: firstRow, header: lines[index])
        let starts = Self.columnStarts(body.lazy.map { lines[$0] })
        guard starts.count >= 3 else { return nil }
        // Header words may be centred over their cells: a word a little before a column's start is that column's.
        let headerRows = (index..<firstRow).map { Self.row(lines[$0], line: $0 + 1, starts: starts, slack: 3) }
        let headerTexts = ColumnInterpreter.joinedHeader(headerRows, matcher: context.header)
        guard let roles = context.header.connectionRoles(headerTexts) else { return nil }
        let numberIndex = roles.firstIndex(of: .number)
        // A row starts where its port cell has a number (a wrapped port cell goes on with "TCP and UDP");
        // a table without a port column starts rows at its protocol cells.
        let portColumns = roles.indices.filter { [.port, .portProtocol].contains(roles[$0]) }
        let keyColumns = portColumns.isEmpty ? roles.indices.filter { roles[$0] == .protocol } : portColumns
        // Rows given one at a time, each when the next one starts (a wrapped cell goes on in
        // the lines after its row's first): the table never stands whole as a grid.
        let stream = RowStream(most: body.count) { give in
            var current: GridRow?
            for i in body {
                let row = Self.row(lines[i], line: i + 1, starts: starts)
                let texts = row.texts
                let starts: Bool
                if let numberIndex {
                    starts = Text.isRowNumber(Text.trimmed(texts[numberIndex]))
                } else {
                    starts = keyColumns.contains { portColumns.isEmpty ? !Text.isBlank(texts[$0]) : texts[$0].contains(where: \.isNumber) } || current == nil
                }
                // "21000 through" / "21255 TCP": a port cell cut after a joining word goes on.
                let open = current.map { last in portColumns.contains { c in
                    let words = Text.words(last.cells[c].text.lowercased())
                    return ["through", "to", "and", "thru", "-", "–"].contains(words.last ?? "") || (words.last?.hasSuffix(",") ?? false)
                } } ?? false
                if (starts && !open) || current == nil {
                    if let done = current { give(done) }
                    current = row
                } else {
                    // A wrapped cell goes on in its own column.
                    for (c, cell) in row.cells.enumerated() where !Text.isBlank(cell.text) {
                        let previous = current!.cells[c].text
                        current!.cells[c].text = Text.joinFragments([previous, cell.text])
                    }
                }
            }
            if let done = current { give(done) }
            return ([], end)
        }
        let grid = Grid(layout: "aligned", header: headerRows, rows: [], context: context.context(before: index),
                        position: GridPosition(line: index + 1))
        return Recognised(grid: grid, end: end, stream: stream)
    }

    /// A line with at least two header words and a gap of two spaces.
    static func mayBeHeader(_ line: String) -> Bool {
        guard Text.has(line, "  "), !Text.has(line, byte: 0x09), !Text.has(line, byte: UInt8(ascii: "|")) else { return false }
        let words = Text.words(line.lowercased())
        let known: Set<String> = ["source", "destination", "port", "ports", "protocol", "type", "from", "to", "direction", "dest", "dest.", "target", "server", "client", "proto", "transport", "no.", "#"]
        return words.filter { known.contains($0.trimmingPunctuation) }.count >= 2
    }

    /// Cells split at runs of two or more spaces, with where each starts (0-based).
    static func segments(_ line: String) -> [(start: Int, text: String)] {
        if let ascii = asciiSegments(line) { return ascii }
        var out: [(Int, String)] = []
        var current = ""
        var start = 0
        var spaces = 0
        for (offset, ch) in line.enumerated() {
            if ch == " " {
                spaces += 1
                if spaces >= 2, !current.isEmpty { out.append((start, Text.trimmed(current))); current = "" }
                else if !current.isEmpty { current.append(ch) }
                continue
            }
            if current.isEmpty { start = offset }
            spaces = 0
            current.append(ch)
        }
        if !Text.isBlank(current) { out.append((start, Text.trimmed(current))) }
        return out
    }

    /// `segments` on the bytes of an ASCII line, where a byte is a Character (a line holds no
    /// CR LF pair); nil for any other line.
    private static func asciiSegments(_ line: String) -> [(start: Int, text: String)]? {
        line.utf8.withContiguousStorageIfAvailable { bytes -> [(start: Int, text: String)]? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            func text(_ from: Int, _ to: Int) -> String {
                var lo = from, hi = to
                func space(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
                while lo < hi, space(bytes[lo]) { lo += 1 }
                while hi > lo, space(bytes[hi - 1]) { hi -= 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self)
            }
            var out: [(start: Int, text: String)] = []
            var start = 0, spaces = 0, open = false
            for offset in 0..<bytes.count {
                if bytes[offset] == 0x20 {
                    spaces += 1
                    if spaces >= 2, open { out.append((start, text(start, offset))); open = false }
                    continue
                }
                if !open { start = offset; open = true }
                spaces = 0
            }
            if open, !Text.isBlank(text(start, bytes.count)) { out.append((start, text(start, bytes.count))) }
            return out
        } ?? nil
    }

    /// A line with three cells or more, one of them a port or a protocol.
    static func looksLikeRow(_ line: String) -> Bool {
        let cells = segments(line)
        return cells.count >= 3 && cells.contains { ContentTyping.isPortValue($0.text) || Realign.isProtocolCell($0.text) || Text.isRowNumber($0.text) && $0.start < 4 }
    }

    /// The table's data lines (without blank lines, page furniture and repeated headers) and the line after it.
    static func body(_ lines: Lines, from start: Int, header: String) -> ([Int], Int) {
        let headerKey = Text.collapseSpaces(header)
        var body: [Int] = []
        var i = start
        while i < lines.count {
            let line = lines[i]
            if !Text.isBlank(line), !PageBreak.isMarker(line) {
                body.append(i)
                i += 1
                continue
            }
            // A gap: the table goes on after a page break (the header again) or with another row.
            var j = i
            var resumed: Int?
            var seen = 0
            while j < lines.count, seen < 6 {
                let next = lines[j]
                j += 1
                if Text.isBlank(next) || PageBreak.isMarker(next) { continue }
                seen += 1
                // A sentence between two tables: the next header starts a table of its own.
                if Text.trimmed(next).hasSuffix("."), Text.words(next).count >= 3 { break }
                if Text.collapseSpaces(next) == headerKey {
                    // Skip the repeated header's wrapped lines up to the next row.
                    var k = j
                    while k < lines.count, k < j + 4, !looksLikeRow(lines[k]) { k += 1 }
                    resumed = k
                    break
                }
                if seen == 1, looksLikeRow(next) { resumed = j - 1; break }
            }
            guard let resume = resumed else { return (body, i) }
            i = resume
        }
        return (body, i)
    }

    /// Where columns start: positions where cells of the row lines start, in a third of them or more.
    /// One line at a time: the body's lines never stand whole as strings.
    static func columnStarts(_ lines: some Sequence<String>) -> [Int] {
        var counts: [Int: Int] = [:]
        var rowLines = 0
        for line in lines where looksLikeRow(line) {
            rowLines += 1
            for s in segments(line) { counts[s.start, default: 0] += 1 }
        }
        guard rowLines > 0 else { return [] }
        let threshold = max(1, rowLines / 3)
        var starts: [Int] = []
        for position in counts.keys.sorted() where counts[position]! >= threshold {
            if let last = starts.last, position - last <= 1 { continue }
            starts.append(position)
        }
        if let first = starts.first, first > 0 { starts[0] = 0 }
        return starts
    }

    /// A line's words placed in the columns whose start is at or just before them.
    static func row(_ line: String, line number: Int, starts: [Int], slack: Int = 1) -> GridRow {
        var words = Array(repeating: [Substring](), count: starts.count)
        // Per column, how many of its words end at a footnote mark ("Services†"), if one does.
        var markEnds = Array(repeating: Int?.none, count: starts.count)
        var offset = 0
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            if !word.isEmpty {
                let reach = word.count >= 3 && word.contains(where: \.isLetter) ? slack : 1
                let column = max(0, (starts.lastIndex { $0 <= offset + reach }) ?? 0)
                words[column].append(word)
                if markEnds[column] == nil, let last = word.last, last != "*", FootnoteMarks.marks.contains(last) {
                    markEnds[column] = words[column].count
                }
            }
            offset += word.count + 1
        }
        // A footnote mark ends its cell: words after it, in a row whose next column is empty,
        // are that column's cell, which the extraction put one space after the mark.
        for column in words.indices.dropLast() {
            guard let end = markEnds[column], end < words[column].count, words[column + 1].isEmpty else { continue }
            words[column + 1] = Array(words[column][end...])
            words[column].removeSubrange(end...)
        }
        let texts = words.map { $0.joined(separator: " ") }
        let position = GridPosition(line: number)
        return GridRow(cells: texts.enumerated().map { GridCell($0.element, position: GridPosition(line: number, column: starts[$0.offset] + 1)) }, position: position)
    }
}
