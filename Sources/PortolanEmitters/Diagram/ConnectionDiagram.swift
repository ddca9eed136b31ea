import PortolanAnalysis
import PortolanModel

/// A connection diagram as DOT text: clusters for the products, a group for shared
/// infrastructure, external parties on the left (ingress) and right (egress), one edge per
/// connection with its number as a badge, and a legend of the protocol families used.
/// Pure and deterministic: the same graph gives the same bytes.
public enum ConnectionDiagram {
    /// Layout choices the renderer may try in turn. Graphviz 2.43's `dot` sometimes places two
    /// edge labels on one spot, or a label away from its line, when clusters meet; another
    /// arrangement of the shared infrastructure usually avoids it. The renderer keeps the first
    /// choice whose labels it finds apart and on their lines. (Rank constraints such as
    /// `rank=source` and `newrank=true` are not used: with clusters, 2.43 fails or misplaces
    /// labels with them.)
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
        public enum Engine: String, Sendable { case dot, sfdp }
        /// `dot` draws the layered diagrams; `sfdp` the overview of a very large view.
        public var engine: Engine

        public init(infrastructure: Infrastructure = .cluster, spacing: (nodes: Double, ranks: Double) = (0.3, 1.1),
                    leaders: Set<String> = [], flat: Bool = false, engine: Engine = .dot) {
            self.infrastructure = infrastructure
            self.spacing = spacing
            self.leaders = leaders
            self.flat = flat
            self.engine = engine
        }

        public static func == (lhs: Options, rhs: Options) -> Bool {
            lhs.infrastructure == rhs.infrastructure && lhs.spacing == rhs.spacing && lhs.leaders == rhs.leaders
                && lhs.flat == rhs.flat && lhs.engine == rhs.engine
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(flat)
            hasher.combine(engine)
            hasher.combine(infrastructure)
            hasher.combine(spacing.nodes)
            hasher.combine(spacing.ranks)
            hasher.combine(leaders)
        }

        /// Every choice, best-looking first: the infrastructure box at three spacings, then without it.
        public static let candidates = [
            Options(infrastructure: .cluster),
            Options(infrastructure: .cluster, spacing: (0.45, 1.3)),
            Options(infrastructure: .cluster, spacing: (0.25, 0.9)),
            Options(infrastructure: .loose),
            Options(infrastructure: .loose, flat: true),
        ]

        /// Above this many connections a view is an overview: no boxes, laid out by sfdp. With
        /// clusters, Graphviz 2.43's dot usually fails at that size ("trouble in init_rank"), and
        /// without them it takes half a minute for 800 connections where sfdp takes half a second.
        public static let overviewAbove = 300

        /// The choices worth trying for a graph of this size, best-looking first.
        public static func candidates(connections: Int) -> [Options] {
            connections > overviewAbove ? [Options(infrastructure: .loose, flat: true, engine: .sfdp)] : candidates
        }
    }

    public static func dot(_ graph: ComponentGraph, options: Options = Options()) -> String {
        var out = DOTWriter()
        let name = graph.view == .platform ? "platform" : Slug.make(graph.title)
        out.line("digraph \(DOTText.quoted(name)) {")
        out.indent += 1
        let title = "\(graph.title): connections (\(graph.edges.count))"
        let subtitle = "The number on each line is the connection's number in the table."
        out.line("graph [id=\"diagram-\(name)\" rankdir=LR splines=true nodesep=\(options.spacing.nodes) ranksep=\(options.spacing.ranks) pad=0.3")
        if options.engine == .sfdp {
            // Hundreds of connections: a force-directed layout in a fraction of a second, where
            // dot takes minutes; straight lines, nodes kept apart.
            out.line("       layout=sfdp overlap=prism splines=false")
        }
        out.line("       fontname=\(DOTText.quoted(DiagramStyle.font)) fontsize=16 labelloc=t labeljust=l")
        out.line("       label=<<b>\(DOTText.html(title))</b><br align=\"left\"/><font point-size=\"11\">\(DOTText.html(subtitle))</font><br align=\"left\"/>> tooltip=\(DOTText.quoted(title))]")
        out.line("node [fontname=\(DOTText.quoted(DiagramStyle.font)) fontsize=12 margin=\"0.15,0.06\" penwidth=1.2]")
        out.line("edge [fontname=\(DOTText.quoted(DiagramStyle.font)) fontsize=10 arrowsize=0.7]")

        for group in graph.groups where options.flat {
            out.blank()
            out.line("// product \(group.slug): drawn without its box (see Options.flat)")
            let owned = graph.nodes.filter { $0.placement == .owned(group.slug) }
            let connected = Set(graph.edges.flatMap { [$0.from, $0.to] })
            for node in owned where connected.contains(node.id) { out.line(nodeStatement(node)) }
            let listed = owned.filter { !connected.contains($0.id) }
            if !listed.isEmpty { out.line(listStatement(listed, group: group)) }
        }
        for group in graph.groups where !options.flat {
            out.blank()
            out.line("subgraph \(DOTText.quoted("cluster_product_\(group.slug)")) {")
            out.indent += 1
            out.line("graph [id=\"product-\(group.slug)\" class=\"product\" label=<<b>\(DOTText.html(group.name))</b>>")
            out.line("       style=\"rounded,filled\" fillcolor=\"#eaf2fb\" color=\"#2e86c1\" penwidth=1.5 fontsize=14 margin=14]")
            let owned = graph.nodes.filter { $0.placement == .owned(group.slug) }
            let connected = Set(graph.edges.flatMap { [$0.from, $0.to] })
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
        for edge in graph.edges { out.line(edgeStatement(edge, in: graph, leader: options.leaders.contains(edge.id))) }

        out.blank()
        out.line(legend(graph.families))
        out.indent -= 1
        out.line("}")
        return out.text
    }

    static func nodeStatement(_ node: ComponentGraph.Node) -> String {
        let shape = DiagramStyle.shape(node.kind)
        var label = DOTText.wrap(node.name, width: 22).map(DOTText.html).joined(separator: "<br/>")
        if !node.otherNames.isEmpty {
            let also = node.otherNames.map(DOTText.html).joined(separator: ", ")
            label += "<br/><font point-size=\"9\" color=\"#566573\">also: \(also)</font>"
        }
        var tooltip = "\(node.name) (\(node.kind.rawValue))"
        if !node.otherNames.isEmpty { tooltip += "\nalso written: " + node.otherNames.joined(separator: ", ") }
        let placement: String
        switch node.placement {
        case .owned: placement = "owned"
        case .infrastructure: placement = "infrastructure"
        case .external(let side): placement = "external \(side.rawValue)"
        case .peer: placement = "peer"
        }
        return "\(DOTText.quoted(node.id)) [id=\(DOTText.quoted(node.id)) class=\"component \(node.kind.rawValue) \(placement)\""
            + " shape=\(shape.shape) style=\(DOTText.quoted(shape.style)) fillcolor=\(DOTText.quoted(shape.fill))"
            + " color=\(DOTText.quoted(shape.border)) label=<\(label)> tooltip=\(DOTText.quoted(tooltip))]"
    }

    /// Components of a product without connections (included services the table never names),
    /// listed in one box; each row keeps the component's id.
    static func listStatement(_ nodes: [ComponentGraph.Node], group: ComponentGraph.Group) -> String {
        var rows = "<tr><td align=\"left\"><font point-size=\"10\" color=\"#566573\">Also included</font></td></tr>"
        for node in nodes {
            rows += "<tr><td align=\"left\" id=\(DOTText.htmlAttribute(node.id)) tooltip=\(DOTText.htmlAttribute(node.name))>\(DOTText.html(node.name))</td></tr>"
        }
        let id = "services-\(group.slug)"
        return "\(DOTText.quoted(id)) [id=\(DOTText.quoted(id)) class=\"component-list\" shape=box style=\"rounded,filled\""
            + " fillcolor=\"#ffffff\" color=\"#aeb6bf\" margin=\"0.05,0.03\""
            + " label=<<table border=\"0\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"2\">\(rows)</table>>]"
    }

    static func edgeStatement(_ edge: ComponentGraph.Edge, in graph: ComponentGraph, leader: Bool = false) -> String {
        let line = DiagramStyle.line(edge.family)
        let connection = edge.connection
        let number = DOTText.html(connection.number)
        let badge = "<table border=\"1\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"2\" style=\"rounded\""
            + " color=\"\(line.color)\" bgcolor=\"white\"><tr><td><font point-size=\"11\" color=\"\(line.color)\"><b>\(number)</b></font></td></tr></table>"
        let source = graph.node(edge.from)?.name ?? edge.from
        let destination = graph.node(edge.to)?.name ?? edge.to
        let ports = connection.ports.text ?? (connection.ports.ranges.isEmpty ? "no port given" : connection.ports.ranges.map(\.description).joined(separator: ", "))
        var tooltip = "\(graph.view == .platform ? edge.product + " " : "")#\(connection.number): \(source) → \(destination)"
        tooltip += "\n\(connection.protocol ?? "no protocol given"), port \(ports), \(connection.classification ?? "unclassified")"
        if !connection.description.isEmpty { tooltip += "\n" + connection.description }
        let classes = "connection family-\(edge.family.slug) class-\(DiagramStyle.classificationClass(connection.classification))"
            + (graph.view == .platform ? " product-\(edge.productSlug)" : "")
        return "\(DOTText.quoted(edge.from)) -> \(DOTText.quoted(edge.to)) [id=\(DOTText.quoted(edge.id)) class=\(DOTText.quoted(classes))"
            + " color=\(DOTText.quoted(line.color)) style=\(line.style) penwidth=\(line.width)"
            + (leader ? " decorate=true" : "")
            + " label=<\(badge)> tooltip=\(DOTText.quoted(tooltip)) labeltooltip=\(DOTText.quoted(tooltip))]"
    }

    static func legend(_ families: [ProtocolFamily]) -> String {
        var rows = "<tr><td colspan=\"2\" align=\"left\"><b>Protocols</b></td></tr>"
        for family in families {
            let line = DiagramStyle.line(family)
            rows += "<tr><td align=\"left\"><font color=\"\(line.color)\">\(DOTText.html(line.sample))</font></td>"
                + "<td align=\"left\">\(DOTText.html(family.rawValue))</td></tr>"
        }
        return "\"legend\" [id=\"legend\" class=\"legend\" shape=plain label=<<table border=\"1\" cellborder=\"0\" cellspacing=\"0\""
            + " cellpadding=\"4\" color=\"#aab7b8\" bgcolor=\"white\">\(rows)</table>>]"
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
