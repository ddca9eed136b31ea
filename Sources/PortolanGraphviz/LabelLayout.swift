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

    /// What a layout got wrong about labels.
    public struct Problems: Sendable {
        /// Labels whose boxes overlap (edge labels and cluster titles).
        public var collisions: [(Label, Label)] = []
        /// Edge labels placed away from their own line.
        public var detached: [Label] = []

        public var count: Int { collisions.count + detached.count }
    }

    /// Checks a graph rendered as `json`: edge labels must not overlap one another or a
    /// cluster's title, and must sit on (or right beside) their own edge.
    public static func problems(json: Data) -> Problems {
        guard let root = try? JSONSerialization.jsonObject(with: json) as? [String: Any] else { return Problems() }
        var edges: [(label: Label, line: [(Double, Double)])] = []
        for edge in root["edges"] as? [[String: Any]] ?? [] {
            guard let label = label(of: edge, name: edge["id"] as? String ?? "edge \(edge["_gvid"] as? Int ?? -1)") else { continue }
            edges.append((label, splinePoints(edge["pos"] as? String ?? "")))
        }
        let titles = (root["objects"] as? [[String: Any]] ?? []).compactMap { object -> Label? in
            guard let name = object["name"] as? String, name.hasPrefix("cluster") else { return nil }
            return label(of: object, name: name)
        }
        return problems(edges: edges, titles: titles)
    }

    /// Edge labels must not overlap one another or a cluster's title (`titles`), and must sit on
    /// (or right beside) their own edge's line.
    public static func problems(edges: [(label: Label, line: [(Double, Double)])], titles: [Label]) -> Problems {
        var problems = Problems()
        for (label, line) in edges {
            if let distance = distance(from: (label.x, label.y), toPolyline: line),
               distance > max(label.width, label.height) / 2 + 12 {
                problems.detached.append(label)
            }
        }
        problems.collisions = collisions(edges.map(\.label) + titles)
        return problems
    }

    /// The edge labels of a graph rendered as `json`.
    public static func labels(json: Data) -> [Label] {
        guard let root = try? JSONSerialization.jsonObject(with: json) as? [String: Any] else { return [] }
        return (root["edges"] as? [[String: Any]] ?? []).compactMap { edge in
            label(of: edge, name: edge["id"] as? String ?? "edge \(edge["_gvid"] as? Int ?? -1)")
        }
    }

    /// A label's box: its text plus the badge's padding and border.
    static func label(of object: [String: Any], name: String) -> Label? {
        guard let position = (object["lp"] as? String).flatMap(point) else { return nil }
        let draws = object["_ldraw_"] as? [[String: Any]] ?? []
        let texts = draws.filter { $0["op"] as? String == "T" }
        return label(name: name, x: position.0, y: position.1,
                     texts: texts.compactMap { text in
                         (text["text"] as? String).map { ($0, (text["width"] as? NSNumber)?.doubleValue ?? 0) }
                     },
                     fontSizes: draws.compactMap { ($0["size"] as? NSNumber)?.doubleValue })
    }

    /// A label's box from its centre, its lines of text (with their widths) and font sizes.
    static func label(name: String, x: Double, y: Double, texts: [(text: String, width: Double)], fontSizes: [Double]) -> Label {
        let width = texts.map(\.width).max() ?? 8
        let size = fontSizes.max() ?? 11
        return Label(edge: name, text: texts.map(\.text).joined(separator: " "), x: x, y: y, width: width + 8, height: size + 6)
    }

    /// "x,y" as Graphviz writes a label's position.
    static func point(_ text: String) -> (Double, Double)? {
        let numbers = text.split(separator: ",").compactMap { Double($0) }
        return numbers.count == 2 ? (numbers[0], numbers[1]) : nil
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

    /// Distance from a point to a piecewise cubic Bézier curve (Graphviz's edge splines), sampled
    /// finely; a straight polyline when the points do not form whole cubic pieces.
    static func distance(from point: (Double, Double), toPolyline points: [(Double, Double)]) -> Double? {
        guard let first = points.first else { return nil }
        var curve: [(Double, Double)] = [first]
        if (points.count - 1) % 3 == 0 {
            var start = 0
            while start + 3 < points.count {
                let (p0, p1, p2, p3) = (points[start], points[start + 1], points[start + 2], points[start + 3])
                for step in 1...20 {
                    let t = Double(step) / 20, u = 1 - t
                    let a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t
                    curve.append((a * p0.0 + b * p1.0 + c * p2.0 + d * p3.0, a * p0.1 + b * p1.1 + c * p2.1 + d * p3.1))
                }
                start += 3
            }
        } else {
            curve = points
        }
        if curve.count == 1 { return hypot(point.0 - first.0, point.1 - first.1) }
        var best = Double.infinity
        for (a, b) in zip(curve, curve.dropFirst()) {
            let dx = b.0 - a.0, dy = b.1 - a.1
            let length = dx * dx + dy * dy
            let t = length == 0 ? 0 : max(0, min(1, ((point.0 - a.0) * dx + (point.1 - a.1) * dy) / length))
            best = min(best, hypot(point.0 - (a.0 + t * dx), point.1 - (a.1 + t * dy)))
        }
        return best
    }
}
