/// Finds tables among a page's lines by geometry alone. Lines that split into two or more runs
/// of words with wide gaps between them, close together on the page, make a table; the x ranges
/// no word of those lines covers are the gaps between its columns. Lines before the first such
/// line or after the last, and lines that run across a column gap, are text, not table.
enum TableFinder {
    /// A table on one page: its lines top to bottom, the x of each gap between columns, and the
    /// height of its words (a table may be printed smaller than the text around it).
    struct Found: Sendable {
        var lines: [PDFLine]
        var gaps: [Double]
        var em: Double
        /// For a table drawn with cell borders, the x range between its outer rules: its columns
        /// are the rules' (`gaps`), and a word belongs to the cell its middle is in.
        var ruled: ClosedRange<Double>? = nil
        var columnCount: Int { gaps.count + 1 }
    }

    /// One page's lines cut into tables and text, in page order.
    enum Block: Sendable {
        case table(Found)
        case text(PDFLine)
    }

    /// `boxes`: the page's tables drawn with cell borders (RuledTables); the lines inside a box
    /// are its table, columns parted at its rules.
    static func blocks(_ lines: [PDFLine], em: Double, boxes: [RuledTables.Box]) -> [Block] {
        guard !boxes.isEmpty else { return blocks(lines, em: em) }
        var result: [Block] = []
        var pending: [PDFLine] = []
        var index = lines.startIndex
        while index < lines.endIndex {
            guard let box = boxes.first(where: { $0.holds(lines[index]) }) else {
                pending.append(lines[index])
                index += 1
                continue
            }
            var end = index
            while end < lines.endIndex, box.holds(lines[end]) { end += 1 }
            let inside = Array(lines[index..<end])
            if inside.count >= 2 {
                result += blocks(pending, em: em)
                pending = []
                result.append(.table(Found(lines: inside, gaps: box.inner, em: medianHeight(inside) ?? em, ruled: box.x0...box.x1)))
            } else {
                pending += inside
            }
            index = end
        }
        return result + blocks(pending, em: em)
    }

    static func blocks(_ lines: [PDFLine], em: Double) -> [Block] {
        guard !lines.isEmpty else { return [] }
        var runs: [[PDFLine]] = []
        for line in lines {
            if let last = runs.last?.last, line.y0 - last.y1 <= em {
                runs[runs.count - 1].append(line)
            } else {
                runs.append([line])
            }
        }
        // Rows padded wider apart than a line: runs whose neighbouring lines split into the same columns are one.
        var merged: [[PDFLine]] = []
        for run in runs {
            if let previous = merged.last, let gap = previous.last.map({ run[0].y0 - $0.y1 }), gap <= 3 * em,
               let a = previous.last(where: { isMulti($0, em: em) }), let b = run.first(where: { isMulti($0, em: em) }),
               sameColumns(a, b, em: em) {
                merged[merged.count - 1] += run
            } else {
                merged.append(run)
            }
        }
        return merged.flatMap { run in blocks(run: run[...], em: medianHeight(run) ?? em) }
    }

    /// The median height of the words of some lines.
    static func medianHeight(_ lines: [PDFLine]) -> Double? {
        let heights = lines.flatMap { $0.words.map(\.height) }.sorted()
        return heights.isEmpty ? nil : max(heights[heights.count / 2], 1)
    }

    private static func isMulti(_ line: PDFLine, em: Double) -> Bool {
        line.segments(gap: cellGap(em: em)).count >= 2
    }

    /// Two lines that start at least two cells at the same places and cross none of each other's column gaps.
    private static func sameColumns(_ a: PDFLine, _ b: PDFLine, em: Double) -> Bool {
        let gaps = columnGaps([a, b], em: em)
        guard !gaps.isEmpty, !crosses(a, gaps, em: em), !crosses(b, gaps, em: em) else { return false }
        let starts = b.segments(gap: cellGap(em: em)).compactMap { $0.first?.x0 }
        let shared = a.segments(gap: cellGap(em: em)).compactMap { $0.first?.x0 }
            .filter { x in starts.contains { abs($0 - x) <= 0.5 * em } }
        return shared.count >= 2
    }

    /// Words further apart than this are in different cells.
    static func cellGap(em: Double) -> Double { 0.4 * em }

    private static func blocks(run: ArraySlice<PDFLine>, em: Double) -> [Block] {
        let multi = run.indices.filter { run[$0].segments(gap: cellGap(em: em)).count >= 2 }
        guard multi.count >= 2, var first = multi.first, var last = multi.last else { return run.map { .text($0) } }
        // The wrapped last lines of the first or last row: as close as lines of one cell, inside the columns.
        let gaps0 = columnGaps(multi.map { run[$0] }, em: em)
        while last + 1 < run.endIndex, run[last + 1].y0 - run[last].y1 <= 0.25 * em, !crosses(run[last + 1], gaps0, em: em) {
            last += 1
        }
        while first > run.startIndex, run[first].y0 - run[first - 1].y1 <= 0.25 * em, !crosses(run[first - 1], gaps0, em: em) {
            first -= 1
        }
        let before = run[run.startIndex..<first].map { Block.text($0) }
        let after = run[(last + 1)..<run.endIndex].map { Block.text($0) }
        let body = run[first...last]
        // The header: the top lines, as close together as the lines of one cell.
        var headerEnd = body.startIndex + 1
        while headerEnd < body.endIndex, headerEnd - body.startIndex < 4, body[headerEnd].y0 - body[headerEnd - 1].y1 <= 0.25 * em {
            headerEnd += 1
        }
        var gaps = columnGaps(body.filter { isMulti($0, em: em) }, em: em)
        // A header cell over two columns ("Port" over "TCP" and "UDP") covers the gap between them,
        // or, centred over it, makes a column of its own: the rows below decide the columns where
        // the header only hides one of their gaps, or (over a second header line) only adds some.
        let rows = body[headerEnd...]
        let rowRanges = gapRanges(rows.filter { isMulti($0, em: em) }, em: em)
        let rowGaps = rowRanges.map { ($0.lowerBound + $0.upperBound) / 2 }
        let allInRows = gapRanges(body.filter { isMulti($0, em: em) }, em: em).allSatisfy { gap in rowRanges.contains { $0.overlaps(gap) } }
        if rows.filter({ isMulti($0, em: em) }).count >= 2, !rowGaps.isEmpty, allInRows,
           !rows.contains(where: { crosses($0, rowGaps, em: em) }),
           rowGaps.count > gaps.count || (rowGaps.count < gaps.count && headerEnd - body.startIndex >= 2) {
            gaps = rowGaps
        }
        // A line inside that runs across a column gap is a paragraph between two tables.
        if let crossing = rows.firstIndex(where: { crosses($0, gaps, em: em) }) {
            return before + blocks(run: body[..<crossing], em: em) + [.text(body[crossing])]
                + blocks(run: body[(crossing + 1)...], em: em) + after
        }
        guard !gaps.isEmpty else { return run.map { .text($0) } }
        let found = Found(lines: Array(body), gaps: gaps, em: em)
        if isRunningText(found) { return before + columnsOfText(found) + after }
        return before + [.table(found)] + after
    }

    /// Running text set in columns (a newsletter or paper page) is not a table: in every column
    /// the lines are long runs of words, where a connections table has short cells in some
    /// column (ports, protocols, names), at least four words a line on average being prose.
    static func isRunningText(_ table: Found) -> Bool {
        (0..<table.columnCount).allSatisfy { column in
            let counts = table.lines.map { TableBands.words(of: $0, column: column, gaps: table.gaps).count }.filter { $0 > 0 }
            return !counts.isEmpty && counts.reduce(0, +) >= 4 * counts.count
        }
    }

    /// Text in columns, read column after column: each line's words in a column are a line of
    /// that column.
    private static func columnsOfText(_ table: Found) -> [Block] {
        (0..<table.columnCount).flatMap { column in
            table.lines.compactMap { line -> Block? in
                let words = TableBands.words(of: line, column: column, gaps: table.gaps)
                return words.isEmpty ? nil : .text(PDFLine(words: words, page: line.page, number: line.number))
            }
        }
    }

    /// The middles of the x ranges, at least a cell gap wide, that no word of the lines covers
    /// (between the leftmost and rightmost word).
    static func columnGaps(_ lines: [PDFLine], em: Double) -> [Double] {
        gapRanges(lines, em: em).map { ($0.lowerBound + $0.upperBound) / 2 }
    }

    static func gapRanges(_ lines: [PDFLine], em: Double) -> [ClosedRange<Double>] {
        let spans = lines.flatMap(\.words).map { ($0.x0, $0.x1) }.sorted { $0.0 < $1.0 }
        guard var reach = spans.first?.1 else { return [] }
        var gaps: [ClosedRange<Double>] = []
        for (x0, x1) in spans.dropFirst() {
            if x0 - reach >= cellGap(em: em) { gaps.append(reach...x0) }
            reach = max(reach, x1)
        }
        return gaps
    }

    /// Whether a run of close words on the line spans a column gap.
    private static func crosses(_ line: PDFLine, _ gaps: [Double], em: Double) -> Bool {
        line.segments(gap: cellGap(em: em)).contains { segment in
            let x0 = segment.first?.x0 ?? 0, x1 = segment.last?.x1 ?? 0
            return gaps.contains { $0 > x0 && $0 < x1 }
        }
    }

    /// Which column an x (a word's middle) falls in.
    static func column(of x: Double, gaps: [Double]) -> Int {
        gaps.firstIndex { x < $0 } ?? gaps.count
    }
}
