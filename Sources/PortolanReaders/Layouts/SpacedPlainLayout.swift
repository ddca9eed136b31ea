import PortolanModel

/// A table copied as plain text whose cells are separated by single spaces ("Custom TCP Rule
/// TCP 2377 swarm"): the header is a line of header words only; each row is split where its
/// protocol and port cells are, which their content shows, and the text columns take the words
/// between them.
struct SpacedPlainLayout: TableRecognizer {
    func recognise(at index: Int, in context: LineContext) -> Recognised? {
        let line = context.lines[index]
        guard line.utf8.count <= 360, !Text.has(line, byte: 0x09), !Text.has(line, byte: UInt8(ascii: "|")), !Text.has(line, "  "), line.count <= 120 else { return nil }
        guard let headers = Self.headerCells(line, matcher: context.header), headers.count >= 3 else { return nil }
        guard let found = context.header.connectionRoles(headers) else { return nil }
        let roles = ColumnInterpreter.oneColumnPerRole(found, headers: headers)
        let typed = roles.map { $0 == .protocol || $0 == .port || $0 == .portProtocol }
        guard typed.contains(true) else { return nil }
        let lines = context.lines
        // The row on line `i`, if the table goes on there.
        func row(_ i: Int) -> GridRow? {
            guard i < lines.count, !lines.isBlank(i), let cells = Self.split(lines.words(i), roles: roles) else { return nil }
            let position = GridPosition(line: i + 1)
            return GridRow(cells: cells.map { GridCell($0, position: position) }, position: position)
        }
        guard row(index + 1) != nil else { return nil }
        // Rows given one at a time as they are split: the table never stands whole as a grid.
        let stream = RowStream(most: max(lines.count - index - 1, 0)) { give in
            var i = index + 1
            while let found = row(i) {
                give(found)
                i += 1
            }
            return ([], i)
        }
        let position = GridPosition(line: index + 1)
        let header = GridRow(cells: headers.map { GridCell($0, position: position) }, position: position)
        return Recognised(grid: Grid(layout: "plain", header: [header], rows: [], context: context.context(before: index), position: position),
                          end: index + 1, stream: stream)
    }

    /// The header's cells: the longest run of words (up to three) that names a role, then the next.
    static func headerCells(_ line: String, matcher: HeaderMatcher) -> [String]? {
        let words = Text.words(line)
        guard words.count >= 3, words.count <= 16 else { return nil }
        var cells: [String] = []
        var i = 0
        while i < words.count {
            var matched = 0
            for length in stride(from: min(3, words.count - i), through: 1, by: -1) {
                let phrase = words[i..<(i + length)].joined(separator: " ")
                let known = matcher.mapping.isMapped(phrase) || HeaderVocabulary.exact[HeaderVocabulary.key(phrase)] != nil
                if known || (length == 1 && matcher.roles([phrase])[0] != nil) { matched = length; break }
            }
            guard matched > 0 else { return nil }
            cells.append(words[i..<(i + matched)].joined(separator: " "))
            i += matched
        }
        return cells
    }

    /// The row's words placed in the columns: each protocol or port column takes one word that
    /// is one; each other column takes the words between. Nil when no placement fits.
    static func split(_ words: [String], roles: [Column?]) -> [String]? {
        var placement: [Int] = []  // start word of each column
        func fits(_ column: Int, _ start: Int) -> Bool {
            if column == roles.count { return start == words.count }
            let role = roles[column]
            if role == .protocol || role == .port || role == .portProtocol {
                guard start < words.count, accepts(role!, words[start]) else { return false }
                placement.append(start)
                if fits(column + 1, start + 1) { return true }
                placement.removeLast()
                return false
            }
            // A text column: at least one word, as few as let the rest fit.
            let last = column == roles.count - 1 ? words.count : words.count - 1
            guard start < last + (column == roles.count - 1 ? 0 : 1) else { return false }
            for end in (start + 1)...max(start + 1, last) where end <= words.count {
                placement.append(start)
                if fits(column + 1, end) { return true }
                placement.removeLast()
            }
            return false
        }
        guard words.count <= 200, fits(0, 0) else { return nil }
        return placement.indices.map { c in
            let end = c + 1 < placement.count ? placement[c + 1] : words.count
            return Text.joinedWithSpaces(words[placement[c]..<end])
        }
    }

    static func accepts(_ role: Column, _ word: String) -> Bool {
        switch role {
        case .protocol:
            return Vocabulary.isProtocol(word) || (Int(word).map { (0...255).contains($0) } ?? false)
        case .port:
            return ContentTyping.isPortValue(word) || ["all", "any", "n/a"].contains(word.lowercased())
        default:
            return ContentTyping.isPortValue(word) && word.contains("/")
        }
    }
}
