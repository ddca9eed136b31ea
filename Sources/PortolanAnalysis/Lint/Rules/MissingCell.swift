import PortolanModel

/// Every row names its protocol, port and classification.
public enum MissingCell: LintRule {
    public static let summary = "A row's Protocol, Port or Classification cell is empty."
    public static let rationale = """
        A firewall rule needs a transport and a port, and the classification decides whether it is a \
        perimeter ticket or a NetworkPolicy; an empty cell leaves the network team guessing. The hint \
        names what the row itself suggests: the protocol its description names ("Note: The protocol is \
        WebSocket"), or the classification the subject's membership implies.
        """

    enum Message {
        static func protocolMissing(hint: String?) -> String {
            "the Protocol cell is empty" + (hint.map { "; the description names \($0): did you mean '\($0)'?" } ?? "")
        }
        static let portMissing = "the Port cell is empty"
        static func classificationMissing(hint: ClassificationKind?, because reason: String?) -> String {
            guard let hint, let reason else { return "the Classification cell is empty" }
            return "the Classification cell is empty; \(reason), so it is probably \(hint.rawValue)"
        }
    }

    public static func check(_ context: LintContext) -> [LintFinding] {
        var findings: [LintFinding] = []
        for row in context.rows {
            let connection = row.connection
            if connection.protocol?.isEmpty ?? true {
                let hint = ProtocolWords.named(in: connection.description)
                findings.append(row.finding(self, .warning, Message.protocolMissing(hint: hint)))
            }
            if (connection.ports.text ?? "").isEmpty && connection.ports.ranges.isEmpty {
                findings.append(row.finding(self, .warning, Message.portMissing))
            }
            if connection.classification?.isEmpty ?? true {
                let (hint, reason) = classificationHint(row, context)
                findings.append(row.finding(self, .warning, Message.classificationMissing(hint: hint, because: reason)))
            }
        }
        return findings
    }

    /// Ingress when only the destination is the subject's, Egress when only the source is.
    static func classificationHint(_ row: LintRow, _ context: LintContext) -> (ClassificationKind?, String?) {
        let source = context.isMember(row.connection.source, of: row.product)
        let destination = context.isMember(row.connection.destination, of: row.product)
        switch (source, destination) {
        case (false, true):
            return (.ingress, "'\(row.connection.destination)' is \(row.product.name)'s and '\(row.connection.source)' is not")
        case (true, false):
            return (.egress, "'\(row.connection.source)' is \(row.product.name)'s and '\(row.connection.destination)' is not")
        default:
            return (nil, nil)
        }
    }
}
