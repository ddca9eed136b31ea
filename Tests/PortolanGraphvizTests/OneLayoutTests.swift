import Foundation
import PortolanAnalysis
import PortolanEmitters
@testable import PortolanGraphviz
import Testing

/// `readableLayout` lays each candidate out once, reads its labels from the graph in memory and
/// draws the chosen one from that same layout (with leader lines switched on afterwards). These
/// tests hold it to the slower way: the JSON reading, and a fresh layout of the DOT text it returns.
@Suite struct OneLayoutTests {
    static func graphs() throws -> [ComponentGraph] {
        try DiagramSeeds.productGraphs().map(\.1) + [try DiagramSeeds.platformGraph()]
    }

    /// The label boxes read from memory are the badges Graphviz draws: the same centre and size
    /// as the badge paths in the SVG of the same layout, for every candidate of every seed diagram.
    @Test func labelBoxesAreTheBadgesInTheSVG() throws {
        var compared = 0
        for graph in try Self.graphs() {
            for options in ConnectionDiagram.Options.candidates {
                let dot = ConnectionDiagram.dot(graph, options: options)
                let boxes = try LaidOutGeometry.edgeLabels(dot: dot)
                let badges = DiagramSeeds.badges(svg: String(decoding: try Graphviz.render(dot: dot, format: .svg).data, as: UTF8.self))
                #expect(boxes.count == graph.edges.count && badges.count == graph.edges.count, "\(graph.title)")
                for box in boxes {
                    guard let badge = badges[box.edge] else {
                        Issue.record("\(graph.title): no badge for \(box.edge)")
                        continue
                    }
                    #expect(abs(badge.x - box.x) < 0.01 && abs(badge.y - box.y) < 0.01, "\(graph.title) \(box.edge) centre")
                    #expect(abs(badge.width - box.width) < 0.01 && abs(badge.height - box.height) < 0.01, "\(graph.title) \(box.edge) size")
                    compared += 1
                }
            }
        }
        #expect(compared == 5 * (13 + 27 + 60 + 22 + 122))
    }

    /// The drawings made from the kept layout are what laying out the returned DOT text gives,
    /// leader lines included. Every seed diagram now scores best with xlabels, which sit on
    /// their lines and never take a leader (with cluster boxes and `dot`-ranked labels three did).
    @Test func drawingsAreThoseOfTheReturnedDOT() throws {
        var withLeaders = 0
        for graph in try Self.graphs() {
            let readable = try DiagramSeeds.readable(graph)  // formats [.svg, .json]
            if readable.dot.contains("decorate=true") { withLeaders += 1 }
            let again = try Graphviz.render(dot: readable.dot, formats: [.svg, .json])
            #expect(readable.drawings[.svg] == again.data[.svg], "\(graph.title)")
            // The kept graph declares `decorate` for every edge (false unless a leader), which the
            // JSON lists; the positions of everything are the same.
            let kept = String(decoding: readable.drawings[.json] ?? Data(), as: UTF8.self)
                .replacingOccurrences(of: "      \"decorate\": \"false\",\n", with: "")
            #expect(kept == String(decoding: again.data[.json] ?? Data(), as: UTF8.self), "\(graph.title)")
        }
        #expect(withLeaders == 0)
    }

    /// `formats` is asked with the chosen text, so a caller can leave out what it already has.
    @Test func formatsAreAskedWithTheChosenText() throws {
        let graph = try #require(try Self.graphs().first)
        var asked: [String] = []
        let readable = try Graphviz.readableLayout(candidates: 1, formats: { asked.append($0); return [] }) { _, leaders in
            var options = ConnectionDiagram.Options.candidates[0]
            options.leaders = leaders
            return ConnectionDiagram.dot(graph, options: options)
        }
        #expect(asked == [readable.dot])
        #expect(readable.drawings.isEmpty)
    }
}
