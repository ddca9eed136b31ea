import PortolanModel
import Yams

/// Where components run: an optional YAML file that maps a component name (or one of its
/// aliases) to a namespace, pod labels, addresses (CIDRs or FQDNs) and a zone.
///
/// ```yaml
/// components:
///   Voice SIP Cluster Service:
///     aliases: [SIP Server, SIP Cluster]
///     namespace: voice
///     podLabels: {app: sip-cluster}
///     addresses: [10.20.0.0/16]
///     zone: cluster
/// request:                 # optional: the request sheet's Requested by, Ticket, Environment
///   requestedBy: Network team
///   ticket: CHG-1234
///   environment: production
/// dns:                     # optional: the cluster DNS every policy allows (this is the default)
///   namespace: kube-system
///   podLabels: {k8s-app: kube-dns}
/// ```
public struct Inventory: Sendable, Hashable {
    /// The request sheet's columns a person fills in once per request.
    public struct Request: Codable, Sendable, Hashable {
        public var requestedBy: String?
        public var ticket: String?
        public var environment: String?

        public init(requestedBy: String? = nil, ticket: String? = nil, environment: String? = nil) {
            self.requestedBy = requestedBy
            self.ticket = ticket
            self.environment = environment
        }
    }

    /// The cluster DNS pods: every NetworkPolicy lets its pods reach them on port 53.
    public struct DNS: Codable, Sendable, Hashable {
        public var namespace: String
        public var podLabels: [String: String]

        public init(namespace: String = "kube-system", podLabels: [String: String] = ["k8s-app": "kube-dns"]) {
            self.namespace = namespace
            self.podLabels = podLabels
        }
    }

    public struct Entry: Codable, Sendable, Hashable {
        public var name: String
        public var aliases: [String]
        public var namespace: String?
        public var podLabels: [String: String]
        public var addresses: [String]
        public var zone: String?
        /// Where the entry starts in the inventory file (1-based).
        public var line: Int

        /// The addresses read: CIDR blocks and host names (the parser keeps only valid ones).
        public var networkAddresses: [NetworkAddress] {
            addresses.compactMap { try? NetworkAddress.parse($0).get() }
        }

        public init(name: String, aliases: [String] = [], namespace: String? = nil, podLabels: [String: String] = [:],
                    addresses: [String] = [], zone: String? = nil, line: Int = 0) {
            self.name = name
            self.aliases = aliases
            self.namespace = namespace
            self.podLabels = podLabels
            self.addresses = addresses
            self.zone = zone
            self.line = line
        }
    }

    public private(set) var entries: [Entry]
    public var request: Request
    public var dns: DNS
    private var indexByKey: [String: Int]

    public static let empty = Inventory(entries: [])

    /// Later entries never take a name or alias an earlier one already holds.
    public init(entries: [Entry], request: Request = Request(), dns: DNS = DNS()) {
        self.entries = entries
        self.request = request
        self.dns = dns
        indexByKey = [:]
        for (index, entry) in entries.enumerated() {
            for name in [entry.name] + entry.aliases {
                let key = Names.key(name)
                if !key.isEmpty, indexByKey[key] == nil { indexByKey[key] = index }
            }
        }
    }

    /// The entry whose name or alias matches the component name (case and punctuation ignored).
    public func entry(for component: String) -> Entry? {
        indexByKey[Names.key(component)].map { entries[$0] }
    }

    /// Entries that name no component of the model, each with a "did you mean" when one is close.
    public func unmatched(in products: [Product]) -> [Diagnostic] {
        var names: [String] = []
        var keys: Set<String> = []
        for connection in products.flatMap(\.connections) {
            for name in [connection.source, connection.destination] where keys.insert(Names.key(name)).inserted {
                names.append(name)
            }
        }
        return entries.compactMap { entry in
            let matched = ([entry.name] + entry.aliases).contains { keys.contains(Names.key($0)) }
            if matched { return nil }
            var message = "inventory entry '\(entry.name)' matches no component of the documents"
            if let near = Names.closest(to: entry.name, among: names) { message += "; did you mean '\(near)'?" }
            return Diagnostic(.warning, message, line: entry.line, column: 1)
        }
    }
}
