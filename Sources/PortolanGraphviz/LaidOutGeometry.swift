@preconcurrency import CGraphviz
import Foundation

/// The label boxes and edge lines of a graph Graphviz has just laid out, read from the graph in
/// memory once it is rendered as `xdot` (which sets `lp`, `pos` and the `_ldraw_` drawing
/// operations on every object; libxdot parses the latter). The same facts `LabelLayout` reads
/// from the `json` output, without writing and parsing a JSON document per candidate layout.
enum LaidOutGeometry {
    /// Lays out DOT text and reads its label problems from memory, as `readableLayout` does for
    /// each candidate (so tests can compare this reading with the JSON one).
    static func problems(dot: String) throws -> LabelLayout.Problems {
        try Graphviz.locked {
            let graph = try Graphviz.layOut(dot, decoratable: true)
            defer { agclose(graph) }
            _ = try Graphviz.renderLaidOut(graph, format: .xdot)
            return problems(graph)
        }
    }

    /// The caller holds Graphviz's lock; `graph` was laid out and rendered as `xdot`.
    static func problems(_ graph: UnsafeMutablePointer<Agraph_t>) -> LabelLayout.Problems {
        var edges: [(label: LabelLayout.Label, line: [(Double, Double)])] = []
        var count = 0
        var node = agfstnode(graph)
        while let current = node {
            var edge = agfstout(graph, current)
            while let out = edge {
                let name = attribute(out, "id").flatMap { $0.isEmpty ? nil : $0 } ?? "edge \(count)"
                count += 1
                if let label = label(out, name: name) {
                    edges.append((label, LabelLayout.splinePoints(attribute(out, "pos") ?? "")))
                }
                edge = agnxtout(graph, out)
            }
            node = agnxtnode(graph, current)
        }
        return LabelLayout.problems(edges: edges, titles: clusterTitles(graph))
    }

    /// Titles of the clusters at any depth, in the order the text declares them.
    private static func clusterTitles(_ graph: UnsafeMutablePointer<Agraph_t>) -> [LabelLayout.Label] {
        var titles: [LabelLayout.Label] = []
        var subgraph = agfstsubg(graph)
        while let current = subgraph {
            let name = agnameof(UnsafeMutableRawPointer(current)).map { String(cString: $0) } ?? ""
            if name.hasPrefix("cluster"), let title = label(current, name: name) { titles.append(title) }
            titles += clusterTitles(current)
            subgraph = agnxtsubg(current)
        }
        return titles
    }

    private static func label<Object>(_ object: UnsafeMutablePointer<Object>, name: String) -> LabelLayout.Label? {
        guard let position = attribute(object, "lp").flatMap(LabelLayout.point) else { return nil }
        var texts: [(text: String, width: Double)] = []
        var sizes: [Double] = []
        if let drawing = attribute(object, "_ldraw_"), !drawing.isEmpty {
            drawing.withCString { text in
                guard let parsed = parseXDot(UnsafeMutablePointer(mutating: text)) else { return }
                defer { freeXDot(parsed) }
                let stride = Int(parsed.pointee.sz)
                let base = UnsafeRawPointer(parsed.pointee.ops)
                for index in 0..<Int(parsed.pointee.cnt) {
                    guard let op = base?.advanced(by: index * stride).assumingMemoryBound(to: xdot_op.self).pointee else { continue }
                    switch op.kind {
                    case xd_text: texts.append((op.u.text.text.map { String(cString: $0) } ?? "", op.u.text.width))
                    case xd_font: sizes.append(op.u.font.size)
                    default: continue
                    }
                }
            }
        }
        return LabelLayout.label(name: name, x: position.0, y: position.1, texts: texts, fontSizes: sizes)
    }

    private static func attribute<Object>(_ object: UnsafeMutablePointer<Object>, _ name: String) -> String? {
        Graphviz.withName(name) { agget(UnsafeMutableRawPointer(object), $0) }.map { String(cString: $0) }
    }
}
