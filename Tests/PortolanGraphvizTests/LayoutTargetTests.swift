import Foundation
import PortolanAnalysis
import PortolanEmitters
@testable import PortolanGraphviz
import PortolanModel
import Testing

/// The readability targets of issue 16, held on the layouts Portolan chooses for the seeds, and
/// the geometry they are measured with.
@Suite struct LayoutTargetTests {
    static func readable(_ graph: ComponentGraph) throws -> Graphviz.Readable {
        let candidates = ConnectionDiagram.Options.candidates
        return try Graphviz.readableLayout(candidates: candidates.count) { index, leaders in
            var options = candidates[index]
            options.leaders = leaders
            return ConnectionDiagram.dot(graph, options: options)
        }
    }

    /// Crossings at most: Voice Microservices 100 and the platform 300 (398 and 1,419 with the
    /// cluster boxes); every other product half of what it had (CX Contact 12, Genesys Pulse 169,
    /// Genesys Voice Platform 68). No line through a component, no badge on another, no side
    /// over about 3000 px once drawn (`size` scales larger layouts down).
    @Test func seedViewsMeetTheTargets() throws {
        let limits = ["CX Contact": 6, "Genesys Pulse": 84, "Voice Microservices": 100, "Genesys Voice Platform": 34, "Platform": 300]
        let graphs = try DiagramSeeds.productGraphs().map(\.1) + [try DiagramSeeds.platformGraph()]
        #expect(Set(graphs.map(\.title)) == Set(limits.keys))
        for graph in graphs {
            let score = try DiagramSeeds.readable(graph).score
            #expect(score.crossings <= limits[graph.title]!, "\(graph.title): \(score)")
            #expect(score.throughNodes == 0, "\(graph.title): \(score)")
            #expect(score.collisions == 0, "\(graph.title): \(score)")
            let aspect = score.width / score.height
            #expect(aspect >= 0.5 && aspect <= 2, "\(graph.title): \(score)")
        }
    }

    @Test func crossingsCountProperMeetingsAwayFromSharedEnds() {
        let nodes = [LayoutGeometry.Box(id: "a", x: 0, y: 0, width: 10, height: 10),
                     LayoutGeometry.Box(id: "b", x: 100, y: 100, width: 10, height: 10),
                     LayoutGeometry.Box(id: "c", x: 0, y: 100, width: 10, height: 10),
                     LayoutGeometry.Box(id: "d", x: 100, y: 0, width: 10, height: 10)]
        let ab = LayoutGeometry.Line(id: "ab", tail: "a", head: "b", points: [(0, 0), (100, 100)])
        let cd = LayoutGeometry.Line(id: "cd", tail: "c", head: "d", points: [(0, 100), (100, 0)])
        // The diagonals cross once, at (50, 50).
        #expect(LayoutGeometry.crossings([ab, cd], nodes: nodes) == 1)
        // Two lines leaving the same node meet only inside it: not a crossing.
        let ad = LayoutGeometry.Line(id: "ad", tail: "a", head: "d", points: [(-2, 2), (100, 0)])
        let ab2 = LayoutGeometry.Line(id: "ab2", tail: "a", head: "b", points: [(2, -2), (100, 100)])
        #expect(LayoutGeometry.crossings([ad, ab2], nodes: nodes) == 0)
    }

    @Test func throughNodesCountsLinesInsideAComponentTheyDoNotTouch() {
        let nodes = [LayoutGeometry.Box(id: "a", x: 0, y: 0, width: 10, height: 10),
                     LayoutGeometry.Box(id: "m", x: 50, y: 0, width: 20, height: 10),
                     LayoutGeometry.Box(id: "b", x: 100, y: 0, width: 10, height: 10)]
        let through = LayoutGeometry.Line(id: "ab", tail: "a", head: "b", points: [(0, 0), (100, 0)])
        let above = LayoutGeometry.Line(id: "ab2", tail: "a", head: "b", points: [(0, 0), (50, 20), (100, 0)])
        #expect(LayoutGeometry.throughNodes([through], nodes: nodes) == 1)
        #expect(LayoutGeometry.throughNodes([above], nodes: nodes) == 0)
        // A cubic piece is flattened into `steps` segments.
        #expect(LayoutGeometry.flatten([(0, 0), (1, 1), (2, 1), (3, 0)], steps: 4).count == 5)
    }

    /// Platform badges name their product: "VM-5" and "GP-5" are different rows.
    @Test func platformBadgesCarryTheProductPrefix() throws {
        let graph = try DiagramSeeds.platformGraph()
        let prefixes = BadgePrefix.make(graph.edges.map { ($0.product, $0.productSlug) })
        #expect(prefixes == ["cx-contact": "CXC", "genesys-pulse": "GP", "voice-microservices": "VM", "genesys-voice-platform": "GVP"])
        let dot = ConnectionDiagram.dot(graph)
        let edge = try #require(DiagramSeeds.edgeLines(dot).first { $0.contains("[id=\"conn-voice-microservices-5\"") })
        #expect(edge.contains("<font point-size=\"9\">VM-</font><b>5</b>"))
        let legend = try #require(dot.split(separator: "\n").first { $0.contains("\"legend\" [") })
        #expect(legend.contains("Voice Microservices (VM-<i>n</i>)"))
        #expect(BadgePrefix.make([("alpha beta", "a"), ("Alpha Bravo", "b"), ("AB", "c")]) == ["a": "AB", "b": "AB2", "c": "AB3"])
    }

    /// A 20,000-character description once made Graphviz fail for every product ("longer than
    /// 16384?"): the tooltip is shortened in the DOT text, the layout succeeds.
    @Test func longDescriptionsAreShortenedInTheDrawing() throws {
        let long = String(repeating: "word ", count: 4_000)
        let document = Document(path: "long.md", subject: "Long", connections: [
            Connection(number: "1", source: "A Service", destination: "B Service", protocol: "HTTPS",
                       ports: PortSpec(ranges: [PortRange(443)]), classification: "Intra-cluster", description: long, line: 3),
        ])
        let products = Products.group(Model(documents: [document]))
        let graph = ComponentGraphs.product(products[0], among: products, aliases: AliasTable())
        let readable = try Self.readable(graph)
        let tooltip = try #require(DiagramSeeds.attribute("tooltip", in: DiagramSeeds.edgeLines(readable.dot)[0]))
        // Line breaks are written `\n` (two characters) in the DOT text.
        #expect(tooltip.replacingOccurrences(of: "\\n", with: "\n").count == ConnectionDiagram.tooltipLimit)
        #expect(tooltip.hasSuffix("…"))
        #expect(graph.edges[0].connection.description == long)
    }
}

/// Families for the protocols other vendors list, so they are drawn in their own style.
@Suite struct ProtocolFamilyTests {
    @Test func commonProtocolsHaveAFamily() {
        let expected: [(String, ProtocolFamily)] = [
            ("SSH", .ssh), ("SFTP", .ssh), ("DNS", .dns), ("NTP", .ntp), ("LDAP", .directory), ("LDAPS", .directory),
            ("SMTP", .mail), ("IMAP", .mail), ("SNMP", .monitoring), ("Syslog", .monitoring), ("ICMP", .monitoring),
            ("SIP/TLS", .sip), ("MQTT", .messaging), ("AMQP", .messaging), ("SMB", .fileShare), ("NFS", .fileShare),
            ("RDP", .remoteDesktop), ("HTTPS", .http), ("TCP", .tcp), ("Gopher", .other), ("RTP/RTCP", .rtp),
        ]
        for (written, family) in expected { #expect(ProtocolFamily(written: written) == family, "\(written)") }
        #expect(Transport.of(protocol: "RDP") == .tcp)
        #expect(Transport.of(protocol: "NTP") == .udp)
        #expect(Transport.of(protocol: "SIP/TLS") == .tcp)
        #expect(Set(ProtocolFamily.allCases.map(\.slug)).count == ProtocolFamily.allCases.count)
    }

    /// The legend lists the families the drawing uses and no other.
    @Test func legendListsOnlyTheFamiliesUsed() {
        let rows: [(String, String)] = [("1", "SSH"), ("2", "LDAP"), ("3", "Syslog")]
        let document = Document(path: "v.md", subject: "Vendor", connections: rows.map { number, proto in
            Connection(number: number, source: "Jump Host", destination: "Target \(number)", protocol: proto,
                       ports: PortSpec(ranges: [PortRange(22)]), classification: "Egress", description: "", line: 1)
        })
        let products = Products.group(Model(documents: [document]))
        let dot = ConnectionDiagram.dot(ComponentGraphs.product(products[0], among: products, aliases: AliasTable()))
        let legend = dot.split(separator: "\n").first { $0.contains("\"legend\" [") } ?? ""
        for used in ["SSH/SFTP", "LDAP/Kerberos", "Monitoring"] { #expect(legend.contains(">\(used)<")) }
        for unused in ["TCP", "HTTP/HTTPS", "DNS", "Mail", "Other"] { #expect(!legend.contains(">\(unused)<")) }
        #expect(dot.contains("class=\"connection family-ssh class-egress\""))
    }
}

/// A Graphviz failure names the document and row, not the DOT line.
@Suite struct DiagramFailureTests {
    @Test func aFailureOnAnEdgeLineNamesItsRow() throws {
        let (product, graph) = try #require(try DiagramSeeds.productGraphs().first { $0.0.name == "CX Contact" })
        var lines = ConnectionDiagram.dot(graph).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = try #require(lines.firstIndex { $0.contains("[id=\"conn-3\" ") })
        // A string over Graphviz's 16,384-byte limit on that line, as a 20,000-character
        // description once made.
        lines[index] = lines[index].replacingOccurrences(of: " tooltip=", with: " comment=\"\(String(repeating: "x", count: 20_000))\" tooltip=")
        let broken = lines.joined(separator: "\n")
        #expect(throws: Graphviz.Failure.self) { try Graphviz.render(dot: broken, format: .svg) }
        do {
            _ = try Graphviz.render(dot: broken, format: .svg)
        } catch let failure as Graphviz.Failure {
            let row = try #require(product.connections.first { $0.number == "3" })
            let said = DiagramFailure.diagnostics(messages: failure.messages, stage: failure.stage, dot: failure.dot, graph: graph)
            #expect(said.count == 1, "conn-3 is on line \(index + 1): \(failure.messages)")
            #expect(said.first?.hasPrefix("Input/000_719e74b289d3778a.txt:\(row.line):\(row.column): error: CX Contact diagram: graphviz could not read the DOT text at connection 3") == true,
                    "conn-3 is on line \(index + 1): \(said)")
        }
    }

    @Test func aFailureWithoutALineNamesTheDocuments() throws {
        let (_, graph) = try #require(try DiagramSeeds.productGraphs().first { $0.0.name == "Genesys Pulse" })
        let said = DiagramFailure.diagnostics(messages: ["trouble in init_rank"], stage: "lay out", dot: nil, graph: graph)
        #expect(said == ["Input/002_77ebb1df80586335.txt:1:1: error: Genesys Pulse diagram: graphviz could not lay out: trouble in init_rank"])
    }
}
