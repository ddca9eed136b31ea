import PortolanAnalysis
import PortolanModel

/// The DOT statements of one component, one list of included services and one connection.
extension ConnectionDiagram {
    /// The longest description a tooltip carries; the table and the site keep it whole.
    public static let tooltipLimit = 600
    /// The longest name a node label shows (wrapped); the tooltip and the tables keep it whole.
    public static let nameLimit = 120

    static func nodeStatement(_ node: ComponentGraph.Node, fill: String? = nil) -> String {
        let shape = DiagramStyle.shape(node.kind)
        var label = DOTText.wrap(DOTText.shortened(node.name, to: nameLimit), width: 22).map(DOTText.html).joined(separator: "<br/>")
        if !node.otherNames.isEmpty {
            let also = DOTText.shortened(node.otherNames.joined(separator: ", "), to: nameLimit)
            label += "<br/><font point-size=\"9\" color=\"#566573\">also: \(DOTText.html(also))</font>"
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
        let fillColor = node.kind == .workload ? (fill ?? shape.fill) : shape.fill
        return "\(DOTText.quoted(node.id)) [id=\(DOTText.quoted(node.id)) class=\"component \(node.kind.rawValue) \(placement)\""
            + " shape=\(shape.shape) style=\(DOTText.quoted(shape.style)) fillcolor=\(DOTText.quoted(fillColor))"
            + " color=\(DOTText.quoted(shape.border)) label=<\(label)> tooltip=\(DOTText.quoted(DOTText.shortened(tooltip, to: tooltipLimit)))]"
    }

    /// Components of a product without connections (included services the table never names),
    /// listed in one box; each row keeps the component's id.
    static func listStatement(_ nodes: [ComponentGraph.Node], group: ComponentGraph.Group) -> String {
        var rows = "<tr><td align=\"left\"><font point-size=\"10\" color=\"#566573\">Also included</font></td></tr>"
        for node in nodes {
            let name = DOTText.shortened(node.name, to: nameLimit)
            rows += "<tr><td align=\"left\" id=\(DOTText.htmlAttribute(node.id)) tooltip=\(DOTText.htmlAttribute(name))>\(DOTText.html(name))</td></tr>"
        }
        let id = "services-\(group.slug)"
        return "\(DOTText.quoted(id)) [id=\(DOTText.quoted(id)) class=\"component-list\" shape=box style=\"rounded,filled\""
            + " fillcolor=\"#ffffff\" color=\"#aeb6bf\" margin=\"0.05,0.03\""
            + " label=<<table border=\"0\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"2\">\(rows)</table>>]"
    }

    /// One connection: its line in its family's style, its number (with the product's prefix in
    /// the platform view, "VM-5") as a badge, and a tooltip with the row.
    static func edgeStatement(_ edge: ComponentGraph.Edge, in graph: ComponentGraph, leader: Bool = false,
                              prefix: String? = nil, badges: Options.Badges = .label) -> String {
        let line = DiagramStyle.line(edge.family)
        let connection = edge.connection
        let number = DOTText.html(DOTText.shortened(connection.number, to: 24))
        let shown = prefix.map { "<font point-size=\"9\">\(DOTText.html($0))-</font>" } ?? ""
        let badge = "<table border=\"1\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"2\" style=\"rounded\""
            + " color=\"\(line.color)\" bgcolor=\"white\"><tr><td><font point-size=\"11\" color=\"\(line.color)\">\(shown)<b>\(number)</b></font></td></tr></table>"
        let source = graph.node(edge.from)?.name ?? edge.from
        let destination = graph.node(edge.to)?.name ?? edge.to
        let ports = connection.ports.text ?? (connection.ports.ranges.isEmpty ? "no port given" : connection.ports.ranges.map(\.description).joined(separator: ", "))
        var tooltip = "\(graph.view == .platform ? edge.product + " " : "")#\(connection.number): \(source) → \(destination)"
        tooltip += "\n\(connection.protocol ?? "no protocol given"), port \(ports), \(connection.classification ?? "unclassified")"
        if !connection.description.isEmpty { tooltip += "\n" + connection.description }
        tooltip = DOTText.shortened(tooltip, to: tooltipLimit)
        let classes = "connection family-\(edge.family.slug) class-\(DiagramStyle.classificationClass(connection.classification))"
            + (graph.view == .platform ? " product-\(edge.productSlug)" : "")
        return "\(DOTText.quoted(edge.from)) -> \(DOTText.quoted(edge.to)) [id=\(DOTText.quoted(edge.id)) class=\(DOTText.quoted(classes))"
            + " color=\(DOTText.quoted(line.color)) style=\(line.style) penwidth=\(line.width)"
            + (leader ? " decorate=true" : "")
            + " \(badges.rawValue)=<\(badge)> tooltip=\(DOTText.quoted(tooltip)) labeltooltip=\(DOTText.quoted(tooltip))]"
    }
}
