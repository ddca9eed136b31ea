import PortolanAnalysis

/// The firewall request sheet as Markdown: one table per section.
public enum FirewallMarkdown {
    /// `cells`: the sheet's `FirewallTable.cells`, if already made.
    public static func render(_ sheet: FirewallSheet, title: String, cells: [[String]]? = nil) -> String {
        var out = "# Firewall rules: \(MarkdownTable.escape(title))\n\n"
        let flagged = sheet.rules.filter(\.needsConfirmation).count
        out += "\(sheet.rules.count) \(sheet.rules.count == 1 ? "rule" : "rules"); \(flagged) flagged (confirm before filing). Addresses marked \"to be provided\" are not in the inventory.\n"
        for section in FirewallSection.allCases {
            let rules = sheet.rules(in: section)
            out += "\n## \(section.rawValue) (\(rules.count) \(rules.count == 1 ? "rule" : "rules"))\n\n"
            if section == .intraCluster {
                out += "Intra-cluster flows are usually Kubernetes NetworkPolicies rather than firewall tickets.\n\n"
            }
            if rules.isEmpty {
                out += "None.\n"
                continue
            }
            let rows = cells.map { Array(FirewallTable.rows(sheet, section: section, cells: $0).dropFirst()) }
                ?? rules.map { FirewallTable.row($0, request: sheet.request) }
            out += MarkdownTable.render(header: FirewallTable.columns, rows: rows)
        }
        return out
    }
}
