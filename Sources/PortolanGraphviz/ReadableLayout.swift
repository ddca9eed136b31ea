@preconcurrency import CGraphviz
import Foundation

extension Graphviz {
    /// What `readableLayout` chose: the DOT text, its drawings and what is still wrong with it.
    public struct Readable: Sendable {
        /// The chosen candidate with its leader lines: laid out again, it gives the same drawings.
        public var dot: String
        /// The chosen layout rendered in each format asked for.
        public var drawings: [Format: Data]
        /// Graphviz's warnings for the chosen layout.
        public var warnings: [String]
        /// The label overlaps of the chosen layout (none unless every candidate had some).
        public var collisions: [(LabelLayout.Label, LabelLayout.Label)]
    }

    /// Lays out candidate DOT texts of one drawing in turn and keeps the first whose edge labels
    /// and cluster titles do not overlap (or else the one with the fewest overlaps; ties go to the
    /// earlier). Labels it finds away from their own line are then named to `dot` as "leaders"
    /// (edges that should draw a line from label to edge; the layout stays the same). The chosen
    /// layout is kept and rendered in `formats` with its leaders switched on, so each drawing
    /// costs one layout per candidate tried and no more.
    /// `formats` is asked once the DOT text is chosen, so a caller that already has a drawing of
    /// that text can leave its format out.
    public static func readableLayout(candidates count: Int, formats: (_ chosen: String) -> [Format] = { _ in [] },
                                      dot: (_ candidate: Int, _ leaders: Set<String>) -> String) throws -> Readable {
        try locked {
            var best: (index: Int, problems: LabelLayout.Problems, graph: UnsafeMutablePointer<Agraph_t>, warnings: [String])?
            defer { if let best { agclose(best.graph) } }
            var lastFailure: Error?
            for index in 0..<count {
                let graph: UnsafeMutablePointer<Agraph_t>
                let problems: LabelLayout.Problems
                do {
                    graph = try layOut(dot(index, []), decoratable: true)
                    problems = LaidOutGeometry.problems(graph)
                } catch {
                    lastFailure = error
                    _ = takeMessages()
                    continue
                }
                let warnings = takeMessages()
                if best == nil || problems.collisions.count < best!.problems.collisions.count {
                    if let previous = best { agclose(previous.graph) }
                    best = (index, problems, graph, warnings)
                } else {
                    agclose(graph)
                }
                if problems.collisions.isEmpty { break }
            }
            guard let chosen = best else {
                throw lastFailure ?? Failure(messages: ["no DOT text to lay out"], stage: "lay out the graph")
            }
            let leaders = Set(chosen.problems.detached.map(\.edge))
            decorate(chosen.graph, edges: leaders)
            let text = dot(chosen.index, leaders)
            var drawings: [Format: Data] = [:]
            for format in formats(text) { drawings[format] = try renderLaidOut(chosen.graph, format: format) }
            return Readable(dot: text, drawings: drawings,
                            warnings: chosen.warnings + takeMessages(), collisions: chosen.problems.collisions)
        }
    }
}
