import PortolanAnalysis

/// The firewall request sheet as CSV (RFC 4180: CRLF line ends, fields with a comma, quote,
/// CR or LF quoted, quotes doubled), UTF-8 without a byte order mark, every cell neutralised
/// against formula injection. One file holds both sections; the first column names the section.
public enum FirewallCSV {
    /// `cells`: the sheet's `FirewallTable.cells`, if already made.
    public static func render(_ sheet: FirewallSheet, cells: [[String]]? = nil) -> String {
        let rows = cells.map { FirewallTable.rows(sheet, cells: $0) } ?? FirewallTable.rows(sheet)
        return CSV.render(FirewallTable.spreadsheetRows(rows))
    }
}

public enum CSV {
    public static func render(_ rows: [[String]]) -> String {
        var out = ""
        out.reserveCapacity(rows.reduce(0) { total, row in row.reduce(total + row.count + 2) { $0 + $1.utf8.count } })
        for row in rows {
            for (index, text) in row.enumerated() {
                if index > 0 { out += "," }
                if needsQuotes(text) { out += field(text) } else { out += text }
            }
            out += "\r\n"
        }
        return out
    }

    static func field(_ text: String) -> String {
        guard needsQuotes(text) else { return text }
        // Without a quote byte there is no quote to double (and no trip through Foundation).
        guard text.utf8.contains(UInt8(ascii: "\"")) else { return "\"" + text + "\"" }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A comma, quote, CR or LF: each one ASCII byte, so looked for among the bytes.
    static func needsQuotes(_ text: String) -> Bool {
        text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }
    }
}
