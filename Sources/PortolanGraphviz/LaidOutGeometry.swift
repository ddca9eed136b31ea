@preconcurrency import CGraphviz
import Foundation

/// The label boxes and edge lines of a graph Graphviz has just laid out, read from the graph in
/// memory: each label's centre and size as the layout made them (`ED_label(e)->pos` and
/// `->dimen`, `GD_label(cluster)`: exactly the badge Graphviz then draws), and each edge's
/// spline from the `pos` attribute `attach_attrs` sets. No output is written and parsed.
enum LaidOutGeometry {
    /// The edge label boxes of DOT text once laid out, in edge order (for tests).
    static func edgeLabels(dot: String) throws -> [LabelLayout.Label] {
        try Graphviz.locked {
            let graph = try Graphviz.layOut(dot, decoratable: true)
            defer { agclose(graph) }
            attach_attrs(graph)
            return edges(graph).map(\.label)
        }
    }

    /// The caller holds Graphviz's lock; `graph` was laid out.
    static func problems(_ graph: UnsafeMutablePointer<Agraph_t>) -> LabelLayout.Problems {
        attach_attrs(graph)
        return LabelLayout.problems(edges: edges(graph), titles: clusterTitles(graph))
    }

    /// The score of a laid-out graph whose label problems are known; the caller holds the lock
    /// and has attached the attributes (`problems` does).
    static func score(_ graph: UnsafeMutablePointer<Agraph_t>, problems: LabelLayout.Problems) -> LayoutScore {
        var nodes: [LayoutGeometry.Box] = []
        var lines: [LayoutGeometry.Line] = []
        var node = agfstnode(graph)
        while let current = node {
            let name = agnameof(UnsafeMutableRawPointer(current)).map { String(cString: $0) } ?? ""
            if let nodeInfo = info(current, as: Agnodeinfo_t.self)?.pointee {
                nodes.append(LayoutGeometry.Box(id: name, x: nodeInfo.coord.x, y: nodeInfo.coord.y,
                                                width: nodeInfo.width * 72, height: nodeInfo.height * 72))
            }
            var edge = agfstout(graph, current)
            while let out = edge {
                let head = out.pointee.node.flatMap { agnameof(UnsafeMutableRawPointer($0)) }.map { String(cString: $0) } ?? ""
                let points = LayoutGeometry.flatten(LabelLayout.splinePoints(attribute(out, "pos") ?? ""))
                lines.append(LayoutGeometry.Line(id: attribute(out, "id") ?? "", tail: name, head: head, points: points))
                edge = agnxtout(graph, out)
            }
            node = agnxtnode(graph, current)
        }
        var score = LayoutScore()
        score.crossings = LayoutGeometry.crossings(lines, nodes: nodes)
        score.throughNodes = LayoutGeometry.throughNodes(lines, nodes: nodes)
        // A badge on a component hides its name as surely as one badge hides another.
        let badges = edges(graph).map(\.label)
        let onNodes = badges.filter { badge in
            nodes.contains { node in
                node.width > 2 && abs(badge.x - node.x) < (badge.width + node.width) / 2 - 0.5
                    && abs(badge.y - node.y) < (badge.height + node.height) / 2 - 0.5
            }
        }.count
        score.collisions = problems.collisions.count + onNodes
        score.detached = problems.detached.count
        if let bounds = info(graph, as: Agraphinfo_t.self)?.pointee.bb {
            score.width = bounds.UR.x - bounds.LL.x
            score.height = bounds.UR.y - bounds.LL.y
        }
        return score
    }

    private static func edges(_ graph: UnsafeMutablePointer<Agraph_t>) -> [(label: LabelLayout.Label, line: [(Double, Double)])] {
        var edges: [(label: LabelLayout.Label, line: [(Double, Double)])] = []
        var count = 0
        var node = agfstnode(graph)
        while let current = node {
            var edge = agfstout(graph, current)
            while let out = edge {
                let name = attribute(out, "id").flatMap { $0.isEmpty ? nil : $0 } ?? "edge \(count)"
                count += 1
                let edgeInfo = info(out, as: Agedgeinfo_t.self)?.pointee
                if let label = box(edgeInfo?.label, name: name) ?? box(edgeInfo?.xlabel, name: name).map({ label in
                    var label = label
                    label.external = true
                    return label
                }) {
                    edges.append((label, LabelLayout.splinePoints(attribute(out, "pos") ?? "")))
                }
                edge = agnxtout(graph, out)
            }
            node = agnxtnode(graph, current)
        }
        return edges
    }

    /// Titles of the clusters at any depth, in the order the text declares them.
    private static func clusterTitles(_ graph: UnsafeMutablePointer<Agraph_t>) -> [LabelLayout.Label] {
        var titles: [LabelLayout.Label] = []
        var subgraph = agfstsubg(graph)
        while let current = subgraph {
            let name = agnameof(UnsafeMutableRawPointer(current)).map { String(cString: $0) } ?? ""
            if name.hasPrefix("cluster"), let title = box(info(current, as: Agraphinfo_t.self)?.pointee.label, name: name) {
                titles.append(title)
            }
            titles += clusterTitles(current)
            subgraph = agnxtsubg(current)
        }
        return titles
    }

    /// The layout's record of an object (`AGDATA`): `Agedgeinfo_t` for an edge, `Agraphinfo_t` for a graph.
    private static func info<Object, Info>(_ object: UnsafeMutablePointer<Object>, as: Info.Type) -> UnsafeMutablePointer<Info>? {
        UnsafeMutableRawPointer(object).assumingMemoryBound(to: Agobj_t.self).pointee.data
            .map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: Info.self) }
    }

    private static func box(_ label: UnsafeMutablePointer<textlabel_t>?, name: String) -> LabelLayout.Label? {
        guard let label = label?.pointee, label.set != 0 else { return nil }
        return LabelLayout.Label(edge: name, x: label.pos.x, y: label.pos.y, width: label.dimen.x, height: label.dimen.y)
    }

    private static func attribute<Object>(_ object: UnsafeMutablePointer<Object>, _ name: String) -> String? {
        Graphviz.withName(name) { agget(UnsafeMutableRawPointer(object), $0) }.map { String(cString: $0) }
    }
}
