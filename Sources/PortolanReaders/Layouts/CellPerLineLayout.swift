import PortolanModel

/// A table copied from a web page with one cell per line: the header's cells on consecutive
/// lines, then each row's cells on consecutive lines, rows parted by blank lines.
struct CellPerLineLayout: TableRecognizer {
    func recognise(at index: Int, in context: LineContext) -> Recognised? {
        let lines = context.lines
        guard index == 0 || lines.isBlank(index - 1) || !lines.isBlank(index) else { return nil }
        if let services = Self.services(at: index, in: context) { return services }
        var header = Self.group(lines, from: index)
        // Rows straight under the header, no blank lines: the header is the lines that name columns.
        var named: [Int] = []
        var namedRoles = Set<Column>()
        for i in header {
            guard let role = context.header.roles([Text.trimmed(lines[i])])[0] else { break }
            // A role named twice: the second is the first row's cell ("Users" under "Source").
            if role != .description, !namedRoles.insert(role).inserted { break }
            named.append(i)
        }
        var counted = false
        if named.count >= 3, named.count < header.count {
            header = named
            counted = true
        }
        guard header.count >= 3, header.count <= 12, header.allSatisfy({ lines[$0].count <= 50 && !lines[$0].contains("\t") && !lines[$0].contains("|") }) else { return nil }
        let headerCells = header.map { Text.trimmed(lines[$0]) }
        // A caption just above the header is not one of its cells.
        guard context.header.roles([headerCells[0]])[0] != nil else { return nil }
        guard let roles = context.header.connectionRoles(headerCells) else { return nil }
        var rows: [GridRow] = []
        var i = (header.last ?? index) + 1
        var end = i
        // Blank lines between every cell: rows are told apart by what their cells hold.
        if counted {
            (rows, end) = Self.counted(lines, from: i, width: headerCells.count, roles: roles)
            i = lines.count
        } else if Self.cellsEachAlone(lines, from: i, count: min(3, headerCells.count)) {
            (rows, end) = Self.stream(lines, from: i, roles: ColumnInterpreter.oneColumnPerRole(roles, headers: headerCells), header: context.header)
            i = lines.count
        }
        while i < lines.count {
            if lines.isBlank(i) { i += 1; continue }
            let group = Self.group(lines, from: i)
            let cells = group.map { Text.trimmed(lines[$0]) }
            guard cells.count <= headerCells.count, cells.contains(where: { ShiftedRow.kind($0) != .text }),
                  context.header.connectionRoles(cells) == nil else { break }
            let position = GridPosition(line: i + 1)
            rows.append(GridRow(cells: zip(group, cells).map { GridCell(CellMarkup.render($1), position: GridPosition(line: $0 + 1)) }, position: position))
            i = (group.last ?? i) + 1
            end = i
        }
        guard !rows.isEmpty else { return nil }
        let position = GridPosition(line: index + 1)
        let headerRow = GridRow(cells: zip(header, headerCells).map { GridCell($1, position: GridPosition(line: $0 + 1)) }, position: position)
        let grid = Grid(layout: "cell-per-line", header: [headerRow], rows: rows, context: context.context(before: index), position: position)
        return Recognised(grid: grid, end: end)
    }

    /// "Included services" written one cell per line: the two header cells, then name and
    /// description lines in turn; indented or bulleted lines continue the description.
    static func services(at index: Int, in context: LineContext) -> Recognised? {
        let lines = context.lines
        guard index + 2 < lines.count, !lines.isBlank(index), !lines.isBlank(index + 1) else { return nil }
        let header = [Text.trimmed(lines[index]), Text.trimmed(lines[index + 1])]
        guard header.allSatisfy({ $0.count <= 40 && !$0.contains("\t") && !$0.contains("|") }) else { return nil }
        let before = context.context(before: index)
        guard context.header.isServices(header, context: before) else { return nil }
        func isBullet(_ line: String) -> Bool { CellTable.isIndentedOrBullet(line) && !Text.isBlank(line) }
        func startsHeader(_ i: Int) -> Bool {
            i + 1 < lines.count && context.header.roles([Text.trimmed(lines[i])])[0] != nil
                && context.header.roles([Text.trimmed(lines[i + 1])])[0] != nil
        }
        var rows: [GridRow] = []
        var i = index + 2
        while i + 1 < lines.count, !lines.isBlank(i), !isBullet(lines[i]), !startsHeader(i + 1), !startsHeader(i) {
            let name = Text.trimmed(lines[i])
            var lead = Text.trimmed(lines[i + 1])
            var items: [String] = []
            var j = i + 2
            while j < lines.count, isBullet(lines[j]) {
                items.append(CellTable.withoutBullet(lines[j]))
                j += 1
            }
            if items.isEmpty { lead = CellMarkup.render(lead) }
            let position = GridPosition(line: i + 1)
            rows.append(GridRow(cells: [GridCell(CellMarkup.render(name), position: position),
                                        GridCell(ServiceRows.cellText(lead: lead, items: items), position: GridPosition(line: i + 2))], position: position))
            i = j
        }
        guard !rows.isEmpty else { return nil }
        let position = GridPosition(line: index + 1)
        let headerRow = GridRow(cells: header.map { GridCell($0, position: position) }, position: position)
        return Recognised(grid: Grid(layout: "cell-per-line", header: [headerRow], rows: rows, context: before, position: position), end: i)
    }

    /// Rows of exactly as many lines as the header has cells; a chunk whose port or protocol
    /// cell is not one ends the table.
    static func counted(_ lines: Lines, from start: Int, width: Int, roles: [Column?]) -> ([GridRow], Int) {
        var rows: [GridRow] = []
        var i = start
        let typed = roles.indices.filter { ShiftedRow.kind(of: roles[$0]) != .text }
        while i + width <= lines.count {
            let chunk = (i..<(i + width))
            guard chunk.allSatisfy({ !lines.isBlank($0) }) else { break }
            let cells = chunk.map { Text.trimmed(lines[$0]) }
            guard !typed.isEmpty, typed.allSatisfy({ ShiftedRow.kind(cells[$0]) != .text || PortForms.splitProtocol(cells[$0]).protocol != "" }) else { break }
            rows.append(GridRow(cells: zip(chunk, cells).map { GridCell(CellMarkup.render($1), position: GridPosition(line: $0 + 1)) }, position: GridPosition(line: i + 1)))
            i += width
        }
        return (rows, i)
    }

    /// True when the first few cells after the header each stand alone between blank lines.
    static func cellsEachAlone(_ lines: Lines, from start: Int, count: Int) -> Bool {
        var i = start
        var groups = 0
        while i < lines.count, groups < count {
            if lines.isBlank(i) { i += 1; continue }
            let g = group(lines, from: i)
            if g.count > 1 { return false }
            groups += 1
            i = g[0] + 1
        }
        return groups >= count
    }

    /// Rows from a stream of single cells: each column takes the next cell when it fits the
    /// column (a port, a protocol, text); a column whose cell does not fit lost it to a span.
    /// A row needs a port or protocol of its own; the first that has none ends the table.
    static func stream(_ lines: Lines, from start: Int, roles: [Column?], header: HeaderMatcher) -> ([GridRow], Int) {
        var cells: [(line: Int, text: String)] = []
        var i = start
        while i < lines.count {
            if !lines.isBlank(i) { cells.append((i, Text.trimmed(lines[i]))) }
            i += 1
        }
        var rows: [GridRow] = []
        var k = 0
        var end = start
        while k < cells.count {
            var taken: [(line: Int, text: String)] = []
            var typed = false
            var j = k
            for role in roles {
                guard j < cells.count else { break }
                let want = ShiftedRow.kind(of: role), have = ShiftedRow.kind(cells[j].text)
                if want == have {
                    taken.append(cells[j]); j += 1
                    if want != .text { typed = true }
                } else if want == .text, !roles.contains(where: { ShiftedRow.kind(of: $0) == have }) {
                    taken.append(cells[j]); j += 1
                }
            }
            guard typed, !taken.isEmpty else { break }
            let position = GridPosition(line: taken[0].line + 1)
            rows.append(GridRow(cells: taken.map { GridCell(CellMarkup.render($0.text), position: GridPosition(line: $0.line + 1)) }, position: position))
            k = j
            end = taken[taken.count - 1].line + 1
        }
        return (rows, end)
    }

    /// The consecutive non-blank lines from `start`.
    static func group(_ lines: Lines, from start: Int) -> [Int] {
        var out: [Int] = []
        var i = start
        while i < lines.count, !lines.isBlank(i), out.count <= 13 { out.append(i); i += 1 }
        return out
    }
}
