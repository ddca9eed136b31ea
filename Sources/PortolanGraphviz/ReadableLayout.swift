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
        /// How the chosen layout measured.
        public var score: LayoutScore
    }

    /// Lays out candidate DOT texts of one drawing in turn, scores each (`LayoutScore`: badge
    /// collisions, lines through components, crossings, detached badges, size) and keeps the one
    /// with the lowest cost (ties go to the earlier); it stops early at a candidate with no
    /// collisions, no line through a component, no detached badge and at most `enoughCrossings`
    /// crossings. Labels the chosen layout placed away from their own line are then named to `dot`
    /// as "leaders" (edges that draw a line from label to edge; the layout stays the same). The
    /// chosen layout is kept and rendered in `formats` with its leaders switched on, so each
    /// drawing costs one layout per candidate tried and no more.
    /// `formats` is asked once the DOT text is chosen, so a caller that already has a drawing of
    /// that text can leave its format out.
    public static func readableLayout(candidates count: Int, enoughCrossings: Int = 0,
                                      formats: (_ chosen: String) -> [Format] = { _ in [] },
                                      dot: (_ candidate: Int, _ leaders: Set<String>) -> String) throws -> Readable {
        try locked {
            var best: (index: Int, problems: LabelLayout.Problems, score: LayoutScore, graph: UnsafeMutablePointer<Agraph_t>, warnings: [String])?
            defer { if let best { agclose(best.graph) } }
            var lastFailure: Error?
            var lastLaidOut = -1
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
                lastLaidOut = index
                // One candidate has nothing to be compared with: its score is not measured.
                let score = count == 1 ? LayoutScore() : LaidOutGeometry.score(graph, problems: problems)
                let warnings = takeMessages()
                if best == nil || score.cost < best!.score.cost {
                    if let previous = best { agclose(previous.graph) }
                    best = (index, problems, score, graph, warnings)
                } else {
                    agclose(graph)
                }
                if score.collisions == 0, score.throughNodes == 0, score.detached == 0, score.crossings <= enoughCrossings,
                   score.cost == score.crossings { break }
            }
            guard var chosen = best else {
                throw lastFailure ?? Failure(messages: ["no DOT text to lay out"], stage: "lay out the graph")
            }
            if chosen.index != lastLaidOut {
                // Graphviz 2.43 keeps some state of the last layout (xlabel placement among it):
                // rendering an earlier graph after a later layout crashes in emit_graph. The chosen
                // text is laid out again (the same text gives the same layout).
                agclose(chosen.graph)
                best = nil
                chosen.graph = try layOut(dot(chosen.index, []), decoratable: true)
                chosen.problems = LaidOutGeometry.problems(chosen.graph)
                best = chosen
                _ = takeMessages()
            }
            // decorate draws from the label `dot` ranked (ED_label); an xlabel has none.
            let leaders = Set(chosen.problems.detached.filter { !$0.external }.map(\.edge))
            decorate(chosen.graph, edges: leaders)
            let text = dot(chosen.index, leaders)
            var drawings: [Format: Data] = [:]
            for format in formats(text) { drawings[format] = try renderLaidOut(chosen.graph, format: format) }
            return Readable(dot: text, drawings: drawings, warnings: chosen.warnings + takeMessages(),
                            collisions: chosen.problems.collisions, score: chosen.score)
        }
    }
}
