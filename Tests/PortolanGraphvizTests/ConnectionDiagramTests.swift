import Foundation
import PortolanAnalysis
import PortolanEmitters
import PortolanGraphviz
import PortolanModel
import Testing

/// DOT and SVG of every seed product, checked against the parsed model.
struct ConnectionDiagramTests {
    @Test func dotHasExactlyOneEdgePerConnectionLabelledWithItsNumber() throws {
        for (product, graph) in try DiagramSeeds.productGraphs() {
            let dot = try DiagramSeeds.drawn(graph).dot
            let lines = DiagramSeeds.edgeLines(dot)
            #expect(lines.count == product.connections.count, "\(product.name)")
            for (line, connection) in zip(lines, product.connections) {
                #expect(DiagramSeeds.attribute("id", in: line) == "conn-\(connection.number)")
                #expect(line.contains("<b>\(connection.number)</b>"), "\(product.name) #\(connection.number)")
            }
        }
    }

    @Test func edgesRunFromSourceToDestination() throws {
        let (_, graph) = try #require(try DiagramSeeds.productGraphs().first { $0.0.name == "CX Contact" })
        let lines = DiagramSeeds.edgeLines(try DiagramSeeds.drawn(graph).dot)
        // 000 row 5: CX Contact -> Redis, TCP 6379, Egress.
        #expect(lines[4].hasPrefix("    \"node-cx-contact\" -> \"node-redis\" "))
        #expect(lines[4].contains("class=\"connection family-tcp class-egress\""))
        // 000 row 2: CX Contact Job Scheduler -> SFTP server, drawn from the included service Job Scheduler.
        #expect(lines[1].hasPrefix("    \"node-job-scheduler\" -> \"node-sftp-server\" "))
        // 000 row 1 is RTP/RTCP on 443, Ingress.
        #expect(lines[0].contains("family-rtp class-ingress"))
    }

    @Test func svgHasAnIdForEveryConnectionWithTooltipAndClasses() throws {
        for (product, graph) in try DiagramSeeds.productGraphs() {
            let svg = try DiagramSeeds.drawn(graph).svg
            for connection in product.connections {
                #expect(svg.contains("<g id=\"conn-\(connection.number)\" class=\"edge connection family-"), "\(product.name) #\(connection.number)")
            }
            #expect(svg.components(separatedBy: "class=\"edge connection").count - 1 == product.connections.count)
            #expect(!svg.contains("<script"))
        }
        let (_, cx) = try #require(try DiagramSeeds.productGraphs().first { $0.0.name == "CX Contact" })
        let svg = try DiagramSeeds.drawn(cx).svg
        #expect(svg.contains("xlink:title=\"#5: CX Contact → Redis&#10;TCP, port 6379, Egress&#10;TCP connection between CX Contact and Redis"))
        #expect(svg.contains("<g id=\"node-redis\" class=\"node component datastore infrastructure\""))
        // No cluster boxes (they tripled the crossings): the product's components carry its fill,
        // which the legend names.
        #expect(!svg.contains("class=\"cluster"))
        #expect(svg.contains("<g id=\"node-cx-contact-backend\" class=\"node component workload owned\""))
        #expect(svg.contains("fill=\"#d6eaf8\""))
        let legend = try #require(ConnectionDiagram.dot(cx).split(separator: "\n").first { $0.contains("\"legend\" [") })
        #expect(legend.contains("<td bgcolor=\"#d6eaf8\" border=\"1\" color=\"#34495e\">   </td><td align=\"left\">CX Contact</td>"))
    }

    @Test func platformEdgesCarryTheProduct() throws {
        let graph = try DiagramSeeds.platformGraph()
        let svg = try DiagramSeeds.drawn(graph).svg
        for product in try DiagramSeeds.products() {
            for connection in product.connections {
                #expect(svg.contains("<g id=\"conn-\(product.slug)-\(connection.number)\" class=\"edge connection"))
            }
        }
        #expect(svg.contains("product-voice-microservices\""))
    }

    @Test func legendShowsOnlyTheFamiliesUsed() throws {
        let (_, cx) = try #require(try DiagramSeeds.productGraphs().first { $0.0.name == "CX Contact" })
        let legend = try #require(ConnectionDiagram.dot(cx).split(separator: "\n").first { $0.contains("\"legend\" [") })
        for used in ["TCP", "HTTP/HTTPS", "RTP"] { #expect(legend.contains(">\(used)<")) }
        for unused in ["SIP", "Kafka", "Redis", "Postgres", "Other"] { #expect(!legend.contains(">\(unused)<")) }
    }

    /// In the drawings Portolan writes, no two number badges overlap: checked on the badges the
    /// SVG draws, not on what the layout check read.
    @Test func badgesDoNotOverlapOnTheSeeds() throws {
        let graphs = try DiagramSeeds.productGraphs().map(\.1) + [try DiagramSeeds.platformGraph()]
        for graph in graphs {
            let badges = DiagramSeeds.badges(svg: try DiagramSeeds.drawn(graph).svg).sorted { $0.key < $1.key }
            #expect(badges.count == graph.edges.count)
            var overlaps: [String] = []
            for (index, (first, a)) in badges.enumerated() {
                for (second, b) in badges[(index + 1)...]
                where abs(a.x - b.x) < (a.width + b.width) / 2 && abs(a.y - b.y) < (a.height + b.height) / 2 {
                    overlaps.append("\(first)/\(second)")
                }
            }
            #expect(overlaps.isEmpty, "\(graph.title): \(overlaps)")
        }
    }
}
