import PortolanAnalysis
import PortolanModel

/// How connection diagrams look: one line style per protocol family, one shape per kind.
public enum DiagramStyle {
    /// DejaVu Sans first: `make` installs it (Debian's fonts-dejavu-core), so Graphviz measures
    /// every label with the same font whatever else the machine has. "Helvetica" alone resolves
    /// to whichever metric-compatible font fontconfig finds (Nimbus Sans once Ghostscript's fonts
    /// are installed, Liberation Sans or DejaVu otherwise), and the drawings shifted with it.
    public static let font = "DejaVu Sans,Helvetica,Arial,sans-serif"

    public struct Line: Sendable, Hashable {
        public var color: String
        /// DOT edge style: solid, dashed, dotted or bold.
        public var style: String
        public var width: Double
        /// The sample the legend prints for it.
        public var sample: String
    }

    public static func line(_ family: ProtocolFamily) -> Line {
        switch family {
        case .tcp: Line(color: "#4d4d4d", style: "solid", width: 1.2, sample: "━━━━")
        case .http: Line(color: "#1f63c6", style: "solid", width: 1.6, sample: "━━━━")
        case .sip: Line(color: "#8e44ad", style: "dashed", width: 1.6, sample: "━ ━ ━")
        case .rtp: Line(color: "#d35400", style: "dotted", width: 2.2, sample: "• • • •")
        case .kafka: Line(color: "#7b4f2c", style: "dashed", width: 1.6, sample: "━ ━ ━")
        case .redis: Line(color: "#c0392b", style: "dashed", width: 1.4, sample: "━ ━ ━")
        case .postgres: Line(color: "#117a65", style: "bold", width: 2.0, sample: "━━━━")
        case .messaging: Line(color: "#6c3483", style: "dashed", width: 1.6, sample: "━ ━ ━")
        case .ssh: Line(color: "#212f3d", style: "bold", width: 1.6, sample: "━━━━")
        case .fileShare: Line(color: "#1e8449", style: "dashed", width: 1.6, sample: "━ ━ ━")
        case .directory: Line(color: "#b7950b", style: "solid", width: 1.6, sample: "━━━━")
        case .dns: Line(color: "#2e86c1", style: "dotted", width: 1.8, sample: "• • • •")
        case .ntp: Line(color: "#17a589", style: "dotted", width: 1.8, sample: "• • • •")
        case .mail: Line(color: "#a04000", style: "solid", width: 1.4, sample: "━━━━")
        case .monitoring: Line(color: "#5d6d7e", style: "dashed", width: 1.2, sample: "━ ━ ━")
        case .remoteDesktop: Line(color: "#943126", style: "bold", width: 1.6, sample: "━━━━")
        case .other: Line(color: "#7f8c8d", style: "dotted", width: 1.4, sample: "• • • •")
        }
    }

    public struct Shape: Sendable, Hashable {
        public var shape: String
        public var style: String
        public var fill: String
        public var border: String
    }

    public static func shape(_ kind: ComponentKind) -> Shape {
        switch kind {
        case .workload: Shape(shape: "box", style: "rounded,filled", fill: "#ffffff", border: "#34495e")
        case .datastore: Shape(shape: "cylinder", style: "filled", fill: "#fdf2e0", border: "#b9770e")
        case .queue: Shape(shape: "box3d", style: "filled", fill: "#f4ecf7", border: "#7d3c98")
        case .external: Shape(shape: "box", style: "rounded,dashed,filled", fill: "#f2f3f4", border: "#5d6d7e")
        }
    }

    /// Fills that tell products' components apart once no box groups them, in product order.
    static let productPalette = ["#d6eaf8", "#d5f5e3", "#fdebd0", "#ebdef0", "#fadbd8", "#d0ece7", "#fcf3cf", "#e5e8e8"]

    /// Each product slug's fill: the palette in order, repeating past its end.
    public static func productFills(_ slugs: [String]) -> [String: String] {
        var fills: [String: String] = [:]
        for (index, slug) in slugs.enumerated() where fills[slug] == nil {
            fills[slug] = productPalette[index % productPalette.count]
        }
        return fills
    }

    /// CSS class for a classification cell: "ingress", "egress" or "intra-cluster" for whatever
    /// `ClassificationKind(written:)` recognises ("INTRA CLUSTER", "IntraCluster"), "unclassified"
    /// for an empty cell, otherwise the written text as a slug ("ingress-egress").
    public static func classificationClass(_ written: String?) -> String {
        guard let written, !written.allSatisfy(\.isWhitespace) else { return "unclassified" }
        return Slug.make(ClassificationKind(written: written)?.rawValue ?? written)
    }
}
