import Foundation
import PortolanAnalysis

/// The diff report as Markdown, JSON, CSV (the delta firewall sheet) or XLSX.
public enum DiffMarkdown {
    public static func render(_ diff: ModelDiff, old: String, new: String) -> String {
        var out = "# Changes from \(MarkdownTable.inline(old)) to \(MarkdownTable.inline(new))\n\n"
        out += "\(diff.added.count) added, \(diff.removed.count) removed, \(diff.changed.count) changed, "
        out += "\(diff.renumbered.count) renumbered connections; firewall: \(diff.firewall.toAdd.rules.count) rules to add, "
        out += "\(diff.firewall.toRemove.rules.count) to remove.\n\n## Connections\n\n"
        let rows = DiffTable.changeRows(diff)
        out += rows.isEmpty ? "No connection changed.\n" : MarkdownTable.render(header: DiffTable.changeColumns, rows: rows)
        out += "\n## Firewall delta\n\n"
        let firewall = DiffTable.firewallRows(diff.firewall)
        out += firewall.count == 1 ? "No firewall rule to add or remove.\n"
                                   : MarkdownTable.render(header: firewall[0], rows: Array(firewall.dropFirst()))
        return out
    }
}

public enum DiffJSON {
    public static func render(_ diff: ModelDiff) throws -> String {
        try ModelSerialization.json(diff)
    }
}

/// The delta firewall sheet as CSV: what a network team files.
public enum DiffCSV {
    public static func render(_ diff: ModelDiff) -> String {
        CSV.render(FirewallTable.spreadsheetRows(DiffTable.firewallRows(diff.firewall)))
    }
}

/// A workbook with the connection changes and the delta firewall sheet.
public enum DiffXLSX {
    public static func workbook(_ diff: ModelDiff) -> XLSXWorkbook {
        XLSXWorkbook(sheets: [
            XLSXSheet(name: "Connections", rows: FirewallTable.spreadsheetRows([DiffTable.changeColumns] + DiffTable.changeRows(diff))),
            // The request sheet's columns after "Change": wrapped, numeric ports, the Action list.
            XLSXSheet(name: "Firewall delta", rows: FirewallTable.spreadsheetRows(DiffTable.firewallRows(diff.firewall)),
                      columnWidths: [8] + FirewallXLSX.widths,
                      wrappedColumns: Set(FirewallXLSX.wrapped.map { $0 + 1 }), numericColumns: Set(FirewallXLSX.numeric.map { $0 + 1 }),
                      listValidations: [FirewallXLSX.action + 1: FirewallXLSX.actions]),
        ])
    }

    public static func data(_ diff: ModelDiff) throws -> Data {
        try XLSXWriter.data(workbook(diff))
    }
}
