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
        private(set) var count = 0

        init(source: Lines) {
            self.source = source
        }

        mutating func append(sourceIndex: Int, skipping: Int) {
            if skipping == 0, let last = runs.last, Int(last.line) + (count - Int(last.start)) == sourceIndex {
                count += 1
                return
            }
            runs.append((Int32(count), Int32(sourceIndex), Int32(skipping)))
            count += 1
        }

        /// The body line's source line (0-based) and the words skipped at its start.
        func entry(_ index: Int) -> (line: Int, skip: Int) {
            var cursor = 0
            return entry(index, cursor: &cursor)
        }

        /// `entry(index)`, trying first the run `cursor` names (the run of the line asked
        /// before) and the one after it, as a walk down the body asks; `cursor` is left at the
        /// line's run.
        func entry(_ index: Int, cursor: inout Int) -> (line: Int, skip: Int) {
            func holds(_ run: Int) -> Bool {
                run < runs.count && Int(runs[run].start) <= index && (run + 1 == runs.count || index < Int(runs[run + 1].start))
            }
            if !holds(cursor) {
                if holds(cursor + 1) {
                    cursor += 1
                } else {
                    // The last run that starts at or before the line.
                    var low = 0, high = runs.count - 1
                    while low < high {
                        let middle = (low + high + 1) / 2
                        if Int(runs[middle].start) <= index { low = middle } else { high = middle - 1 }
                    }
                    cursor = low
                }
            }
            let run = runs[cursor]
            let offset = index - Int(run.start)
            return (Int(run.line) + offset, offset == 0 ? Int(run.skip) : 0)
        }

        /// The lines of a row, its first without its first word (the row's number).
        func rowLines(_ range: Range<Int>) -> [BodyLine] {
            var cursor = 0
            var lines: [BodyLine] = []
            lines.reserveCapacity(range.count)
            for index in range {
                let entry = entry(index, cursor: &cursor)
                let all = source.words(entry.line)
                let words = all[min(entry.skip + (index == range.lowerBound ? 1 : 0), all.count)...]
                lines.append(BodyLine(line: entry.line + 1, words: Array(words)))
            }
            return lines
        }

        func firstWord(_ index: Int, cursor: inout Int) -> String? {
            let entry = entry(index, cursor: &cursor)
            return source.word(at: entry.skip, in: entry.line)
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
