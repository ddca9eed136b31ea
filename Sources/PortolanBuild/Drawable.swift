import PortolanAnalysis
import PortolanModel

/// What Graphviz is given for a view: the view itself, or above `linesAbove` connections one line
/// per product and pair of components (the first row's), so the drawing takes seconds whatever
/// the number of rows. The view's tables, sheets and site rows keep every row.
enum Drawable {
    static let linesAbove = 2_000

    static func graph(_ graph: ComponentGraph) -> ComponentGraph {
        guard graph.edges.count > linesAbove else { return graph }
        struct Line: Hashable { var product: String, from: String, to: String }
        var seen: Set<Line> = []
        var drawn = graph
        drawn.edges = graph.edges.filter { seen.insert(Line(product: $0.productSlug, from: $0.from, to: $0.to)).inserted }
        return drawn
    }

    /// The note a view drawn with fewer lines than rows gets, or nil.
    static func note(_ graph: ComponentGraph, drawn: Int) -> Diagnostic? {
        guard drawn < graph.edges.count else { return nil }
        return Diagnostic(.note, "\(graph.edges.count) connections are more than \(linesAbove): drawn as \(drawn) lines, one per product and pair of components (labelled with its first row), and its focus pages likewise; the tables, sheets and site pages list every row")
    }
}
