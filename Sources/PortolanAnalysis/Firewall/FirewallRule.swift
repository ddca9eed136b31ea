import PortolanModel

/// Where a rule goes: perimeter rules become firewall tickets; intra-cluster rules are
/// usually NetworkPolicies.
public enum FirewallSection: String, Codable, Sendable, CaseIterable, Comparable {
    case perimeter = "Perimeter"
    case intraCluster = "Intra-cluster"

    /// Intra-cluster connections go to the intra-cluster section; Ingress, Egress, other
    /// written classifications and missing ones go to the perimeter, where a person reviews them.
    public init(classification: ClassificationKind?) {
        self = classification == .intraCluster ? .intraCluster : .perimeter
    }

    public static func < (lhs: FirewallSection, rhs: FirewallSection) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One side of a rule: the component as the document names it, plus what the inventory
/// says about where it runs.
public struct FirewallEndpoint: Codable, Sendable, Hashable {
    /// The name as the first connection writes it.
    public var name: String
    /// The inventory entry the name resolved to, if any.
    public var inventoryName: String?
    public var zone: String?
    /// CIDRs or FQDNs; empty when nobody has provided them yet.
    public var addresses: [String]
    public var namespace: String?
    public var podLabels: [String: String]

    public init(name: String, inventoryName: String? = nil, zone: String? = nil, addresses: [String] = [],
                namespace: String? = nil, podLabels: [String: String] = [:]) {
        self.name = name
        self.inventoryName = inventoryName
        self.zone = zone
        self.addresses = addresses
        self.namespace = namespace
        self.podLabels = podLabels
    }
}

/// A connection a rule came from: product, connection number and where the row is.
public struct RuleReference: Codable, Sendable, Hashable, CustomStringConvertible {
    public var product: String
    public var connection: String
    public var path: String
    public var line: Int

    public init(product: String, connection: String, path: String, line: Int) {
        self.product = product
        self.connection = connection
        self.path = path
        self.line = line
    }

    /// "CX Contact #2".
    public var description: String { "\(product) #\(connection)" }

    /// "Input/voice.txt: #40 (line 512), #41 (line 530); Input/pulse.txt: #3 (line 88)":
    /// references of one document together.
    public static func documents(_ references: [RuleReference]) -> String {
        // Per document its rows' text so far, and the rows listed (a row's text is set by its
        // number and line): a rule of a million rows' table has thousands of references.
        var groups: [(path: String, rows: String, listed: Set<Row>)] = []
        var last = -1
        for reference in references {
            let index: Int
            if last >= 0, groups[last].path == reference.path {
                index = last
            } else if let found = groups.firstIndex(where: { $0.path == reference.path }) {
                index = found
            } else {
                groups.append((reference.path, "", []))
                index = groups.count - 1
            }
            last = index
            guard groups[index].listed.insert(Row(connection: reference.connection, line: reference.line)).inserted else { continue }
            if !groups[index].rows.isEmpty { groups[index].rows += ", " }
            groups[index].rows += "#" + reference.connection + " (line " + String(reference.line) + ")"
        }
        return groups.map { $0.path + ": " + $0.rows }.joined(separator: "; ")
    }

    /// "#40 (line 512)" as a key: two rows' texts are equal when their number and line are.
    private struct Row: Hashable {
        var connection: String
        var line: Int
    }

    /// "Voice Microservices #40, #41, #49; Genesys Pulse #3": references of one product together.
    public static func summary(_ references: [RuleReference]) -> String {
        var groups: [(product: String, numbers: [String])] = []
        for reference in references {
            if let index = groups.firstIndex(where: { $0.product == reference.product }) {
                groups[index].numbers.append("#" + reference.connection)
            } else {
                groups.append((reference.product, ["#" + reference.connection]))
            }
        }
        return groups.map { "\($0.product) \($0.numbers.joined(separator: ", "))" }.joined(separator: "; ")
    }
}

/// Something a person must check before the rule is filed.
public struct FirewallFlag: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// The protocol cell is empty or names no transport Portolan knows.
        case noTransport = "no-transport"
        /// The port is marked configurable (`*`).
        case configurablePort = "configurable-port"
        /// The port cell is empty, "N/A" or "Not known ...".
        case unknownPort = "unknown-port"
        /// The connection has no classification, so direction and section are guesses.
        case noClassification = "no-classification"
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    public static func < (lhs: FirewallFlag, rhs: FirewallFlag) -> Bool {
        let l = Kind.allCases.firstIndex(of: lhs.kind)!, r = Kind.allCases.firstIndex(of: rhs.kind)!
        return (l, lhs.message) < (r, rhs.message)
    }
}

/// One firewall rule: one source, one destination, one transport, one port or range. Identical
/// rules from several connections are one rule with all their references.
public struct FirewallRule: Codable, Sendable, Hashable {
    /// Stable id from a hash of the rule's identity ("fw-1a2b3c4d").
    public var id: String
    public var section: FirewallSection
    public var action: String
    /// The classification as written ("Egress"), or "(none)".
    public var direction: String
    public var source: FirewallEndpoint
    public var destination: FirewallEndpoint
    /// nil when the protocol gives no transport (flagged).
    public var transport: Transport?
    /// nil when the port is not known (flagged).
    public var port: PortRange?
    /// The port as the sheet shows it: "443", "20000-45000", or the cell text ("N/A").
    public var portText: String
    /// Application protocols as written, distinct, in source order.
    public var applicationProtocols: [String]
    /// Connection descriptions, distinct, in source order.
    public var justifications: [String]
    public var references: [RuleReference]
    public var flags: [FirewallFlag]

    /// True when a person must confirm something before filing.
    public var needsConfirmation: Bool { !flags.isEmpty }

    /// Where the flow crosses the perimeter: "perimeter in" (Ingress), "perimeter out"
    /// (Egress), "internal" (Intra-cluster). Without a classification the zones decide when the
    /// inventory gives both; else "to be confirmed".
    public var crossing: String {
        switch ClassificationKind(written: direction) {
        case .ingress: return "perimeter in"
        case .egress: return "perimeter out"
        case .intraCluster: return "internal"
        case nil:
            guard let from = source.zone, let to = destination.zone else { return "to be confirmed" }
            if from == to { return "internal" }
            return to == "cluster" ? "perimeter in" : from == "cluster" ? "perimeter out" : "to be confirmed"
        }
    }

    /// Products the rule comes from, distinct, in first-reference order.
    public var products: [String] {
        var seen: [String] = []
        for reference in references where !seen.contains(reference.product) { seen.append(reference.product) }
        return seen
    }
}

/// Every rule of a run, perimeter rules first, each section in source order.
public struct FirewallSheet: Codable, Sendable, Hashable {
    public var rules: [FirewallRule]
    /// Requested by, ticket and environment from the inventory's `request:` block.
    public var request: Inventory.Request
    /// The documents the rules were derived from (paths as read), in reading order.
    public var documents: [String]

    public init(rules: [FirewallRule], request: Inventory.Request = Inventory.Request(), documents: [String] = []) {
        self.rules = rules
        self.request = request
        self.documents = documents
    }

    public func rules(in section: FirewallSection) -> [FirewallRule] {
        rules.filter { $0.section == section }
    }
}
