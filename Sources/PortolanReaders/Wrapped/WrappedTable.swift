import PortolanModel

/// Reads a connections table from PDF text where every cell's words are broken over lines and
/// the cells of one row share lines or come in blocks separated by blank lines. The same code
/// reads a table copied from a web page as one line per row with single spaces between cells.
enum WrappedTable {
    struct Read {
        /// Each row's cells in `cellColumns` order.
        var rows: [GridRow] = []
        var diagnostics: [Diagnostic] = []
        var end: Int
    }

    /// The columns of the rows this reader gives, whatever order the header had.
    static let cellColumns: [Column] = [.number, .source, .destination, .protocol, .port, .classification, .description]

    /// One line of the table body after page-break headers were taken out: its words, or none
    /// for a blank line (which separates blocks of a cell).
    struct BodyLine {
        var line: Int
        var words: [String]
    }

    struct Row {
        var number: String
        var line: Int
        var column: Int
        var lines: [BodyLine]
    }

    /// A table's rows found, none taken apart yet: the body and the line each row starts on.
    struct Plan {
        let body: Body
        /// The body line each row starts on (its first word is the row's number); a row ends
        /// where the next one starts, the last at the body's end.
        let starts: [Int32]
        let order: [Column]
        let subject: String?
        /// The first line after the table.
        let end: Int

        var rowCount: Int { starts.count }

        /// The row's lines, its first without its number.
        func row(_ index: Int) -> Row {
            let start = Int(starts[index])
            let end = index + 1 < starts.count ? Int(starts[index + 1]) : body.count
            return Row(number: body.firstWord(start) ?? "", line: body.entry(start).line + 1, column: 1, lines: body.rowLines(start..<end))
        }
    }

    static func plan(lines: Lines, headerIndex: Int, headerColumns: [Column], subject: String?) -> Plan {
        let firstRow = (headerIndex + 1..<lines.count).first { lines.word(at: 0, in: $0).map(Text.isRowNumber) ?? false } ?? lines.count
        let end = (firstRow..<lines.count).first { lines.startsAfterSpaces($0, with: UInt8(ascii: "#")) } ?? lines.count
        var headerWords = Text.words(TableHeader.cleanCell(lines[headerIndex]))
        for i in headerIndex + 1..<firstRow { headerWords += lines.words(i) }
        let headerKeys = headerWords.map(headerKey)
        let order = anchorOrder(headerColumns: headerColumns, headerWords: headerWords)
        let body = removingRepeatedHeaders(lines: lines, range: firstRow..<end, headerKeys: headerKeys)
        return Plan(body: body, starts: splitIntoRows(body, order: order), order: order, subject: subject, end: end)
    }

    static func read(lines: Lines, headerIndex: Int, headerColumns: [Column], subject: String?) -> Read {
        let plan = plan(lines: lines, headerIndex: headerIndex, headerColumns: headerColumns, subject: subject)
        var read = Read(end: plan.end)
        read.rows.reserveCapacity(plan.rowCount)
        read.diagnostics = rows(plan) { read.rows.append($0) }
        return read
    }

    /// A row that has not been chosen a split yet, and one without an anchor (never chosen);
    /// any other value is the split of the confident choice learnt for it.
    private static let unchosen: Int32 = -2
    private static let noAnchor: Int32 = -1

    /// Learns the names the document states, then gives each row, in order, as it is taken
    /// apart; returns what was noticed. Only a number a row is kept between the two (the split
    /// learnt for it): each row is taken apart again when it is given, so no row's words stand
    /// beside the connections.
    static func rows(_ plan: Plan, _ give: (GridRow) -> Void) -> [Diagnostic] {
        if plan.starts.isEmpty { return [] }
        // Names the document states unambiguously: rows whose source and destination are
        // separate blocks, then splits that evidence makes sure, until nothing new is learnt.
        var splitter = NameSplit(known: [])
        if let subject = plan.subject { splitter.known.insert(Names.key(subject)) }
        var choices = [Int32](repeating: unchosen, count: plan.rowCount)
        // Each row's anchor as the first pass found it (`PackedSpot`).
        var spots = [UInt32](repeating: PackedSpot.none, count: plan.rowCount)
        func spot(_ index: Int, _ row: Row) -> AnchorSpot? {
            if choices[index] == noAnchor { return nil }
            if spots[index] != PackedSpot.none { return PackedSpot.unpack(spots[index], in: row, order: plan.order) }
            let found = findAnchor(in: row, order: plan.order)
            if let found { spots[index] = PackedSpot.pack(found) }
            return found
        }
        // A few passes learn all a document offers; the bound keeps huge tables linear.
        var learning = true
        var passes = 0
        while learning && passes < 4 {
            learning = false
            passes += 1
            for index in choices.indices where choices[index] == unchosen {
                let row = joiningBrokenClassification(plan.row(index))
                let (region, anchor, _) = dissect(joined: row, at: spot(index, row), order: plan.order, describing: false)
                guard anchor != nil else {
                    choices[index] = noAnchor
                    continue
                }
                guard let choice = splitter.choose(region), choice.confident else { continue }
                choices[index] = Int32(choice.split)
                let newKeys = [Names.key(choice.source), Names.key(choice.destination)]
                if !splitter.known.isSuperset(of: newKeys) {
                    splitter.known.formUnion(newKeys)
                    learning = true
                }
            }
        }

        var diagnostics: [Diagnostic] = []
        for index in choices.indices {
            let row = joiningBrokenClassification(plan.row(index))
            let (region, found, descriptionLines) = dissect(joined: row, at: spot(index, row), order: plan.order, describing: true)
            var source = "", destination = ""
            if found == nil {
                // Without its cells the row cannot be split with any confidence: keep the words whole.
                source = NameSplit.join(region.blocks.flatMap { $0 })
            } else if choices[index] >= 0 {
                (source, destination) = NameSplit.made(region, split: Int(choices[index]))
            } else if let choice = splitter.choose(region) {
                source = choice.source
                destination = choice.destination
                if !choice.confident {
                    diagnostics.append(Diagnostic(.note, "connection \(row.number): the boundary between source '\(source)' and destination '\(destination)' was inferred with little evidence; check it", line: row.line, column: row.column))
                }
            } else if !region.isEmpty {
                source = NameSplit.join(region.blocks.flatMap { $0 })
                diagnostics.append(Diagnostic(.warning, "connection \(row.number): cannot tell source from destination in '\(source)'", line: row.line, column: row.column))
            }
            if found == nil {
                diagnostics.append(Diagnostic(.warning, "connection \(row.number): no protocol, port or classification found in the row", line: row.line, column: row.column))
            }
            let anchor = found ?? AnchorFields()
            let position = GridPosition(line: row.line, column: row.column)
            let texts = [row.number, source, destination, anchor.protocol ?? "", Text.joinFragments(anchor.portWords),
                         anchor.classification ?? "", Text.joinFragments(descriptionLines)]
            give(GridRow(cells: texts.map { GridCell($0, position: position) }, position: position))
        }
        return diagnostics
    }

    /// The order of the protocol, port and classification columns: as the header has them,
    /// including header words wrapped onto the following lines; a column the header does not
    /// name keeps its usual place.
    static func anchorOrder(headerColumns: [Column], headerWords: [String]) -> [Column] {
        let anchorColumns: [Column] = [.protocol, .port, .classification]
        var order = headerColumns.filter { anchorColumns.contains($0) }
        for word in headerWords {
            if let column = TableHeader.column(forCell: word), anchorColumns.contains(column), !order.contains(column) {
                order.append(column)
            }
        }
        for (index, column) in anchorColumns.enumerated() where !order.contains(column) {
            order.insert(column, at: min(index, order.count))
        }
        return order
    }

    // MARK: - Header repeats

    /// `headerKey(word) == key`, compared on the bytes for an ASCII word (no string is made).
    private static func hasHeaderKey(_ word: String, _ key: String) -> Bool {
        guard word.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: "&") }) else {
            return headerKey(word) == key
        }
        var expected = key.utf8.makeIterator()
        for byte in word.utf8 {
            let lowered: UInt8
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): lowered = byte + 32
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): lowered = byte
            default: continue
            }
            guard expected.next() == lowered else { return false }
        }
        return expected.next() == nil
    }

    private static func headerKey(_ word: String) -> String {
        // An ASCII word without tags or entities: its letters and digits, lowercased, from the bytes.
        if word.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: "&") }) {
            var key: [UInt8] = []
            for byte in word.utf8 {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): key.append(byte + 32)
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): key.append(byte)
                default: continue
                }
            }
            return String(decoding: key, as: UTF8.self)
        }
        return Text.stripTags(word).lowercased().filter { $0.isLetter || $0.isNumber }
    }

    /// Takes out the header that a page break repeats, wherever it falls: a line that starts
    /// with the header's first words, and the header's remaining words on the lines after it.
    /// Words after the header on its last line stay as content.
    static func removingRepeatedHeaders(lines: Lines, range: Range<Int>, headerKeys: [String]) -> Body {
        var body = Body(source: lines)
        let probe = min(3, headerKeys.count)
        var i = range.lowerBound
        while i < range.upperBound {
            // Most lines are told apart by their first word alone, without splitting the rest.
            let firstMatches = probe > 0 && lines.word(at: 0, in: i).map { hasHeaderKey($0, headerKeys[0]) } == true
            var words = firstMatches ? lines.words(i) : []
            if firstMatches, words.count >= probe, Array(words[..<probe].map(headerKey)) == Array(headerKeys[..<probe]) {
                var k = 0
                var j = i
                var skip = 0
                consuming: while j < range.upperBound {
                    words = lines.words(j)
                    var w = 0
                    while w < words.count, k < headerKeys.count, headerKey(words[w]) == headerKeys[k] {
                        w += 1
                        k += 1
                    }
                    if w < words.count || k == headerKeys.count {
                        skip = w
                        break consuming
                    }
                    j += 1
                }
                if j < range.upperBound, skip < lines.words(j).count { body.append(sourceIndex: j, skipping: skip) }
                i = j + 1
                continue
            }
            body.append(sourceIndex: i, skipping: 0)
            i += 1
        }
        return body
    }

    // MARK: - Rows

    static func isRowStartCandidate(_ line: String) -> Bool {
        guard let first = Text.words(line).first else { return false }
        return Text.isRowNumber(first)
    }

    /// Splits the body into rows at lines that start with the next row number. A line that
    /// starts with another number starts a row only when the row before is complete and the
    /// line's own row has an anchor (so a description line starting with a number stays put).
    static func splitIntoRows(_ body: Body, order: [Column]) -> [Int32] {
        // Where each row starts, and the number of the last row and its first line.
        var starts: [Int32] = []
        var lastNumber: Int?
        var currentStart = 0
        // Whether the current row's lines so far hold an anchor, and up to which body line that
        // was asked: once found it stays found as the row grows, so each line is asked once.
        var currentHasAnchor = false
        var checkedUpTo = 0
        // Whether a body line (whole, or without its first word) holds an anchor of two or more
        // fields: a candidate's lines are asked again as the current row's. -1: not asked yet.
        var whole = [Int8](repeating: -1, count: body.count)
        var dropped = [Int8](repeating: -1, count: body.count)
        func anchored(_ j: Int, droppingFirstWord: Bool) -> Bool {
            let known = droppingFirstWord ? dropped[j] : whole[j]
            if known >= 0 { return known == 1 }
            // Each field of an anchor takes a word of its own: one word cannot hold two.
            let found = body.hasTwoWords(j, droppingFirstWord: droppingFirstWord) && (Anchor.find(in: body.line(j, droppingFirstWord: droppingFirstWord).words, order: order)?.fieldCount ?? 0) >= 2
            if droppingFirstWord { dropped[j] = found ? 1 : 0 } else { whole[j] = found ? 1 : 0 }
            return found
        }
        for index in 0..<body.count {
            guard let first = body.firstWord(index), Text.isRowNumber(first), let n = Int(first) else { continue }
            let expected = lastNumber.map { $0 + 1 }
            let accept: Bool
            if starts.isEmpty || expected == n {
                accept = true
            } else {
                // The candidate's own lines: up to the next line that starts with a number.
                var segment = index..<(index + 1)
                while segment.upperBound < min(body.count, index + 8),
                      !(body.firstWord(segment.upperBound).map(Text.isRowNumber) ?? false) {
                    segment = index..<(segment.upperBound + 1)
                }
                if !currentHasAnchor, checkedUpTo < index {
                    currentHasAnchor = (checkedUpTo..<index).contains { anchored($0, droppingFirstWord: $0 == currentStart) }
                    checkedUpTo = index
                }
                accept = currentHasAnchor && segment.contains { anchored($0, droppingFirstWord: $0 == index) }
            }
            guard accept else { continue }
            starts.append(Int32(index))
            lastNumber = n
            currentStart = index
            currentHasAnchor = false
            checkedUpTo = index
        }
        return starts
    }


    // MARK: - One row

    struct AnchorFields {
        var `protocol`: String?
        var portWords: [String] = []
        var classification: String?
    }

    /// The words before the anchor (source and destination), the anchor's fields, and the
    /// words after it (the description, as line fragments).
    static func dissect(_ row: Row, order: [Column]) -> (NameSplit.Region, AnchorFields?, [String]) {
        let row = joiningBrokenClassification(row)
        return dissect(joined: row, at: findAnchor(in: row, order: order), order: order, describing: true)
    }

    /// Where a row's anchor stands: its line in the row and its window there.
    typealias AnchorSpot = (line: Int, anchor: Anchor)

    /// The first line whose window has two or more fields; else one with a classification or a
    /// port. `row`: after `joiningBrokenClassification`.
    static func findAnchor(in row: Row, order: [Column]) -> AnchorSpot? {
        // The anchor stands within the row's first lines; further down is another row's text.
        let searched = row.lines.prefix(40)
        for (index, line) in searched.enumerated() {
            if let found = Anchor.find(in: line.words, order: order), found.fieldCount >= 2 { return (index, found) }
        }
        for (index, line) in searched.enumerated() {
            if let found = Anchor.find(in: line.words, order: order), found.classification != nil || !found.portWords.isEmpty {
                return (index, found)
            }
        }
        return nil
    }

    /// `dissect` with the anchor already found (`row`: after `joiningBrokenClassification`).
    /// Without `describing`, the description is not made and a port cut at a separator is not
    /// followed onto the next words (the region and whether there is an anchor are the same).
    static func dissect(joined row: Row, at spot: AnchorSpot?, order: [Column], describing: Bool) -> (NameSplit.Region, AnchorFields?, [String]) {
        let anchorLine = spot?.line, anchor = spot?.anchor
        guard let anchorLine, let anchor else {
            // No anchor: the first block holds the names, the rest is kept as the description.
            let all = blocks(of: row.lines)
            let region = NameSplit.Region(blocks: Array(all.prefix(1)))
            return (region, nil, all.dropFirst().flatMap { $0 }.map(Text.joinedWords))
        }
        var before = Array(row.lines[..<anchorLine])
        let anchorWords = row.lines[anchorLine].words
        before.append(BodyLine(line: row.lines[anchorLine].line, words: Array(anchorWords[..<anchor.start])))
        let region = NameSplit.Region(blocks: blocks(of: before))

        var fields = AnchorFields(protocol: anchor.protocol, portWords: anchor.portWords, classification: anchor.classification)
        if !describing { return (region, fields, []) }
        // Words after the window, line by line.
        var after: [[String]] = [Array(anchorWords[anchor.end...])]
        after += row.lines[(anchorLine + 1)...].map(\.words)
        // A port cell cut at a separator ("20000-45000/") goes on with the next port words.
        if let last = fields.portWords.last, PortCell.continues(last) {
            var l = 0
            while l < after.count {
                if after[l].isEmpty { l += 1; continue }
                while let word = after[l].first, PortCell.isPortWord(word) {
                    fields.portWords.append(word)
                    after[l].removeFirst()
                    if !PortCell.continues(word) { break }
                }
                break
            }
            if fields.classification == nil, order.last == .classification, l < after.count,
               let word = after[l].first, Anchor.isClassification(word) {
                fields.classification = word
                after[l].removeFirst()
            }
        }
        let description = after.filter { !$0.isEmpty }.map(Text.joinedWords)
        return (region, fields, description)
    }

    /// A narrow column breaks "Intra-cluster" as "Intra-" / "cluster": put it back together.
    static func joiningBrokenClassification(_ row: Row) -> Row {
        var row = row
        for index in row.lines.indices {
            // Most lines end otherwise than with a hyphen: told by the last byte, without lowercasing.
            guard let last = row.lines[index].words.last, last.utf8.last == UInt8(ascii: "-"),
                  ["intra-", "inter-"].contains(last.lowercased()) else { continue }
            guard let next = row.lines[(index + 1)...].firstIndex(where: { !$0.words.isEmpty }),
                  let first = row.lines[next].words.first, first.lowercased().hasPrefix("cluster") else { continue }
            row.lines[index].words[row.lines[index].words.count - 1] = last + first
            row.lines[next].words.removeFirst()
        }
        return row
    }

    /// Groups lines into blocks at blank lines.
    private static func blocks(of lines: [BodyLine]) -> [[[String]]] {
        var blocks: [[[String]]] = [[]]
        for line in lines {
            if line.words.isEmpty {
                if !(blocks.last?.isEmpty ?? true) { blocks.append([]) }
            } else {
                blocks[blocks.count - 1].append(line.words)
            }
        }
        return blocks.filter { !$0.isEmpty }
    }
}
