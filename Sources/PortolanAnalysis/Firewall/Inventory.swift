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
/// ```
public struct Inventory: Sendable, Hashable {
    public struct Entry: Codable, Sendable, Hashable {
        public var name: String
        public var aliases: [String]
        public var namespace: String?
        public var podLabels: [String: String]
        public var addresses: [String]
        public var zone: String?
        /// Where the entry starts in the inventory file (1-based).
        public var line: Int

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
    private var indexByKey: [String: Int]

    public static let empty = Inventory(entries: [])

    /// Later entries never take a name or alias an earlier one already holds.
    public init(entries: [Entry]) {
        self.entries = entries
        indexByKey = [:]
        for (index, entry) in entries.enumerated() {
            for name in [entry.name] + entry.aliases {
                let key = ComponentMatch.make(name)
                if !key.isEmpty, indexByKey[key] == nil { indexByKey[key] = index }
            }
        }
    }

    /// The entry whose name or alias matches the component name (case and punctuation ignored).
    public func entry(for component: String) -> Entry? {
        indexByKey[ComponentMatch.make(component)].map { entries[$0] }
    }

    /// Entries that name no component of the model, each with a "did you mean" when one is close.
    public func unmatched(in products: [Product]) -> [Diagnostic] {
        var names: [String] = []
        var keys: Set<String> = []
        for connection in products.flatMap(\.connections) {
            for name in [connection.source, connection.destination] where keys.insert(ComponentMatch.make(name)).inserted {
                names.append(name)
            }
        }
        return entries.compactMap { entry in
            let matched = ([entry.name] + entry.aliases).contains { keys.contains(ComponentMatch.make($0)) }
            if matched { return nil }
            var message = "inventory entry '\(entry.name)' matches no component of the documents"
            if let near = ComponentMatch.suggestion(for: entry.name, among: names) { message += "; did you mean '\(near)'?" }
            return Diagnostic(.warning, message, line: entry.line, column: 1)
        }
    }
}
