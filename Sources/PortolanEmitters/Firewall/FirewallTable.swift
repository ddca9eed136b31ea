import PortolanAnalysis
import PortolanModel

/// The firewall request sheet as rows of text, shared by the CSV, XLSX and Markdown
/// versions so they always show the same cells.
public enum FirewallTable {
    /// The request sheet's columns, in the order a firewall team files them.
    public static let columns = [
        "Rule ID", "Action", "Source", "Source address", "Destination", "Destination address",
        "Protocol", "Destination port(s)", "Direction", "Business justification", "Product", "Environment",
        "Source document and row(s)", "Flags", "Requested by", "Ticket",
    ]

    /// Columns whose text is long and wraps in a spreadsheet.
    public static let wrappedColumns: Set<String> = [
        "Source", "Source address", "Destination", "Destination address", "Business justification",
        "Product", "Environment", "Source document and row(s)", "Flags", "Requested by", "Ticket",
    ]

    public static let toBeProvided = "to be provided"

    /// One row per rule, in sheet order; cells hold plain text (not yet escaped for a format).
    /// Line breaks become LF and characters XML 1.0 forbids become U+FFFD here, so every format
    /// (and every spreadsheet program, which folds CR LF to LF) shows the same text.
    public static func row(_ rule: FirewallRule, request: Inventory.Request = Inventory.Request()) -> [String] {
        [
            rule.id, rule.action,
            rule.source.name, address(rule.source),
            rule.destination.name, address(rule.destination),
            rule.transport?.rawValue ?? "(none)",
            rule.portText.isEmpty ? "(none)" : rule.portText,
            rule.crossing,
            justification(rule),
            rule.products.joined(separator: "; "),
            request.environment ?? "",
            RuleReference.documents(rule.references),
            rule.flags.map(\.message).joined(separator: "; "),
            request.requestedBy ?? "",
            request.ticket ?? "",
        ].map(clean)
    }

    /// The connection descriptions, then the application protocols as written.
    static func justification(_ rule: FirewallRule) -> String {
        let text = rule.justifications.joined(separator: "; ")
        guard !rule.applicationProtocols.isEmpty else { return text }
        let protocols = "application protocol: " + rule.applicationProtocols.joined(separator: ", ")
        return text.isEmpty ? protocols : text + " (" + protocols + ")"
    }

    /// Header and rows of one section (all sections when nil).
    public static func rows(_ sheet: FirewallSheet, section: FirewallSection? = nil) -> [[String]] {
        let rules = section.map { sheet.rules(in: $0) } ?? sheet.rules
        return [columns] + rules.map { row($0, request: sheet.request) }
    }

    /// Every rule's row, in sheet order: made once, the CSV, the workbook and the Markdown can
    /// share them (`cells:` of their `render`/`data`).
    public static func cells(_ sheet: FirewallSheet) -> [[String]] {
        sheet.rules.map { row($0, request: sheet.request) }
    }

    /// `rows(sheet, section:)` from the sheet's `cells` (made again if they are another sheet's).
    public static func rows(_ sheet: FirewallSheet, section: FirewallSection? = nil, cells: [[String]]) -> [[String]] {
        guard cells.count == sheet.rules.count else { return rows(sheet, section: section) }
        guard let section else { return [columns] + cells }
        return [columns] + sheet.rules.indices.filter { sheet.rules[$0].section == section }.map { cells[$0] }
    }

    /// Addresses from the inventory; else the namespace and pod labels; else "to be provided".
    static func address(_ endpoint: FirewallEndpoint) -> String {
        if !endpoint.addresses.isEmpty { return endpoint.addresses.joined(separator: ", ") }
        if let namespace = endpoint.namespace {
            let labels = endpoint.podLabels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            return "namespace \(namespace)" + (labels.isEmpty ? "" : " (pods \(labels.joined(separator: ", ")))")
        }
        return toBeProvided
    }

    static func clean(_ text: String) -> String {
        // Most cells need nothing: say so in one pass over the bytes.
        guard needsCleaning(text) else { return text }
        var out = ""
        let text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let forbidden = (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0xFFFE || v == 0xFFFF
            out.unicodeScalars.append(forbidden ? "\u{FFFD}" : scalar)
        }
        return out
    }

    /// A scalar below U+0020 but tab and LF (one byte below 0x20 in UTF-8), or U+FFFE or
    /// U+FFFF (EF BF BE, EF BF BF).
    static func needsCleaning(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x20 && byte != 0x09 && byte != 0x0A { return true }
                if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE { return true }
                index += 1
            }
            return false
        }
    }

    /// OWASP CSV injection: a cell that begins with `=`, `+`, `-`, `@`, tab, CR or LF gets a
    /// leading apostrophe, so spreadsheets show it as text and never evaluate it.
    public static func neutralised(_ text: String) -> String {
        // Each of them is one ASCII byte: the first byte is the first scalar.
        switch text.utf8.first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"),
             UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"): return "'" + text
        default: return text
        }
    }

    /// Rows made safe to open in a spreadsheet.
    public static func spreadsheetRows(_ rows: [[String]]) -> [[String]] {
        rows.map { $0.map(neutralised) }
    }
}
