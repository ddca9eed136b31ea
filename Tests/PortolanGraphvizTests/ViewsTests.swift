import Foundation
import PortolanAnalysis
import PortolanEmitters
import PortolanGraphviz
import PortolanModel
import Testing

/// The views at other scales: the landscape (products and aggregated lines) and the focus view of
/// one component, checked against rows read from the seeds.
@Suite struct ViewsTests {
    /// Rows naming Redis (or "Redis 6.x") as source or destination in the seeds: CX Contact 5;
    /// Genesys Pulse 2, 3, 22; Voice Microservices 6, 7, 9, 12, 14 (from Redis 6.x), 17, 29, 36,
    /// 37, 40, 41, 42, 45, 46, 47, 49, 52, 54.
    static let redisRows = ["cx-contact": ["5"], "genesys-pulse": ["2", "3", "22"],
                            "voice-microservices": ["6", "7", "9", "12", "14", "17", "29", "36", "37", "40", "41", "42",
                                                    "45", "46", "47", "49", "52", "54"]]

    @Test func focusViewHasEveryRowTouchingTheComponentAndOnlyItsNeighbours() throws {
        let platform = try DiagramSeeds.platformGraph()
        let focus = try #require(ComponentGraphs.focus("redis", in: platform))
        let expected = Self.redisRows.flatMap { product, numbers in numbers.map { "conn-\(product)-\($0)" } }
        #expect(Set(focus.edges.map(\.id)) == Set(expected))
        #expect(focus.edges.count == 22)
        let redis = try #require(focus.nodes.first { $0.name == "Redis" })
        #expect(focus.edges.allSatisfy { $0.from == redis.id || $0.to == redis.id })
        #expect(Set(focus.nodes.map(\.id)) == Set(focus.edges.flatMap { [$0.from, $0.to] }))
        // Found by another name a document wrote, too; an unknown name finds nothing.
        #expect(ComponentGraphs.focus("Redis 6.x", in: platform)?.edges.count == 22)
        #expect(ComponentGraphs.focus("No Such Thing", in: platform) == nil)
        // It draws like the platform: one edge per row, badges with the product prefix.
        let dot = try DiagramSeeds.dot(focus)
        #expect(DiagramSeeds.edgeLines(dot).count == 22)
        #expect(dot.contains("<font point-size=\"9\">GP-</font><b>22</b>"))
        #expect(dot.hasPrefix("digraph \"focus-redis\" {"))
        // Drawn radially first, Redis in the middle: about as wide as tall, no badge on a badge.
        let radial = try #require(ConnectionDiagram.Options.candidates(for: focus).first)
        #expect(radial.engine == .twopi)
        let text = ConnectionDiagram.dot(focus, options: radial)
        #expect(text.contains("layout=twopi root=\"\(redis.id)\""))
        // Two candidates (the same text), as a single one is not scored.
        let score = try Graphviz.readableLayout(candidates: 2) { _, _ in text }.score
        #expect(score.collisions == 0 && score.throughNodes == 0, "\(score)")
        #expect(score.width / score.height > 0.5 && score.width / score.height < 2, "\(score)")
    }

    @Test func landscapeCountsEveryRowOnceAndAggregatesLines() throws {
        let platform = try DiagramSeeds.platformGraph()
        let landscape = Landscape(platform: platform)
        #expect(landscape.connections == 122)
        let onLinks: Int = landscape.links.map { $0.edges.count }.reduce(0, +)
        let inside: Int = landscape.nodes.map { $0.inside }.reduce(0, +)
        #expect(onLinks + inside == 122)
        let distinct: Int = Set(landscape.links.flatMap { $0.edges }).count
        #expect(distinct == onLinks)
        let products = landscape.nodes.filter { $0.kind == .product }.map(\.name)
        #expect(Set(products) == ["CX Contact", "Genesys Pulse", "Voice Microservices", "Genesys Voice Platform"])
        func link(_ a: String, _ b: String) -> Landscape.Link? {
            landscape.links.first { Set([$0.from, $0.to]) == Set([a, b]) }
        }
        // Voice Microservices and Redis: 17 rows to Redis and row 14 from it, all over Redis.
        let vm = try #require(link("land-voice-microservices", "land-infra-redis"))
        #expect(vm.edges.count == 18)
        #expect(vm.both)
        #expect(vm.families == [.redis])
        #expect(vm.product == "voice-microservices")
        // Genesys Pulse to Redis: rows 2, 3 and 22, over TCP; CX Contact to Redis: row 5.
        #expect(link("land-genesys-pulse", "land-infra-redis")?.edges == ["conn-genesys-pulse-2", "conn-genesys-pulse-3", "conn-genesys-pulse-22"])
        #expect(link("land-cx-contact", "land-infra-redis")?.edges == ["conn-cx-contact-5"])
        let dot = LandscapeDiagram.dot(landscape)
        #expect(dot.contains("<b>18</b> connections:</font></td></tr><tr><td><font point-size=\"9\" color=\"#c0392b\">Redis</font>"))
        #expect(dot.contains("tooltip=\"18 connections: Redis\""))
        #expect(dot.contains("tooltip=\"1 connection: TCP\""))
        // Laid out and drawn, with each product's box and an id per line.
        let svg = String(decoding: try Graphviz.render(dot: dot, format: .svg).data, as: UTF8.self)
        #expect(svg.components(separatedBy: "class=\"edge landscape-link").count - 1 == landscape.links.count)
        #expect(svg.contains("<g id=\"land-voice-microservices\" class=\"node landscape product\""))
    }
}
