import PortolanAnalysis

/// Pushes egress parties to the right edge of a left-to-right drawing. (Graphviz 2.43 ignores
/// `rank=max` once `newrank` is on, and `newrank` is what keeps clustered layouts from failing.)
enum EdgeLengths {
    /// One `minlen` per edge, in edge order: edges into an egress party span from their source's
    /// column to one past the last column of everything else; other edges keep 1.
    static func egressToRight(_ graph: ComponentGraph) -> [Int] {
        let isEgress = Set(graph.nodes.filter { $0.placement == .external(.egress) }.map(\.id))
        guard !isEgress.isEmpty else { return graph.edges.map { _ in 1 } }
        let column = longestPathColumns(graph)
        let last = graph.nodes.filter { !isEgress.contains($0.id) }.map { column[$0.id] ?? 0 }.max() ?? 0
        return graph.edges.map { edge in
            guard isEgress.contains(edge.to), !isEgress.contains(edge.from) else { return 1 }
            return max(1, last + 1 - (column[edge.from] ?? 0))
        }
    }

    /// Column of each node by longest path from the sources, with edges that close a cycle
    /// (found by depth-first search in node order) left out.
    static func longestPathColumns(_ graph: ComponentGraph) -> [String: Int] {
        var successors: [String: [String]] = [:]
        for edge in graph.edges where edge.from != edge.to { successors[edge.from, default: []].append(edge.to) }
        var state: [String: Int] = [:]  // 1 on the stack, 2 done
        var order: [String] = []        // reverse postorder = topological order of the acyclic part
        var forward: [String: [String]] = [:]
        func visit(_ id: String) {
            state[id] = 1
            for next in successors[id] ?? [] {
                if state[next] == 1 { continue }  // closes a cycle
                forward[id, default: []].append(next)
                if state[next] == nil { visit(next) }
            }
            state[id] = 2
            order.append(id)
        }
        for node in graph.nodes where state[node.id] == nil { visit(node.id) }
        var column: [String: Int] = [:]
        for id in order.reversed() {
            let here = column[id] ?? 0
            column[id] = here
            for next in forward[id] ?? [] { column[next] = max(column[next] ?? 0, here + 1) }
        }
        return column
    }
}
