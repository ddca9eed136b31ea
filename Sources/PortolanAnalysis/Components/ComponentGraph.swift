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
        /// The row, read where the documents keep it: a graph refers to its rows instead of
        /// copying them (three graphs of a million rows each were a gigabyte of copies).
        public var connection: Connection {
            get { rows.documents[Int(place.document)][Int(place.row)] }
            set {
                rows = EdgeRows([[newValue]])
                place = (0, 0)
            }
        }
        public var from: String
        public var to: String
        public var family: ProtocolFamily
        /// The path of the document the row comes from, for messages that name it.
        public var document: String = ""
        private var rows: EdgeRows
        private var place: (document: Int32, row: Int32)

        init(id: String, product: String, productSlug: String, rows: EdgeRows, place: (document: Int, row: Int),
             from: String, to: String, family: ProtocolFamily, document: String) {
            self.id = id
            self.product = product
            self.productSlug = productSlug
            self.rows = rows
            self.place = (Int32(place.document), Int32(place.row))
            self.from = from
            self.to = to
            self.family = family
            self.document = document
        }

        public static func == (left: Edge, right: Edge) -> Bool {
            left.id == right.id && left.product == right.product && left.productSlug == right.productSlug
                && left.from == right.from && left.to == right.to && left.family == right.family
                && left.document == right.document && left.connection == right.connection
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(id)
            hasher.combine(from)
            hasher.combine(to)
            hasher.combine(connection)
        }
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

/// The documents' rows a graph's edges refer to: the documents' own arrays, shared, not copied.
final class EdgeRows: Sendable {
    let documents: [[Connection]]

    init(_ documents: [[Connection]]) { self.documents = documents }
}
