import PortolanModel

/// Protocol and classification cells use values Portolan (and a network team) recognises.
public enum UnknownValue: LintRule {
    public static let summary = "A Protocol cell names no protocol Portolan knows, or a Classification is not Ingress, Egress or Intra-cluster."
    public static let rationale = """
        The protocol gives the firewall rule its transport (TCP or UDP) and the classification its \
        section; a misspelt value ("HTPP", "Egres") or an invented one silently turns into a flagged \
        rule nobody can file. The finding suggests the nearest known spelling.
        """

    enum Message {
        static func unknownProtocol(_ written: String, suggestion: String?) -> String {
            "protocol '\(written)' names no transport Portolan knows" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        }
        static func unknownClassification(_ written: String, suggestion: String?) -> String {
            "classification '\(written)' is not Ingress, Egress or Intra-cluster" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        }
    }

    public static func check(_ context: LintContext) -> [LintFinding] {
        var findings: [LintFinding] = []
        // Whether each protocol text names a transport, once per text.
        var transports: [String: Bool] = [:]
        func known(_ written: String) -> Bool {
            if let known = transports[written] { return known }
            let known = Transport.of(protocol: written) != nil
            transports[written] = known
            return known
        }
        for row in context.rows {
            if let written = row.connection.protocol, !written.isEmpty, !known(written) {
                findings.append(row.finding(self, .warning,
                    Message.unknownProtocol(written, suggestion: ProtocolWords.suggestion(for: written))))
            }
            if let written = row.connection.classification, !written.isEmpty, row.connection.classificationKind == nil {
                let suggestion = ProtocolWords.closest(to: written, among: ClassificationKind.allCases.map(\.rawValue))
                findings.append(row.finding(self, .warning, Message.unknownClassification(written, suggestion: suggestion)))
            }
        }
        return findings
    }
}
