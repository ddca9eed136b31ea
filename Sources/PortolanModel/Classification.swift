/// The three classifications the connections tables define. Documents may write others
/// ("Ingress/Egress"); those are kept as written on the connection and have no kind.
public enum ClassificationKind: String, Codable, Sendable, CaseIterable {
    case ingress = "Ingress"
    case egress = "Egress"
    case intraCluster = "Intra-cluster"

    /// Recognises a classification cell, ignoring case and the spelling of the hyphen.
    public init?(written: String) {
        // The three as the tables write them, without lowering every row's cell.
        switch written {
        case "Ingress": self = .ingress; return
        case "Egress": self = .egress; return
        case "Intra-cluster": self = .intraCluster; return
        default: break
        }
        let key = written.lowercased().filter { $0.isLetter }
        switch key {
        case "ingress": self = .ingress
        case "egress": self = .egress
        case "intracluster": self = .intraCluster
        default: return nil
        }
    }
}
