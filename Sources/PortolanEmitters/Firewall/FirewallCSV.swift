import PortolanAnalysis

/// The firewall request sheet as CSV (RFC 4180: CRLF line ends, fields with a comma, quote,
/// CR or LF quoted, quotes doubled), UTF-8 without a byte order mark, every cell neutralised
/// against formula injection. One file holds both sections; the first column names the section.
public enum FirewallCSV {
    public static func render(_ sheet: FirewallSheet) -> String {
        CSV.render(FirewallTable.spreadsheetRows(FirewallTable.rows(sheet)))
    }
}

public enum CSV {
    public static func render(_ rows: [[String]]) -> String {
        rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    static func field(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
