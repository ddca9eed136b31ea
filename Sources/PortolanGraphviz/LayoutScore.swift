import Foundation

/// How readable a layout is, measured on its geometry the way `Tests/Bench/diagram_metrics.py`
/// measures the SVG: lines crossing, lines through components they do not touch, badges on one
/// another or away from their line, and a drawing too large or too narrow. The renderer lays out
/// each candidate and keeps the one with the lowest cost.
public struct LayoutScore: Sendable, Hashable, CustomStringConvertible {
    public var crossings = 0
    public var throughNodes = 0
    /// Badges on another badge, or on a component.
    public var collisions = 0
    public var detached = 0
    /// Width and height in points (1 pt = 4/3 CSS px).
    public var width = 0.0
    public var height = 0.0

    /// The largest side a drawing should have: about 3000 px at 100 %.
    public static let largestSide = 2250.0

    /// Collisions hide numbers and lines through components mislead, so they weigh most; a badge
    /// away from its line gets a leader line and costs less; a drawing over 3000 px or more
    /// than twice as long as wide costs as much as a hundred crossings.
    public var cost: Int {
        var cost = collisions * 100 + throughNodes * 40 + detached * 6 + crossings
        if max(width, height) > Self.largestSide { cost += 100 }
        if width > 0, height > 0, max(width / height, height / width) > 2 { cost += 100 }
        return cost
    }

    public var description: String {
        "\(crossings) crossings, \(throughNodes) through components, \(collisions) badge collisions, \(detached) detached, \(Int(width))x\(Int(height)) pt"
    }
}

/// The geometry a score is measured on.
public enum LayoutGeometry {
    public struct Box: Sendable, Hashable {
        public var id: String
        public var x: Double, y: Double, width: Double, height: Double

        public init(id: String, x: Double, y: Double, width: Double, height: Double) {
            (self.id, self.x, self.y, self.width, self.height) = (id, x, y, width, height)
        }

        func contains(_ point: (Double, Double), margin: Double) -> Bool {
            abs(point.0 - x) <= width / 2 + margin && abs(point.1 - y) <= height / 2 + margin
        }
    }

    public struct Line: Sendable {
        public var id: String
        public var tail: String
        public var head: String
        /// The drawn line as a polyline (Bézier pieces flattened).
        public var points: [(Double, Double)]

        public init(id: String, tail: String, head: String, points: [(Double, Double)]) {
            (self.id, self.tail, self.head, self.points) = (id, tail, head, points)
        }
    }

    /// Proper crossings between the lines of different edges. A meeting within 3 pt of a node
    /// both edges end at is where they join, not a crossing; meetings of one pair closer than
    /// 1 pt count once.
    public static func crossings(_ lines: [Line], nodes: [Box]) -> Int {
        let boxes = Dictionary(nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let bounds = lines.map(bounds)
        var count = 0
        for i in lines.indices {
            for j in lines.indices where j > i && overlap(bounds[i], bounds[j]) {
                let shared = Set([lines[i].tail, lines[i].head]).intersection([lines[j].tail, lines[j].head]).compactMap { boxes[$0] }
                var found: [(Double, Double)] = []
                for (a, b) in zip(lines[i].points, lines[i].points.dropFirst()) {
                    for (c, d) in zip(lines[j].points, lines[j].points.dropFirst()) {
                        guard let point = intersection(a, b, c, d) else { continue }
                        if shared.contains(where: { $0.contains(point, margin: 3) }) { continue }
                        if found.contains(where: { hypot($0.0 - point.0, $0.1 - point.1) < 1 }) { continue }
                        found.append(point)
                    }
                }
                count += found.count
            }
        }
        return count
    }

    /// Edges whose line enters (1 pt inside) a node that is neither of its ends.
    public static func throughNodes(_ lines: [Line], nodes: [Box]) -> Int {
        lines.filter { line in
            nodes.contains { node in
                node.id != line.tail && node.id != line.head && node.width > 2 && node.height > 2
                    && zip(line.points, line.points.dropFirst()).contains { segment($0, $1, enters: node) }
            }
        }.count
    }

    /// Cubic Bézier pieces (p0 c1 c2 p1 c1 c2 p2 ...) as a polyline of `steps` points a piece; a
    /// plain polyline when the points do not form whole pieces.
    public static func flatten(_ points: [(Double, Double)], steps: Int = 12) -> [(Double, Double)] {
        guard let first = points.first, (points.count - 1) % 3 == 0, points.count > 1 else { return points }
        var curve: [(Double, Double)] = [first]
        var start = 0
        while start + 3 < points.count {
            let (p0, p1, p2, p3) = (points[start], points[start + 1], points[start + 2], points[start + 3])
            for step in 1...steps {
                let t = Double(step) / Double(steps), u = 1 - t
                let a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t
                curve.append((a * p0.0 + b * p1.0 + c * p2.0 + d * p3.0, a * p0.1 + b * p1.1 + c * p2.1 + d * p3.1))
            }
            start += 3
        }
        return curve
    }

    private static func bounds(_ line: Line) -> (Double, Double, Double, Double) {
        let xs = line.points.map(\.0), ys = line.points.map(\.1)
        return (xs.min() ?? 0, ys.min() ?? 0, xs.max() ?? 0, ys.max() ?? 0)
    }

    private static func overlap(_ a: (Double, Double, Double, Double), _ b: (Double, Double, Double, Double)) -> Bool {
        a.0 <= b.2 && b.0 <= a.2 && a.1 <= b.3 && b.1 <= a.3
    }

    /// Where segments ab and cd cross properly (not at their ends, not parallel).
    static func intersection(_ a: (Double, Double), _ b: (Double, Double), _ c: (Double, Double), _ d: (Double, Double)) -> (Double, Double)? {
        let r = (b.0 - a.0, b.1 - a.1), s = (d.0 - c.0, d.1 - c.1)
        let denominator = r.0 * s.1 - r.1 * s.0
        guard abs(denominator) > 1e-9 else { return nil }
        let t = ((c.0 - a.0) * s.1 - (c.1 - a.1) * s.0) / denominator
        let u = ((c.0 - a.0) * r.1 - (c.1 - a.1) * r.0) / denominator
        guard t > 1e-9, t < 1 - 1e-9, u > 1e-9, u < 1 - 1e-9 else { return nil }
        return (a.0 + t * r.0, a.1 + t * r.1)
    }

    /// Whether segment pq passes through the node's box shrunk by 1 pt (Liang-Barsky clipping).
    static func segment(_ p: (Double, Double), _ q: (Double, Double), enters box: Box) -> Bool {
        let (minX, maxX) = (box.x - box.width / 2 + 1, box.x + box.width / 2 - 1)
        let (minY, maxY) = (box.y - box.height / 2 + 1, box.y + box.height / 2 - 1)
        var (t0, t1) = (0.0, 1.0)
        let dx = q.0 - p.0, dy = q.1 - p.1
        for (edge, distance) in [(-dx, p.0 - minX), (dx, maxX - p.0), (-dy, p.1 - minY), (dy, maxY - p.1)] {
            if edge == 0 {
                if distance < 0 { return false }
                continue
            }
            let t = distance / edge
            if edge < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
            if t0 > t1 { return false }
        }
        return true
    }
}
