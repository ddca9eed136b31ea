import PortolanAnalysis
import PortolanModel

/// The diff as rows of text, shared by the Markdown, CSV and XLSX reports.
public enum DiffTable {
    public static let changeColumns = [
        "Change", "Product", "Old #", "New #", "Source", "Destination", "Protocol", "Port", "Classification",
        "Changed fields", "Description",
    ]

    /// One row per added, removed, changed or renumbered connection: removed first, then the
    /// new release's rows in order.
    public static func changeRows(_ diff: ModelDiff) -> [[String]] {
        var rows: [[String]] = diff.removed.map { row("removed", old: $0, new: nil, fields: []) }
        var byNew: [(DiffRow, [String])] = diff.added.map { ($0, row("added", old: nil, new: $0, fields: [])) }
        for change in diff.changed + diff.renumbered.filter({ $0.fields.isEmpty }) {
            let kind = change.fields.isEmpty ? "renumbered" : (change.isRenumbered ? "changed, renumbered" : "changed")
            byNew.append((change.new, row(kind, old: change.old, new: change.new, fields: change.fields)))
        }
        byNew.sort { ($0.0.product, $0.0.path, $0.0.connection.line) < ($1.0.product, $1.0.path, $1.0.connection.line) }
        rows += byNew.map(\.1)
        return rows
    }

    static func row(_ kind: String, old: DiffRow?, new: DiffRow?, fields: [String]) -> [String] {
        let shown = (new ?? old)!.connection
        func cell(_ value: (Connection) -> String, _ field: String) -> String {
            guard let old, let new, fields.contains(field) else { return value(shown) }
            return "\(value(old.connection)) -> \(value(new.connection))"
        }
        return [
            kind, (new ?? old)!.product, old?.connection.number ?? "", new?.connection.number ?? "",
            cell({ $0.source }, "source"), cell({ $0.destination }, "destination"),
            cell({ $0.protocol ?? "(none)" }, "protocol"), cell({ $0.ports.text ?? "(none)" }, "ports"),
            cell({ $0.classification ?? "(none)" }, "classification"),
            fields.joined(separator: ", "), shown.description,
        ]
    }

    /// The delta firewall sheet: the firewall sheet's columns after a "Change" column, rules to
    /// remove first.
    public static func firewallRows(_ delta: FirewallDelta) -> [[String]] {
        [["Change"] + FirewallTable.columns]
            + delta.toRemove.rules.map { ["remove"] + FirewallTable.row($0) }
            + delta.toAdd.rules.map { ["add"] + FirewallTable.row($0) }
    }
}
