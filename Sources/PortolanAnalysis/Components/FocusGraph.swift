import PortolanModel

extension ComponentGraphs {
    /// One component and every connection that touches it in any product, with its neighbours
    /// only: "what talks to Redis, on which port, and why". Drawn like the platform (edge ids
    /// "conn-<product>-N", badges with the product's prefix). `name` is matched against the
    /// components' names and the other names documents wrote for them, ignoring case, spaces and
    /// punctuation; nil when no component has it.
    public static func focus(_ name: String, in platform: ComponentGraph) -> ComponentGraph? {
        let wanted = Names.key(name)
        guard let centre = platform.nodes.first(where: { Names.key($0.name) == wanted })
            ?? platform.nodes.first(where: { $0.otherNames.contains { Names.key($0) == wanted } }) else { return nil }
        let edges = platform.edges.filter { $0.from == centre.id || $0.to == centre.id }
        let kept = Set(edges.flatMap { [$0.from, $0.to] } + [centre.id])
        let nodes = platform.nodes.filter { kept.contains($0.id) }
        let groups = platform.groups.filter { group in nodes.contains { $0.placement == .owned(group.slug) } }
        let products = Set(edges.map(\.product))
        return ComponentGraph(view: .platform, title: "Focus: \(centre.name)", nodes: nodes, edges: edges, groups: groups,
                              merges: platform.merges.filter { products.contains($0.product) }, centre: centre.id)
    }

    /// Every component of the platform that some connection touches, in drawing order, for one
    /// focus view each.
    public static func focusNames(in platform: ComponentGraph) -> [String] {
        let touched = Set(platform.edges.flatMap { [$0.from, $0.to] })
        return platform.nodes.filter { touched.contains($0.id) }.map(\.name)
    }
}
