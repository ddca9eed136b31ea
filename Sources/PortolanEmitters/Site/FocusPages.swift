import PortolanAnalysis
import PortolanModel

/// The site's focus pages: one per component a connection touches, at `focus-<id>.html` beside the
/// index (a page without downloads needs no folder; the site's folders are its views), showing the
/// component, every connection touching it in any product, and its neighbours only. Every
/// component name on a page links to its focus page.
public enum FocusPages {
    /// The focus graphs of the platform, with their page slugs, in drawing order.
    public static func graphs(_ platform: ComponentGraph) -> [(slug: String, graph: ComponentGraph)] {
        let touched = Set(platform.edges.flatMap { [$0.from, $0.to] })
        return platform.nodes.filter { touched.contains($0.id) }.compactMap { node in
            ComponentGraphs.focus(node.name, in: platform).map { (slug(node), $0) }
        }
    }

    /// "focus-redis" for the node "node-redis": node ids are unique in the platform graph, and no
    /// view's folder is a file name ending in ".html".
    public static func slug(_ node: ComponentGraph.Node) -> String {
        "focus-" + (node.id.hasPrefix("node-") ? String(node.id.dropFirst(5)) : node.id)
    }

    /// The page of a focus graph, with its drawing's SVG.
    public static func page(slug: String, graph: ComponentGraph, svg: String) -> SitePage {
        let centre = String(graph.title.dropFirst("Focus: ".count))
        let products = graph.edges.reduce(into: [String]()) { if !$0.contains($1.product) { $0.append($1.product) } }
        let intro = "\(centre) and every connection that touches it, in \(products.joined(separator: ", ")): "
            + "\(graph.edges.count) connection\(graph.edges.count == 1 ? "" : "s"), with the components at their other ends."
        var sources: [String] = []
        for edge in graph.edges where !sources.contains(edge.document) { sources.append(edge.document) }
        return SitePage(view: graph.view, focus: centre, name: centre, slug: slug, subject: nil, intro: [intro], sources: sources, graph: graph,
                        svg: svg, services: [], listening: [], ruleCount: 0, findings: [],
                        findingsSource: "Warnings are listed on each product's page.", downloads: [])
    }

    /// Component name -> focus page slug, for the pages `graphs(platform)` makes (known before
    /// any of them is drawn, so the other pages can link to them).
    public static func links(platform: ComponentGraph) -> [String: String] {
        let touched = Set(platform.edges.flatMap { [$0.from, $0.to] })
        var links: [String: String] = [:]
        for node in platform.nodes where touched.contains(node.id) { links[node.name] = slug(node) }
        return links
    }

    /// Component name -> focus page slug, from the focus pages made.
    public static func links(_ pages: [SitePage]) -> [String: String] {
        var links: [String: String] = [:]
        for page in pages where page.focus != nil { links[page.name] = page.slug }
        return links
    }
}
