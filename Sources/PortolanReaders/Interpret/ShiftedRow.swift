/// A row that lost cells to a rowspan when copied: its cells shifted left. Their content says
/// which column each belongs to (a port is a port, TCP is a protocol); the columns left
/// without a cell take the value of the row above.
enum ShiftedRow {
    enum Kind { case port, `protocol`, text }

    static func kind(_ text: String) -> Kind {
        let t = Text.trimmed(text)
        if ContentTyping.isPortValue(t) || t.uppercased() == "N/A" { return .port }
        if Realign.isProtocolCell(t) { return .protocol }
        return .text
    }

    static func kind(of role: Column?) -> Kind {
        switch role {
        case .port, .portProtocol: .port
        case .protocol: .protocol
        default: .text
        }
    }

    /// The row's cells in their columns, and the columns filled from the row above; nil when
    /// the cells cannot be placed in order.
    static func realign(_ cells: [String], roles: [Column?], above: [String]) -> (texts: [String], inherited: [Int])? {
        let lost = roles.count - cells.count
        guard lost > 0, cells.count >= 1 else { return nil }
        var texts: [String] = []
        var inherited: [Int] = []
        var k = 0
        for (c, role) in roles.enumerated() {
            let columnKind = kind(of: role)
            let remainingColumns = roles.count - c
            let remainingCells = cells.count - k
            if k < cells.count, remainingCells == remainingColumns {
                texts.append(cells[k]); k += 1; continue
            }
            if k < cells.count {
                let cellKind = kind(cells[k])
                let fits = columnKind == .text ? cellKind == .text || !roles[(c + 1)...].contains { kind(of: $0) == cellKind } : cellKind == columnKind
                if fits { texts.append(cells[k]); k += 1; continue }
            }
            texts.append(above[safe: c] ?? "")
            inherited.append(c)
        }
        guard k == cells.count else { return nil }
        return (texts, inherited)
    }
}
