import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PortolanAnalysis
import PortolanEmitters
import PortolanGraphviz
import PortolanModel
import Testing

struct DeterminismAndEscapingTests {
    /// Same input, same bytes: DOT twice, and SVG before and after laying out other graphs in
    /// the same process (Graphviz 2.43 otherwise lets earlier layouts change later ones).
    @Test func sameInputSameBytes() throws {
        let graphs = try DiagramSeeds.productGraphs().map(\.1)
        let platform = try DiagramSeeds.platformGraph()
        let dot = try DiagramSeeds.dot(platform)
        #expect(try DiagramSeeds.dot(platform) == dot)
        #expect(ConnectionDiagram.dot(platform) == ConnectionDiagram.dot(platform))
        let first = try DiagramSeeds.svg(dot)
        for graph in graphs { _ = try DiagramSeeds.svg(try DiagramSeeds.dot(graph)) }
        #expect(try DiagramSeeds.svg(dot) == first)
        #expect(!first.contains("/work/"))
    }

    static let awkward = "Svc \"quoted\" \\ back <tag> & co\nsecond line"

    func awkwardGraph() -> ComponentGraph {
        let document = Document(path: "x.md", subject: "Edge <Case> & \"Co\"", connections: [
            Connection(number: "1", source: Self.awkward, destination: "Redis", protocol: "TCP", ports: PortSpec(ranges: [PortRange(6379)], text: "6379"),
                       classification: "Egress", description: "Desc with \"quotes\", \\backslash\\, <b>not bold</b> & a\nnewline", line: 3),
            Connection(number: "2", source: "Edge <Case> & \"Co\"", destination: Self.awkward, protocol: nil, ports: .absent,
                       classification: nil, description: "", line: 4),
        ])
        let products = Products.group(Model(documents: [document]))
        return ComponentGraphs.product(products[0], among: products, aliases: AliasTable())
    }

    @Test func awkwardTextIsEscapedInDOTAndSurvivesGraphviz() throws {
        let graph = awkwardGraph()
        let dot = ConnectionDiagram.dot(graph)
        // A line break inside a component name is whitespace (names are tidied); in a description it stays.
        #expect(dot.contains("label=<Svc &quot;quoted&quot; \\ back<br/>&lt;tag&gt; &amp; co second line>"))
        #expect(dot.contains("tooltip=\"#1: Svc \\\"quoted\\\" \\\\ back <tag> & co second line → Redis\\nTCP, port 6379, Egress\\nDesc with \\\"quotes\\\", \\\\backslash\\\\, <b>not bold</b> & a\\nnewline\""))
        #expect(!dot.contains("\nnewline"))
        let svg = try DiagramSeeds.svg(dot)
        #expect(svg.contains("&lt;tag&gt; &amp; co second line"))
        #expect(svg.contains("xlink:title=\"#1: Svc &quot;quoted&quot; \\ back &lt;tag&gt; &amp; co second line → Redis&#10;TCP, port 6379, Egress&#10;"))
        #expect(svg.contains("\\backslash\\, &lt;b&gt;not bold&lt;/b&gt; &amp; a&#10;newline"))
        #expect(svg.contains("id=\"conn-1\"") && svg.contains("id=\"conn-2\""))
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "the SVG is well-formed XML")
    }

    @Test func textHelpers() {
        #expect(DOTText.html("a & b < c > \"d\" 'e'") == "a &amp; b &lt; c &gt; &quot;d&quot; &#39;e&#39;")
        #expect(DOTText.html("one\r\ntwo\nthree") == "one<br/>two<br/>three")
        #expect(DOTText.quoted("a \"b\" \\ c\nd\u{7}") == "\"a \\\"b\\\" \\\\ c\\nd\"")
        #expect(DOTText.quoted("ends with \\") == "\"ends with \\\\\"")
        #expect(DOTText.wrap("Genesys Web Services and Applications", width: 22) == ["Genesys Web Services", "and Applications"])
    }

    @Test func graphvizErrorsAreCaughtNotPrinted() {
        #expect(throws: Graphviz.Failure.self) { try Graphviz.render(dot: "digraph { a -> }", format: .svg) }
        do {
            _ = try Graphviz.render(dot: "digraph { a -> }", format: .svg)
        } catch let failure as Graphviz.Failure {
            #expect(failure.stage == "read the DOT text")
            #expect(failure.messages.contains { $0.contains("syntax error") })
        } catch {
            Issue.record("unexpected \(error)")
        }
        // The lock and context stay usable after a failure.
        #expect((try? Graphviz.render(dot: "digraph { a -> b }", format: .svg)) != nil)
    }
}
