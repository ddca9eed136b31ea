import Foundation

/// Where Graphviz put the edge labels and cluster titles (read by `LaidOutGeometry`), which of
/// them collide, and which sit away from their own line.
public enum LabelLayout {
    public struct Label: Sendable, Hashable {
        /// The edge's `id` attribute (or its Graphviz number when it has none), or the cluster's name.
        public var edge: String
        /// Centre and size in points: the box Graphviz made for the label (an edge's number badge
        /// with its padding and border, a cluster's title).
        public var x: Double
        public var y: Double
        public var width: Double
        public var height: Double
        /// An `xlabel` (placed beside the finished line): it cannot take a leader line.
        public var external = false

        /// Boxes overlapping by more than half a point both ways (as the bench counts them:
        /// badges that merely touch are apart).
        func overlaps(_ other: Label) -> Bool {
            abs(x - other.x) < (width + other.width) / 2 - 0.5 && abs(y - other.y) < (height + other.height) / 2 - 0.5
        }
    }

    /// What a layout got wrong about labels.
    public struct Problems: Sendable {
        /// Labels whose boxes overlap (edge labels and cluster titles).
        public var collisions: [(Label, Label)] = []
        /// Edge labels placed away from their own line.
        public var detached: [Label] = []
    }

    /// Edge labels must not overlap one another or a cluster's title (`titles`), and must sit on
    /// (or right beside) their own edge's line.
    public static func problems(edges: [(label: Label, line: [(Double, Double)])], titles: [Label]) -> Problems {
        var problems = Problems()
        for (label, line) in edges {
            if let gap = gap(between: label, and: line), gap > detachedGap {
                problems.detached.append(label)
            }
        }
        problems.collisions = collisions(edges.map(\.label) + titles)
        return problems
    }

    /// How far (points) a badge's box may stand from its line: 6 pt, 8 px at 100 %, as
    /// `Tests/Bench/layout_metrics.py` counts a badge detached.
    static let detachedGap = 6.0

    /// The gap between a label's box and its edge's line (0 when the line touches the box).
    static func gap(between label: Label, and points: [(Double, Double)]) -> Double? {
        let curve = LayoutGeometry.flatten(points, steps: 20)
        guard let first = curve.first else { return nil }
        func gap(_ p: (Double, Double)) -> Double {
            hypot(max(abs(p.0 - label.x) - label.width / 2, 0), max(abs(p.1 - label.y) - label.height / 2, 0))
        }
        var best = gap(first)
        for (a, b) in zip(curve, curve.dropFirst()) {
            for step in 1...8 {
                let t = Double(step) / 8
                best = min(best, gap((a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1))))
            }
        }
        return best
    }

    /// Pairs of labels whose boxes overlap, in order.
    public static func collisions(_ labels: [Label]) -> [(Label, Label)] {
        var found: [(Label, Label)] = []
        for (index, label) in labels.enumerated() {
            for other in labels[(index + 1)...] where label.overlaps(other) { found.append((label, other)) }
        }
        return found
    }

    /// The control points of a `pos` spline ("e,x,y s,x,y p0 c1 c2 p1 c1 c2 p2 ..."): end markers
    /// (`e,` and `s,`) left out.
    static func splinePoints(_ pos: String) -> [(Double, Double)] {
        pos.split(whereSeparator: { $0 == " " || $0 == ";" }).compactMap { token in
            let parts = token.split(separator: ",")
            guard parts.count == 2, let x = Double(parts[0]), let y = Double(parts[1]) else { return nil }
            return (x, y)
        }
    }
}
