import PortolanModel

/// What a connection diagram shows: components (merged names, kinds, where they sit) and one
/// edge per connection row, in source order. Emitters draw it; nothing here knows about DOT.
public struct ComponentGraph: Sendable, Hashable {
    public enum View: String, Codable, Sendable, CaseIterable {
        case product, platform
    }

    /// Which side of the drawing an external party sits on.
    public enum Side: String, Codable, Sendable {
        /// It starts connections into the platform (drawn on the left).
        case ingress
        /// Connections leave the platform to it (drawn on the right).
        case egress
    }

    public enum Placement: Sendable, Hashable {
        /// Inside the cluster of the product with this slug.
        case owned(String)
        /// Shared infrastructure: datastores, queues, service registries (Consul, etcd, ZooKeeper, Vault).
        case infrastructure
        /// Outside the platform.
        case external(Side)
        /// Another platform service, drawn between the clusters.
        case peer
    }

    public struct Node: Sendable, Hashable {
        /// Unique in the graph, from the name ("node-tenant-service").
        public var id: String
        public var name: String
        /// Other names documents used for this component, sorted.
        public var otherNames: [String]
        public var kind: ComponentKind
        public var placement: Placement
    }

    public struct Edge: Sendable, Hashable {
        /// "conn-5" in a product view, "conn-cx-contact-5" in the platform view.
        public var id: String
        public var product: String
        public var productSlug: String
        public var connection: Connection
        public var from: String
        public var to: String
        public var family: ProtocolFamily
        /// The path of the document the row comes from, for messages that name it.
        public var document: String = ""
    }

    /// A product's cluster: its name, slug and the nodes it owns.
    public struct Group: Sendable, Hashable {
        public var name: String
        public var slug: String
    }

    public var view: View
    public var title: String
    public var nodes: [Node]
    public var edges: [Edge]
    public var groups: [Group]
    /// Names drawn under another name in this graph, and why.
    public var merges: [NameMerge]
    /// A focus view's component (its node id): the one every edge touches.
    public var centre: String? = nil

    public func node(_ id: String) -> Node? { nodes.first { $0.id == id } }

    /// Protocol families the edges use, in legend order.
    public var families: [ProtocolFamily] { Set(edges.map(\.family)).sorted() }
}
