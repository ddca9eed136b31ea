import PortolanModel

/// The classification agrees with which end belongs to the document's subject.
public enum ReversedDirection: LintRule {
    public static let summary = "The classification contradicts the subject's membership: Egress from a datastore or outside party, Ingress to a component outside the subject, Intra-cluster with an outside party."
    public static let rationale = """
        The pages define "Egress means the service is the source, Ingress means the service is the \
        destination". A datastore or an external party cannot start the subject's Egress flow, and an \
        Ingress flow must end inside the subject; when they do, the arrow (or the classification) is \
        probably reversed, and the firewall rule would open the wrong direction. Membership comes from \
        general knowledge of component kinds and from the documents themselves (subject and title, \
        included services, Kubernetes objects, the other products' pages), never from a list of names.
        """

    enum Message {
        static func egressFromOutside(_ subject: String, reason: String) -> String {
            "Egress means \(subject) is the source, but \(reason); the arrow may be reversed"
        }
        static func ingressToOutside(_ subject: String, reason: String) -> String {
            "Ingress means \(subject) is the destination, but \(reason); the arrow may be reversed (or the row is Egress)"
        }
        static func intraClusterWithOutside(reason: String, expected: ClassificationKind) -> String {
            "Intra-cluster means both ends run in the cluster, but \(reason); expected \(expected.rawValue)"
        }
    }

    public static func check(_ context: LintContext) -> [LintFinding] {
        var findings: [LintFinding] = []
        for row in context.rows {
            let connection = row.connection
            let subject = row.product.name
            switch connection.classificationKind {
            case .egress:
                if let reason = context.outsideReason(connection.source, of: row.product) {
                    findings.append(row.finding(self, .warning, Message.egressFromOutside(subject, reason: reason)))
                }
            case .ingress:
                if let reason = context.outsideReason(connection.destination, of: row.product) {
                    findings.append(row.finding(self, .warning, Message.ingressToOutside(subject, reason: reason)))
                }
            case .intraCluster:
                if context.kind(connection.source, of: row.product) == .external {
                    findings.append(row.finding(self, .warning, Message.intraClusterWithOutside(
                        reason: "'\(connection.source)' is outside the platform", expected: .ingress)))
                } else if context.kind(connection.destination, of: row.product) == .external {
                    findings.append(row.finding(self, .warning, Message.intraClusterWithOutside(
                        reason: "'\(connection.destination)' is outside the platform", expected: .egress)))
                }
            case nil:
                continue
            }
        }
        return findings
    }
}
