import Foundation

/// Where Graphviz put the edge labels, read from its JSON output, and which of them collide.
public enum LabelLayout {
    public struct Label: Sendable, Hashable {
        /// The edge's `id` attribute, or its Graphviz number when it has none.
        public var edge: String
        public var text: String
        /// Centre and size in points.
        public var x: Double
        public var y: Double
        public var width: Double
        public var height: Double

        func overlaps(_ other: Label) -> Bool {
            abs(x - other.x) < (width + other.width) / 2 && abs(y - other.y) < (height + other.height) / 2
        }
    }

    /// The edge labels of a graph rendered as `json`. A label's box is its text plus the
    /// badge's padding and border; without text it is a small square.
    public static func labels(json: Data) -> [Label] {
        guard let root = try? JSONSerialization.jsonObject(with: json) as? [String: Any],
              let edges = root["edges"] as? [[String: Any]] else { return [] }
        return edges.compactMap { edge in
            guard let position = edge["lp"] as? String else { return nil }
            let numbers = position.split(separator: ",").compactMap { Double($0) }
            guard numbers.count == 2 else { return nil }
            let draws = edge["_ldraw_"] as? [[String: Any]] ?? []
            let texts = draws.filter { $0["op"] as? String == "T" }
            let width = texts.compactMap { $0["width"] as? Double }.max() ?? 8
            let size = draws.compactMap { $0["size"] as? Double }.max() ?? 11
            let id = edge["id"] as? String ?? "\(edge["_gvid"] as? Int ?? -1)"
            let text = texts.compactMap { $0["text"] as? String }.joined(separator: " ")
            return Label(edge: id, text: text, x: numbers[0], y: numbers[1], width: width + 8, height: size + 6)
        }
    }

    /// Pairs of edge labels whose boxes overlap, in edge order.
    public static func collisions(_ labels: [Label]) -> [(Label, Label)] {
        var found: [(Label, Label)] = []
        for (index, label) in labels.enumerated() {
            for other in labels[(index + 1)...] where label.overlaps(other) { found.append((label, other)) }
        }
        return found
    }
}

extension Graphviz {
    /// Of several DOT texts for the same drawing, the first whose edge labels do not collide once
    /// laid out, or else the one with the fewest collisions (ties: the earlier). Returns its index
    /// and the collisions it keeps.
    public static func firstReadable(_ candidates: [String]) throws -> (index: Int, collisions: [(LabelLayout.Label, LabelLayout.Label)]) {
        var best: (index: Int, collisions: [(LabelLayout.Label, LabelLayout.Label)])?
        var lastFailure: Error?
        for (index, dot) in candidates.enumerated() {
            let json: Data
            do {
                json = try render(dot: dot, format: .json).data
            } catch {
                lastFailure = error
                continue
            }
            let collisions = LabelLayout.collisions(LabelLayout.labels(json: json))
            if collisions.isEmpty { return (index, []) }
            if best == nil || collisions.count < best!.collisions.count { best = (index, collisions) }
        }
        if let best { return best }
        throw lastFailure ?? Failure(messages: ["no DOT text to lay out"], stage: "lay out the graph")
    }
}
