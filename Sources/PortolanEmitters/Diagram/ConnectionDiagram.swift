import PortolanAnalysis
import PortolanModel

/// A connection diagram as DOT text: the products' components in their fill colours, shared
/// infrastructure, external parties, other platform services, one edge per connection with its
/// number as a badge (with the product's prefix on the platform), and a legend of the protocol
/// families used and the products' colours.
/// Pure and deterministic: the same graph gives the same bytes.
public enum ConnectionDiagram {
    /// Layout choices the renderer tries in turn; it lays each out once, scores it
    /// (`Graphviz.readableLayout`, `LayoutScore`) and keeps the best. Cluster boxes
    /// (`flat == false`) are still drawn when asked for, but no candidate uses them any more.
    public struct Options: Sendable, Hashable {
        public enum Infrastructure: String, CaseIterable, Sendable {
            /// A box around the shared infrastructure.
            case cluster
            /// No box; the members keep their shapes, colours and the `infrastructure` class.
            case loose
        }

        public var infrastructure: Infrastructure
        /// Space between nodes and between columns (`nodesep`, `ranksep`, inches).
        public var spacing: (nodes: Double, ranks: Double)
        /// Edge ids whose label gets a leader line to its edge (`decorate=true`): the renderer
        /// names the labels `dot` placed away from their line.
        public var leaders: Set<String>
        /// No boxes at all: products' components are drawn loose (their classes and colours say
        /// whose they are). Graphviz 2.43's `dot` cannot always rank large clustered graphs
        /// ("trouble in init_rank"); without clusters it can.
        public var flat: Bool
        /// `twopi`: a focus view, its component in the middle and its neighbours around it.
        public enum Engine: String, Sendable { case dot, sfdp, twopi }
        /// `dot` draws the layered diagrams; `sfdp` the overview of a very large view.
        public var engine: Engine

        /// How an edge carries its number badge: `label` makes Graphviz rank the badge as a
        /// virtual node (space is kept for it, but long edges detour around it); `xlabel` places
        /// it beside the finished line (straighter lines, the badge on its line).
        public enum Badges: String, Sendable { case label, xlabel }
        public var badges: Badges

        /// The defaults are the first candidate: no boxes, badges as xlabels.
        public init(infrastructure: Infrastructure = .loose, spacing: (nodes: Double, ranks: Double) = (0.3, 1.1),
                    leaders: Set<String> = [], flat: Bool = true, engine: Engine = .dot, badges: Badges = .xlabel) {
            self.infrastructure = infrastructure
            self.spacing = spacing
            self.leaders = leaders
            self.flat = flat
            self.engine = engine
            self.badges = badges
        }

        public static func == (lhs: Options, rhs: Options) -> Bool {
            lhs.infrastructure == rhs.infrastructure && lhs.spacing == rhs.spacing && lhs.leaders == rhs.leaders
                && lhs.flat == rhs.flat && lhs.engine == rhs.engine && lhs.badges == rhs.badges
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(flat)
            hasher.combine(engine)
            hasher.combine(infrastructure)
            hasher.combine(spacing.nodes)
            hasher.combine(spacing.ranks)
            hasher.combine(leaders)
            hasher.combine(badges)
        }

        /// Every choice, in the order they are tried; the renderer keeps the one its layout
        /// score (`Graphviz.LayoutScore`) rates best. All are drawn without boxes: measured on the
        /// seeds, a cluster box made `dot` route most lines around it (Voice Microservices 398
        /// crossings with its box, 46 without; the platform 1,419 and 227), so a product's
        /// components are told apart by their fill colour instead (see the legend).
        public static let candidates = [
            Options(infrastructure: .loose, flat: true, badges: .xlabel),
            Options(infrastructure: .loose, flat: true, badges: .label),
            Options(infrastructure: .loose, spacing: (0.25, 0.9), flat: true, badges: .xlabel),
            Options(infrastructure: .loose, spacing: (0.45, 1.3), flat: true, badges: .xlabel),
            Options(infrastructure: .loose, spacing: (0.25, 0.9), flat: true, badges: .label),
        ]

        /// Above this many connections a view is an overview: no boxes, laid out by sfdp, which
        /// takes half a second where dot takes half a minute for 800 connections.
        public static let overviewAbove = 300

        /// The choices worth trying for a graph, best-looking first: a focus view is drawn
        /// radially first (measured on the Redis focus view of the seeds: 3 crossings, aspect
        /// 1.07, where `dot` drew a column 0.3 as wide as tall).
        public static func candidates(for graph: ComponentGraph) -> [Options] {
            let layered = candidates(connections: graph.edges.count)
            guard graph.centre != nil, graph.edges.count <= overviewAbove else { return layered }
            return [Options(infrastructure: .loose, flat: true, engine: .twopi, badges: .xlabel)] + layered
        }

        /// The choices worth trying for a graph of this size, best-looking first.
        public static func candidates(connections: Int) -> [Options] {
            connections > overviewAbove ? [Options(infrastructure: .loose, flat: true, engine: .sfdp, badges: .label)] : candidates
        }
    }

    public static func dot(_ graph: ComponentGraph, options: Options = Options()) -> String {
        var out = DOTWriter()
        let name = graph.view == .platform && graph.title == "Platform" ? "platform" : Slug.make(graph.title)
        out.line("digraph \(DOTText.quoted(name)) {")
        out.indent += 1
        let title = "\(graph.title): connections (\(graph.edges.count))"
        let subtitle = "The number on each line is the connection's number in the table."
        out.line("graph [id=\"diagram-\(name)\" rankdir=LR splines=true nodesep=\(options.spacing.nodes) ranksep=\(options.spacing.ranks) pad=0.3")
        // At most about 3000 px a side at 100 %: larger layouts are drawn scaled down.
        out.line("       size=\"31,31\"")
        if options.engine == .sfdp {
            // Hundreds of connections: a force-directed layout in a fraction of a second, where
            // dot takes minutes; straight lines, nodes kept apart.
            out.line("       layout=sfdp overlap=prism splines=false")
        }
        if options.badges == .xlabel { out.line("       forcelabels=true") }
        if options.engine == .twopi, let centre = graph.centre {
            out.line("       layout=twopi root=\(DOTText.quoted(centre)) overlap=false ranksep=2.2")
        }
        out.line("       fontname=\(DOTText.quoted(DiagramStyle.font)) fontsize=16 labelloc=t labeljust=l")
        out.line("       label=<<b>\(DOTText.html(title))</b><br align=\"left\"/><font point-size=\"11\">\(DOTText.html(subtitle))</font><br align=\"left\"/>> tooltip=\(DOTText.quoted(title))]")
        out.line("node [fontname=\(DOTText.quoted(DiagramStyle.font)) fontsize=12 margin=\"0.15,0.06\" penwidth=1.2]")
        out.line("edge [fontname=\(DOTText.quoted(DiagramStyle.font)) fontsize=10 arrowsize=0.7]")

        let fills = DiagramStyle.productFills(graph.groups.map(\.slug))
        let connected = Set(graph.edges.flatMap { [$0.from, $0.to] })
        for group in graph.groups where options.flat {
            out.blank()
            out.line("// product \(group.slug): drawn without a box, its components filled \(fills[group.slug] ?? "") (see the legend)")
            let owned = graph.nodes.filter { $0.placement == .owned(group.slug) }
            for node in owned where connected.contains(node.id) { out.line(nodeStatement(node, fill: fills[group.slug])) }
            let listed = owned.filter { !connected.contains($0.id) }
            if !listed.isEmpty { out.line(listStatement(listed, group: group)) }
        }
        for group in graph.groups where !options.flat {
            out.blank()
            out.line("subgraph \(DOTText.quoted("cluster_product_\(group.slug)")) {")
            out.indent += 1
            out.line("graph [id=\"product-\(group.slug)\" class=\"product\" label=<<b>\(DOTText.html(DOTText.shortened(group.name)))</b>>")
            out.line("       style=\"rounded,filled\" fillcolor=\"#eaf2fb\" color=\"#2e86c1\" penwidth=1.5 fontsize=14 margin=14]")
            let owned = graph.nodes.filter { $0.placement == .owned(group.slug) }
            for node in owned where connected.contains(node.id) { out.line(nodeStatement(node)) }
            let listed = owned.filter { !connected.contains($0.id) }
            if !listed.isEmpty { out.line(listStatement(listed, group: group)) }
            out.indent -= 1
            out.line("}")
        }

        let infrastructure = graph.nodes.filter { $0.placement == .infrastructure }
        if !infrastructure.isEmpty, options.infrastructure == .loose {
            out.blank()
            out.line("// Shared infrastructure")
            for node in infrastructure { out.line(nodeStatement(node)) }
        } else if !infrastructure.isEmpty {
            out.blank()
            out.line("subgraph \"cluster_infrastructure\" {")
            out.indent += 1
            out.line("graph [id=\"infrastructure\" class=\"infrastructure\" label=<<b>Shared infrastructure</b>>")
            out.line("       style=\"rounded,filled\" fillcolor=\"#fbf7ee\" color=\"#b9770e\" penwidth=1.2 fontsize=14 margin=12]")
            for node in infrastructure { out.line(nodeStatement(node)) }
            out.indent -= 1
            out.line("}")
        }

        let peers = graph.nodes.filter { $0.placement == .peer }
        if !peers.isEmpty {
            out.blank()
            out.line("// Other platform services")
            for node in peers { out.line(nodeStatement(node)) }
        }

        for side in [ComponentGraph.Side.ingress, .egress] {
            let externals = graph.nodes.filter { $0.placement == .external(side) }
            if externals.isEmpty { continue }
            out.blank()
            out.line("// External parties, \(side == .ingress ? "ingress on the left" : "egress on the right")")
            for node in externals { out.line(nodeStatement(node)) }
        }

        out.blank()
        out.line("// Connections, in table order")
        let prefixes = graph.view == .platform ? BadgePrefix.make(graph.edges.map { ($0.product, $0.productSlug) }) : [:]
        for edge in graph.edges {
            out.line(edgeStatement(edge, in: graph, leader: options.leaders.contains(edge.id), prefix: prefixes[edge.productSlug],
                                   badges: options.badges))
        }

        out.blank()
        let products = options.flat ? graph.groups.map { group in
            DiagramLegend.Product(name: group.name, fill: fills[group.slug] ?? "#ffffff", prefix: prefixes[group.slug])
        } : []
        out.line(DiagramLegend.statement(families: graph.families, products: products))
        out.indent -= 1
        out.line("}")
        return out.text
    }
}

/// Indented lines; the emitter's only state.
struct DOTWriter {
    var text = ""
    var indent = 0

    mutating func line(_ content: String) {
        text += String(repeating: "    ", count: indent) + content + "\n"
    }

    mutating func blank() {
        text += "\n"
    }
}
