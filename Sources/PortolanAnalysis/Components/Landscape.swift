import PortolanModel

/// The platform at the scale of products: one node per product, one per piece of shared
/// infrastructure, one for the other platform services and one per side of outside parties;
/// the connections between them aggregated into one line per pair and direction, with how many
/// rows it stands for and their protocol families ("14 connections: Redis, Kafka, HTTP/HTTPS").
/// Rows inside one product are counted on its node. Built from the platform's graph, so every
/// row is counted exactly once.
public struct Landscape: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case product, infrastructure, peers, ingress, egress
    }

    public struct Node: Sendable, Hashable {
        /// "land-<slug>": unique in the landscape.
        public var id: String
        public var name: String
        public var kind: Kind
        /// The product's slug (its page), for product nodes.
        public var product: String?
        /// Components drawn in it (a product's own, the outside parties of one side ...).
        public var members: [String]
        /// Rows whose both ends are in it.
        public var inside: Int
        /// For a piece of infrastructure, its kind (datastore, queue ...).
        public var componentKind: ComponentKind
    }

    /// One line per pair of parts, whichever way its rows run: `from` and `to` as the first row
    /// runs, `both` when some row runs the other way.
    public struct Link: Sendable, Hashable {
        public var id: String
        public var from: String
        public var to: String
        public var both: Bool
        /// The rows it stands for, as platform edge ids ("conn-voice-microservices-5"), in table order.
        public var edges: [String]
        /// Families by how many rows use them (most first; ties in legend order).
        public var families: [ProtocolFamily]
        /// The product whose page the line links to: the product at either end, the source first.
        public var product: String?
    }

    public var nodes: [Node]
    public var links: [Link]
    /// Every row of the platform, once: on a link or inside a node.
    public var connections: Int

    public init(platform graph: ComponentGraph) {
        var nodes: [Node] = []
        var index: [String: Int] = [:]
        var groupOf: [String: String] = [:]
        func add(_ id: String, _ name: String, _ kind: Kind, product: String?, member: String, componentKind: ComponentKind = .workload) {
            if index[id] == nil {
                index[id] = nodes.count
                nodes.append(Node(id: id, name: name, kind: kind, product: product, members: [], inside: 0, componentKind: componentKind))
            }
            nodes[index[id]!].members.append(member)
        }
        let names = Dictionary(graph.edges.map { ($0.productSlug, $0.product) }, uniquingKeysWith: { first, _ in first })
        for node in graph.nodes {
            let id: String
            switch node.placement {
            case .owned(let slug):
                id = "land-\(slug)"
                let name = graph.groups.first { $0.slug == slug }?.name ?? names[slug] ?? slug
                add(id, name, .product, product: slug, member: node.name)
            case .infrastructure:
                id = "land-" + node.id.replacingOccurrences(of: "node-", with: "infra-")
                add(id, node.name, .infrastructure, product: nil, member: node.name, componentKind: node.kind)
            case .peer:
                id = "land-peers"
                add(id, "Other platform services", .peers, product: nil, member: node.name)
            case .external(let side):
                id = side == .ingress ? "land-ingress" : "land-egress"
                add(id, side == .ingress ? "Outside parties (they connect in)" : "Outside parties (reached out to)",
                    side == .ingress ? .ingress : .egress, product: nil, member: node.name)
            }
            groupOf[node.id] = id
        }
        var links: [Link] = []
        var linkIndex: [String: Int] = [:]
        var counts: [String: [ProtocolFamily: Int]] = [:]
        for edge in graph.edges {
            guard let from = groupOf[edge.from], let to = groupOf[edge.to] else { continue }
            if from == to {
                nodes[index[from]!].inside += 1
                continue
            }
            let key = min(from, to) + "\u{0}" + max(from, to)
            if linkIndex[key] == nil {
                linkIndex[key] = links.count
                let product = nodes[index[from]!].product ?? nodes[index[to]!].product
                links.append(Link(id: "land-link-\(links.count + 1)", from: from, to: to, both: false, edges: [], families: [], product: product))
            }
            if links[linkIndex[key]!].from != from { links[linkIndex[key]!].both = true }
            links[linkIndex[key]!].edges.append(edge.id)
            counts[key, default: [:]][edge.family, default: 0] += 1
        }
        for (key, position) in linkIndex {
            let families = counts[key] ?? [:]
            links[position].families = families.keys.sorted { (families[$0]!, $1) > (families[$1]!, $0) }
        }
        self.nodes = nodes
        self.links = links
        self.connections = graph.edges.count
    }
}
