extension WrappedTable {
    /// The table body after page-break headers were taken out: which source lines it is and how
    /// many words of each a repeated header took. Stored as runs of consecutive source lines (a
    /// run starts after each repeated header), so a large table costs a few bytes a page, not a
    /// line; words are split again when a row is taken apart.
    struct Body {
        let source: Lines
        /// Where each run starts in the body, its first source line (0-based), and the words
        /// skipped at the start of that line (the rest of its lines skip none).
        private var runs: [(start: Int32, line: Int32, skip: Int32)] = []
        /// For every 64 body lines, the run the first of them is in: a line's run is found
        /// from there in a step or two, not by a search.
        private var blockRuns: [Int32] = []
        private(set) var count = 0

        init(source: Lines) {
            self.source = source
        }

        mutating func append(sourceIndex: Int, skipping: Int) {
            let continues = skipping == 0 && runs.last.map { Int($0.line) + (count - Int($0.start)) == sourceIndex } == true
            if !continues { runs.append((Int32(count), Int32(sourceIndex), Int32(skipping))) }
            if count & 63 == 0 { blockRuns.append(Int32(runs.count - 1)) }
            count += 1
        }

        /// The body line's source line (0-based) and the words skipped at its start.
        func entry(_ index: Int) -> (line: Int, skip: Int) {
            var run = Int(blockRuns[index >> 6])
            while run + 1 < runs.count, Int(runs[run + 1].start) <= index { run += 1 }
            let offset = index - Int(runs[run].start)
            return (Int(runs[run].line) + offset, offset == 0 ? Int(runs[run].skip) : 0)
        }

        /// The lines of a row, its first without its first word (the row's number).
        func rowLines(_ range: Range<Int>) -> [BodyLine] {
            var lines: [BodyLine] = []
            lines.reserveCapacity(range.count)
            for index in range {
                let entry = entry(index)
                let all = source.words(entry.line)
                let words = all[min(entry.skip + (index == range.lowerBound ? 1 : 0), all.count)...]
                lines.append(BodyLine(line: entry.line + 1, words: Array(words)))
            }
            return lines
        }

        func words(_ index: Int) -> ArraySlice<String> {
            let entry = entry(index)
            let all = source.words(entry.line)
            return all[min(entry.skip, all.count)...]
        }

        /// True when the line has two words or more (after the first, when it is dropped).
        func hasTwoWords(_ index: Int, droppingFirstWord: Bool) -> Bool {
            let entry = entry(index)
            return source.word(at: entry.skip + (droppingFirstWord ? 1 : 0) + 1, in: entry.line) != nil
        }

        func firstWord(_ index: Int) -> String? {
            let entry = entry(index)
            return source.word(at: entry.skip, in: entry.line)
        }

        func line(_ index: Int, droppingFirstWord: Bool = false) -> BodyLine {
            let words = words(index)
            return BodyLine(line: entry(index).line + 1, words: Array(droppingFirstWord ? words.dropFirst() : words))
        }
    }
}
