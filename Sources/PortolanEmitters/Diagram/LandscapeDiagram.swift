import PortolanAnalysis
import PortolanModel

/// The landscape as DOT: products as large boxes in their fill colour, shared infrastructure in
/// its shapes, the other platform services and the outside parties as one node each; one line
/// per pair and direction, labelled with how many rows it stands for and their families, and
/// linked (with the products) to the product's page. Pure and deterministic.
public enum LandscapeDiagram {
    /// `link` gives the address of a product's page from its slug ("voice-microservices/index.html"),
    /// or nil to draw no links.
    /// Layouts tried in turn (`nodesep`, `ranksep`, and whether the counts are xlabels or
    /// labels `dot` makes room for); the renderer keeps the best-scoring one.
    public static let spacings: [(nodes: Double, ranks: Double, xlabels: Bool)] = [
        (0.9, 0.9, true), (0.6, 1.2, true), (1.2, 0.8, true), (0.6, 1.2, false), (0.9, 0.9, false), (0.4, 1.6, false),
    ]

    public static func dot(_ landscape: Landscape, spacing: (nodes: Double, ranks: Double, xlabels: Bool) = spacings[0],
                           link: (String) -> String? = { _ in nil }) -> String {
        var out = DOTWriter()
        out.line("digraph \"landscape\" {")
        out.indent += 1
        let title = "Platform landscape: \(landscape.connections) connections"
        let subtitle = "One line per pair of parts; its label counts the rows it stands for. Click a product for its page."
        out.line("graph [id=\"diagram-landscape\" rankdir=LR splines=true nodesep=\(spacing.nodes) ranksep=\(spacing.ranks) pad=0.3 forcelabels=true size=\"31,31\"")
        out.line("       fontname=\(DOTText.quoted(DiagramStyle.font)) fontsize=16 labelloc=t labeljust=l")
        out.line("       label=<<b>\(DOTText.html(title))</b><br align=\"left\"/><font point-size=\"11\">\(DOTText.html(subtitle))</font><br align=\"left\"/>> tooltip=\(DOTText.quoted(title))]")
        out.line("node [fontname=\(DOTText.quoted(DiagramStyle.font)) fontsize=12 margin=\"0.2,0.1\" penwidth=1.2]")
        out.line("edge [fontname=\(DOTText.quoted(DiagramStyle.font)) fontsize=10 arrowsize=0.8]")
        let fills = DiagramStyle.productFills(landscape.nodes.compactMap(\.product))
        out.blank()
        for node in landscape.nodes { out.line(nodeStatement(node, fill: fills[node.product ?? ""], link: link)) }
        out.blank()
        for item in landscape.links { out.line(linkStatement(item, xlabel: spacing.xlabels, link: link)) }
        out.indent -= 1
        out.line("}")
        return out.text
    }

    static func nodeStatement(_ node: Landscape.Node, fill: String?, link: (String) -> String?) -> String {
        let name = DOTText.html(DOTText.shortened(node.name, to: ConnectionDiagram.nameLimit))
        let count = node.members.count
        var detail = "\(count) component\(count == 1 ? "" : "s")"
        if node.inside > 0 { detail += ", \(node.inside) connection\(node.inside == 1 ? "" : "s") inside" }
        var label = "<b>\(name)</b>"
        var shape: DiagramStyle.Shape
        switch node.kind {
        case .product:
            shape = DiagramStyle.Shape(shape: "box", style: "rounded,filled", fill: fill ?? "#ffffff", border: "#2e86c1")
            label += "<br/><font point-size=\"10\">\(detail)</font>"
        case .infrastructure:
            shape = DiagramStyle.shape(node.componentKind)
        case .peers, .ingress, .egress:
            shape = DiagramStyle.shape(node.kind == .peers ? .workload : .external)
            let names = DOTText.shortened(node.members.joined(separator: ", "), to: 80)
            label += "<br/><font point-size=\"9\" color=\"#566573\">\(DOTText.html(names))</font>"
        }
        let tooltip = DOTText.shortened("\(node.name): \(detail)\n" + node.members.joined(separator: ", "), to: ConnectionDiagram.tooltipLimit)
        let url = node.product.flatMap(link).map { " URL=\(DOTText.quoted($0)) target=\"_top\"" } ?? ""
        return "\(DOTText.quoted(node.id)) [id=\(DOTText.quoted(node.id)) class=\"landscape \(node.kind.rawValue)\""
            + " shape=\(shape.shape) style=\(DOTText.quoted(shape.style)) fillcolor=\(DOTText.quoted(shape.fill)) color=\(DOTText.quoted(shape.border))"
            + (node.kind == .product ? " penwidth=2 fontsize=14" : "")
            + " label=<\(label)> tooltip=\(DOTText.quoted(tooltip))\(url)]"
    }

    static func linkStatement(_ item: Landscape.Link, xlabel: Bool = true, link: (String) -> String?) -> String {
        let count = item.edges.count
        let main = item.families.first ?? .other
        let line = DiagramStyle.line(main)
        let families = item.families.map(\.rawValue).joined(separator: ", ")
        let text = "\(count) connection\(count == 1 ? "" : "s"): \(families)"
        let width = min(6.0, 1.2 + Double(count).squareRoot() * 0.6)
        let url = item.product.flatMap(link).map { " URL=\(DOTText.quoted($0)) target=\"_top\"" } ?? ""
        let badge = "<table border=\"1\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"2\" style=\"rounded\" color=\"\(line.color)\" bgcolor=\"white\">"
            + "<tr><td><font point-size=\"10\" color=\"\(line.color)\"><b>\(count)</b> connection\(count == 1 ? "" : "s"):</font></td></tr>"
            + "<tr><td><font point-size=\"9\" color=\"\(line.color)\">\(DOTText.html(families))</font></td></tr></table>"
        let classes = "landscape-link family-\(main.slug)" + (item.product.map { " product-\($0)" } ?? "")
        return "\(DOTText.quoted(item.from)) -> \(DOTText.quoted(item.to)) [id=\(DOTText.quoted(item.id)) class=\(DOTText.quoted(classes))"
            + " color=\(DOTText.quoted(line.color)) penwidth=\(format2(width))" + (item.both ? " dir=both arrowtail=normal" : "")
            + " \(xlabel ? "xlabel" : "label")=<\(badge)> tooltip=\(DOTText.quoted(DOTText.shortened(text, to: ConnectionDiagram.tooltipLimit)))\(url)]"
    }

    /// A width with two decimals, the same on every platform.
    static func format2(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
