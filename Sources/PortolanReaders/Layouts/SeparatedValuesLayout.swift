import PortolanModel

/// Comma- and semicolon-separated exports (RFC 4180: fields in double quotes may hold the
/// separator, doubled quotes and line breaks). The header line decides the separator.
struct SeparatedValuesLayout: TableRecognizer {
    func recognise(at index: Int, in context: LineContext) -> Recognised? {
        let line = context.lines[index]
        guard !Text.has(line, byte: 0x09), !Text.has(line, byte: UInt8(ascii: "|")) else { return nil }
        for separator in [UInt8(ascii: ","), UInt8(ascii: ";")] where line.utf8.contains(separator) {
            guard let (cells, _) = CSVRecord.read(context.lines, from: index, separator: separator), cells.count >= 2 else { continue }
            let before = context.context(before: index)
            let services = context.header.isServices(cells, context: before)
            guard services || context.header.connectionRoles(cells) != nil else { continue }
            return table(at: index, header: cells, separator: separator, context: context, before: before)
        }
        return nil
    }

    /// The table's rows as a stream: each record becomes a grid row and is read at once.
    private func table(at index: Int, header: [String], separator: UInt8, context: LineContext, before: [String]) -> Recognised {
        let layout = separator == UInt8(ascii: ",") ? "csv" : "semicolon"
        let position = GridPosition(line: index + 1)
        let headerRow = GridRow(cells: header.map { GridCell($0, position: position) }, position: position)
        let lines = context.lines
        let stream = RowStream(most: max(lines.count - index - 1, 0)) { give in
            var i = index + 1
            while i < lines.count {
                let line = lines[i]
                if Text.isBlank(line) { break }
                guard let (cells, next) = CSVRecord.read(lines, from: i, separator: separator), cells.count >= 2 else { break }
                // An empty record (";;;;") or a note in the first cell only ends the table.
                if cells.filter({ !$0.isEmpty }).count <= 1 { break }
                let p = GridPosition(line: i + 1)
                give(GridRow(cells: cells.map { GridCell(CellMarkup.render($0), position: p) }, position: p))
                i = next
            }
            return ([], i)
        }
        let grid = Grid(layout: layout, header: [headerRow], rows: [], context: before, position: position)
        return Recognised(grid: grid, end: index + 1, stream: stream)
    }
}

/// One RFC 4180 record, which may run over several lines inside quotes.
enum CSVRecord {
    /// The record's fields and the index of the line after it; nil when a quote never closes
    /// within 200 lines (then it is not a record of this layout).
    static func read(_ lines: Lines, from start: Int, separator: UInt8) -> ([String], Int)? {
        var fields: [String] = []
        // One buffer for every field, kept at its capacity between fields.
        var field: [UInt8] = []
        field.reserveCapacity(128)
        var quoted = false
        var atFieldStart = true
        var lineIndex = start
        while lineIndex < lines.count, lineIndex - start < 200 {
            var line = lines[lineIndex]
            // On the line's own bytes, not a copy of them.
            line.withUTF8 { bytes in
                var i = 0
                while i < bytes.count {
                    let b = bytes[i]
                    if quoted {
                        if b == UInt8(ascii: "\"") {
                            if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\"") { field.append(b); i += 2; continue }
                            quoted = false
                        } else {
                            field.append(b)
                        }
                    } else if b == UInt8(ascii: "\""), atFieldStart || field.allSatisfy({ $0 == 0x20 }) {
                        field.removeAll(keepingCapacity: true)
                        quoted = true
                        atFieldStart = false
                    } else if b == separator {
                        fields.append(trimmedField(field))
                        field.removeAll(keepingCapacity: true)
                        atFieldStart = true
                    } else {
                        field.append(b)
                        atFieldStart = false
                    }
                    i += 1
                }
            }
            if quoted {
                field.append(UInt8(ascii: "\n"))
                lineIndex += 1
                continue
            }
            fields.append(trimmedField(field))
            return (fields, lineIndex + 1)
        }
        return nil
    }

    /// `Text.trimmed` of the field's text: ASCII white space trimmed on the bytes; a field with
    /// any other byte at an end goes through `Text.trimmed` whole.
    private static func trimmedField(_ field: [UInt8]) -> String {
        func space(_ x: UInt8) -> Bool { x == 0x20 || (x >= 0x09 && x <= 0x0D) }
        var a = 0, b = field.count
        while a < b, space(field[a]) { a += 1 }
        while b > a, space(field[b - 1]) { b -= 1 }
        if a < b, field[a] >= 0x80 || field[b - 1] >= 0x80 { return Text.trimmed(String(decoding: field, as: UTF8.self)) }
        return String(decoding: field[a..<b], as: UTF8.self)
    }
}
