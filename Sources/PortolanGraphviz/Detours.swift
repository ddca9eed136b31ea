@preconcurrency import CGraphviz

/// Portolan's own touch to `dot`'s routing: a line that cuts the corner of a component it does
/// not connect is bent around it. `dot` routes each line through the gaps between ranks and
/// nodes, and its spline fitting can clip a neighbour's corner by a few points (three lines of
/// Voice Microservices did, with badges as xlabels). After the layout, the inner control points
/// of such a line that lie over the component are moved to the side of it the line passes on,
/// with a margin, until the line clears it (or a few rounds have passed). The ends, and so the
/// arrowheads, stay where `dot` put them. It runs as part of every layout, so the same DOT text
/// always gives the same drawing.
enum Detours {
    /// Space kept between a bent line and the component it goes around, in points.
    static let margin = 5.0

    /// Bends the lines of a laid-out graph around the components they cut; the number bent.
    @discardableResult
    static func apply(_ graph: UnsafeMutablePointer<Agraph_t>) -> Int {
        var boxes: [(node: UnsafeMutablePointer<Agnode_t>, box: LayoutGeometry.Box)] = []
        var node = agfstnode(graph)
        while let current = node {
            if let data = nodeInfo(current) {
                boxes.append((current, LayoutGeometry.Box(id: "", x: data.coord.x, y: data.coord.y,
                                                          width: data.width * 72, height: data.height * 72)))
            }
            node = agnxtnode(graph, current)
        }
        var bent = 0
        node = agfstnode(graph)
        while let current = node {
            var edge = agfstout(graph, current)
            while let out = edge {
                let others = boxes.filter { $0.node != current && $0.node != out.pointee.node }.map(\.box)
                if bend(out, around: others) { bent += 1 }
                edge = agnxtout(graph, out)
            }
            node = agnxtnode(graph, current)
        }
        return bent
    }

    private static func bend(_ edge: UnsafeMutablePointer<Agedge_t>, around boxes: [LayoutGeometry.Box]) -> Bool {
        guard let info = UnsafeMutableRawPointer(edge).assumingMemoryBound(to: Agobj_t.self).pointee.data
            .map({ UnsafeMutableRawPointer($0).assumingMemoryBound(to: Agedgeinfo_t.self) }),
              let splines = info.pointee.spl, let pieces = splines.pointee.list else { return false }
        var changed = false
        for piece in 0..<Int(splines.pointee.size) {
            let bezier = pieces[piece]
            guard let points = bezier.list, bezier.size >= 4 else { continue }
            let count = Int(bezier.size)
            for _ in 0..<4 {
                let line = LayoutGeometry.flatten((0..<count).map { (points[$0].x, points[$0].y) })
                guard let box = boxes.first(where: { box in
                    zip(line, line.dropFirst()).contains { LayoutGeometry.segment($0, $1, enters: box) }
                }) else { break }
                // The side the line passes on: where its points over the component lie on average.
                let over = line.filter { abs($0.0 - box.x) <= box.width / 2 + margin }
                let above = (over.map(\.1).reduce(0, +) / Double(max(over.count, 1))) >= box.y
                let top = box.y + box.height / 2 + margin, bottom = box.y - box.height / 2 - margin
                let reach = box.width / 2 + box.height + margin
                var moved = false
                for index in 1..<(count - 1) where abs(points[index].x - box.x) <= reach {
                    if above, points[index].y < top { points[index].y = top; moved = true }
                    if !above, points[index].y > bottom { points[index].y = bottom; moved = true }
                }
                if !moved { break }
                changed = true
            }
        }
        return changed
    }

    private static func nodeInfo(_ node: UnsafeMutablePointer<Agnode_t>) -> Agnodeinfo_t? {
        UnsafeMutableRawPointer(node).assumingMemoryBound(to: Agobj_t.self).pointee.data
            .map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: Agnodeinfo_t.self).pointee }
    }
}
