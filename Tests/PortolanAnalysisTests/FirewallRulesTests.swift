import PortolanAnalysis
import PortolanModel
import Testing

/// Rules for connections whose values were read from the seed documents themselves.
struct FirewallRulesTests {
    @Test func cxContactSFTPListOfPortsIsThreeRules() throws {
        let product = try FirewallSeeds.product("CX Contact")
        let sheet = FirewallRules.derive([product])
        // Connection 2: CX Contact Job Scheduler -> SFTP server, TCP, "20, 21, 22", Egress.
        let rules = FirewallSeeds.rules(sheet, product: "CX Contact", connection: "2")
        #expect(rules.map(\.port) == [PortRange(20), PortRange(21), PortRange(22)])
        #expect(rules.allSatisfy { $0.transport == .tcp && $0.section == .perimeter && $0.direction == "Egress" })
        #expect(rules.allSatisfy { $0.source.name == "CX Contact Job Scheduler" && $0.destination.name == "SFTP server" })
        #expect(rules.allSatisfy { $0.flags.isEmpty })
        #expect(Set(rules.map(\.id)).count == 3)
    }

    @Test func voiceObjectStorageNotApplicablePortIsFlagged() throws {
        let sheet = FirewallRules.derive([try FirewallSeeds.product("Voice Microservices")])
        // Connection 24: Voicemail -> Object storage, HTTP, port "N/A".
        let rules = FirewallSeeds.rules(sheet, product: "Voice Microservices", connection: "24")
        #expect(rules.count == 1)
        #expect(rules.first?.port == nil)
        #expect(rules.first?.portText == "N/A")
        #expect(rules.first?.transport == .tcp)
        #expect(rules.first?.flags.map(\.kind) == [.unknownPort])
        #expect(rules.first?.flags.first?.message.contains("confirm before filing") == true)
    }

    @Test func voiceSessionBorderControllerNotKnownPortIsFlagged() throws {
        let sheet = FirewallRules.derive([try FirewallSeeds.product("Voice Microservices")])
        // Connection 59: SIP/TCP to the Session Border Controller, "Not known (configured as trunk DN ...)".
        let rule = try #require(FirewallSeeds.rules(sheet, product: "Voice Microservices", connection: "59").first)
        #expect(rule.port == nil)
        #expect(rule.portText.hasPrefix("Not known"))
        #expect(rule.flags.map(\.kind) == [.unknownPort])
    }

    @Test func gvpNexusWithoutProtocolHasNoTransportAndIsFlagged() throws {
        let sheet = FirewallRules.derive([try FirewallSeeds.product("Genesys Voice Platform")])
        // Connection 13: MCP pool multi-AZ -> Nexus, protocol cell empty, 443, Egress.
        let rules = FirewallSeeds.rules(sheet, product: "Genesys Voice Platform", connection: "13")
        #expect(rules.count == 1)
        #expect(rules.first?.transport == nil)
        #expect(rules.first?.port == PortRange(443))
        #expect(rules.first?.flags.map(\.kind) == [.noTransport])
    }

    @Test func gvpMediaRangeIsOneUDPRule() throws {
        let sheet = FirewallRules.derive([try FirewallSeeds.product("Genesys Voice Platform")])
        // Connection 9: MCP pool multi-AZ -> SBC, RTP/RTCP, "20000-45000".
        let rules = FirewallSeeds.rules(sheet, product: "Genesys Voice Platform", connection: "9")
        #expect(rules.map(\.port) == [PortRange(20000, 45000)])
        #expect(rules.map(\.transport) == [.udp])
        #expect(rules.map(\.portText) == ["20000-45000"])
    }

    @Test func gvpNuanceTwoRangesWithoutClassification() throws {
        let sheet = FirewallRules.derive([try FirewallSeeds.product("Genesys Voice Platform")])
        // Connection 19: Nuance -> MCP pool multi-AZ, RTP/RTCP, "20000-45000/14000-15999", no classification.
        let rules = FirewallSeeds.rules(sheet, product: "Genesys Voice Platform", connection: "19")
        #expect(rules.map(\.port) == [PortRange(20000, 45000), PortRange(14000, 15999)])
        #expect(rules.allSatisfy { $0.transport == .udp && $0.section == .perimeter && $0.direction == "(none)" })
        #expect(rules.allSatisfy { $0.flags.map(\.kind) == [.noClassification] })
    }

    @Test func configurableKafkaPortsAreTwoFlaggedRules() throws {
        let sheet = FirewallRules.derive([try FirewallSeeds.product("Voice Microservices")])
        // Connection 11: Tenant Service -> Kafka, Kafka, "9092/9093*", Egress.
        let rules = FirewallSeeds.rules(sheet, product: "Voice Microservices", connection: "11")
        #expect(rules.map(\.port) == [PortRange(9092), PortRange(9093)])
        #expect(rules.allSatisfy { $0.transport == .tcp && $0.flags.map(\.kind) == [.configurablePort] })
    }

    @Test func sipOverUDPAndTCP() throws {
        let sheet = FirewallRules.derive([try FirewallSeeds.product("Voice Microservices")])
        // 57: SIP/UDP 5070 to WebRTC Media Service; 51: SIP/TCP 5080 to Voice SIP Proxy Service.
        #expect(FirewallSeeds.rules(sheet, product: "Voice Microservices", connection: "57").map(\.transport) == [.udp])
        #expect(FirewallSeeds.rules(sheet, product: "Voice Microservices", connection: "51").map(\.transport) == [.tcp])
        #expect(FirewallSeeds.rules(sheet, product: "Voice Microservices", connection: "57").first?.section == .intraCluster)
    }

    @Test func identicalConnectionsAreOneRuleWithAllReferences() throws {
        let sheet = FirewallRules.derive([try FirewallSeeds.product("Voice Microservices")])
        // 40, 41 and 49: Voice SIP Cluster Service -> Redis, Redis, 6379*, Egress; three descriptions.
        let rules = FirewallSeeds.rules(sheet, product: "Voice Microservices", connection: "40")
        #expect(rules.count == 1)
        let rule = try #require(rules.first)
        #expect(rule.references.map(\.connection) == ["40", "41", "49"])
        #expect(rule.justifications == ["Streaming of Voice Microservices events.", "In-memory cache for SIP Cluster Service.", "Streams new call events."])
        #expect(RuleReference.summary(rule.references) == "Voice Microservices #40, #41, #49")
    }

    @Test func identicalRulesOfSeveralProductsMergeOnThePlatform() {
        let a = FirewallSeeds.product("A", [FirewallSeeds.connection(number: "1", from: "ORS", to: "Redis", protocol: "Redis", ports: PortSpec(ranges: [PortRange(6379)]), classification: "Egress")])
        let b = FirewallSeeds.product("B", [FirewallSeeds.connection(number: "7", from: "ors", to: "REDIS", protocol: "TCP", ports: PortSpec(ranges: [PortRange(6379)]), classification: "egress")])
        let sheet = FirewallRules.derive([a, b])
        #expect(sheet.rules.count == 1)
        #expect(sheet.rules.first?.references.map(\.description) == ["A #1", "B #7"])
        #expect(sheet.rules.first?.applicationProtocols == ["Redis", "TCP"])
    }

    @Test func namesDifferingInPunctuationAreOneComponent() {
        #expect(Names.key("MCP pool multi-AZ") == Names.key("MCP pool multi A-Z"))
        let p = FirewallSeeds.product("P", [
            FirewallSeeds.connection(number: "1", from: "MCP pool multi-AZ", to: "Web", protocol: "HTTP", ports: PortSpec(ranges: [PortRange(80)])),
            FirewallSeeds.connection(number: "2", from: "MCP pool multi A-Z", to: "web", protocol: "HTTP", ports: PortSpec(ranges: [PortRange(80)])),
        ])
        #expect(FirewallRules.derive([p]).rules.count == 1)
    }

    @Test func unknownProtocolIsFlaggedNotGuessed() {
        let p = FirewallSeeds.product("P", [FirewallSeeds.connection(number: "1", from: "A", to: "B", protocol: "Carrier pigeon", ports: PortSpec(ranges: [PortRange(1)]))])
        let rule = FirewallRules.derive([p]).rules[0]
        #expect(rule.transport == nil)
        #expect(rule.flags.first?.message.contains("Carrier pigeon") == true)
    }

    @Test func perimeterRulesComeFirstAndIntraClusterRulesAreTheirOwnSection() throws {
        let sheet = FirewallRules.derive(try FirewallSeeds.products())
        let sections = sheet.rules.map(\.section)
        #expect(sections == sections.sorted())
        for rule in sheet.rules {
            let kinds = Set(rule.references.map { _ in ClassificationKind(written: rule.direction) })
            #expect((rule.section == .intraCluster) == (kinds == [.intraCluster]))
        }
    }

    @Test func derivingTwiceGivesTheSameSheetAndIdsAreUnique() throws {
        let products = try FirewallSeeds.products()
        let sheet = FirewallRules.derive(products)
        #expect(sheet == FirewallRules.derive(products))
        #expect(Set(sheet.rules.map(\.id)).count == sheet.rules.count)
        #expect(sheet.rules.allSatisfy { $0.id.hasPrefix("fw-") && $0.id.count == 11 })
    }

    @Test func productRuleIdsSurviveOnThePlatformSheet() throws {
        let products = try FirewallSeeds.products()
        let platform = Set(FirewallRules.derive(products).rules.map(\.id))
        for product in products {
            let ids = Set(FirewallRules.derive([product]).rules.map(\.id))
            #expect(ids.isSubset(of: platform), "\(product.name)")
        }
    }
}
