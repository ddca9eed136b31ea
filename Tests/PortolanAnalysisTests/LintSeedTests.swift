import PortolanAnalysis
import PortolanModel
import Testing

/// What `portolan lint` finds on the five seed documents, established by reading them.
@Suite struct LintSeedTests {
    /// Every finding on the seeds, in source order: rule, product and connection.
    @Test func theSeedFindings() throws {
        let findings = Linter.findings(try LintSupport.seeds())
        #expect(LintSupport.summary(findings) == [
            "WellKnownPort CX Contact #1",              // RTP/RTCP on 443
            "ReversedDirection CX Contact #3",          // Egress from "Compliance data provider"
            "ReversedDirection Genesys Pulse #1",       // Ingress to Voice Microservices' Tenant Service
            "WellKnownPort Genesys Pulse #2",           // TCP 6380 to Redis, no `*`
            "WellKnownPort Genesys Pulse #3",
            "DescriptionMismatch Genesys Pulse #6",     // row from DCU, description "Init Tenant job uses ..."
            "DescriptionMismatch Genesys Pulse #9",     // row from DCU, description "Pulse Load Distribution Server (LDS) ..."
            "WellKnownPort Genesys Pulse #22",
            "DescriptionMismatch Genesys Pulse #24",    // "Authorization Service" vs "Authentication Service"
            "ReversedDirection Genesys Pulse #27",      // Intra-cluster from "Public Internet"
            "CrossProductConflict Voice Microservices #2", // Pulse -> Tenant Service: 8000, 8888 vs Pulse's 8888
            "NearDuplicateName Voice Microservices #14",   // "Redis 6.x" vs "Redis"
            "ReversedDirection Voice Microservices #14",   // Egress from "Redis 6.x"
            "NearDuplicateName Voice Microservices #55",   // "Kafka 2.x" vs "Kafka"
            "ReversedDirection Voice Microservices #55",   // Egress from "Kafka 2.x"
            "ReversedDirection Voice Microservices #59",   // Intra-cluster to "Session Border Controller"
            "MissingCell Genesys Voice Platform #13",
            "MissingCell Genesys Voice Platform #18",
            "MissingCell Genesys Voice Platform #19",
            "NearDuplicateName Genesys Voice Platform #20", // "MCP pool multi A-Z" vs "MCP pool multi-AZ"
            "NearDuplicateName Genesys Voice Platform #21",
            "MissingCell Genesys Voice Platform #22",
            "NearDuplicateName Genesys Voice Platform #22",
        ])
        #expect(findings.allSatisfy { $0.line > 0 && $0.column == 1 && $0.path.hasPrefix("Input/") })
        #expect(!findings.contains { $0.severity == .error })
    }

    @Test func rtpOnHTTPSPort() throws {
        let finding = try #require(Linter.findings(try LintSupport.seeds(), rules: [WellKnownPort.self]).first)
        #expect(finding.formatted == "Input/000_719e74b289d3778a.txt:56:1: warning: RTP/RTCP on port 443, HTTPS's well-known port: media runs on dynamic UDP ports (1024-65535) [WellKnownPort]")
    }

    @Test func missingProtocolHintsFromTheDescription() throws {
        let findings = Linter.findings(try LintSupport.seeds(), rules: [MissingCell.self])
        let messages = Dictionary(uniqueKeysWithValues: findings.map { ($0.connection ?? "", $0.message) })
        #expect(messages["13"] == "the Protocol cell is empty; the description names WebSocket: did you mean 'WebSocket'?")
        #expect(messages["22"] == "the Protocol cell is empty; the description names gRPC: did you mean 'gRPC'?")
        #expect(messages["18"] == "the Port cell is empty")
        #expect(messages["19"] == "the Classification cell is empty; 'MCP pool multi-AZ' is Genesys Voice Platform's and 'Nuance' is not, so it is probably Ingress")
    }

    @Test func nearDuplicateSuggestsTheCommonSpelling() throws {
        let findings = Linter.findings(try LintSupport.seeds(), rules: [NearDuplicateName.self])
            .filter { $0.product == "Genesys Voice Platform" }
        #expect(findings.map(\.connection) == ["20", "21", "22"])
        #expect(findings.allSatisfy {
            $0.message == "'MCP pool multi A-Z' is written 'MCP pool multi-AZ' in 10 other rows of this product; did you mean 'MCP pool multi-AZ'?"
        })
    }

    @Test func datastoresAsEgressSources() throws {
        let findings = Linter.findings(try LintSupport.seeds(), rules: [ReversedDirection.self])
            .filter { $0.product == "Voice Microservices" }
        #expect(findings.map(\.message).prefix(2) == [
            "Egress means Voice Microservices is the source, but 'Redis 6.x' is a datastore; the arrow may be reversed",
            "Egress means Voice Microservices is the source, but 'Kafka 2.x' is a message broker; the arrow may be reversed",
        ])
    }

    @Test func descriptionNamesAnotherService() throws {
        let findings = Linter.findings(try LintSupport.seeds(), rules: [DescriptionMismatch.self])
        let pulse24 = try #require(findings.first { $0.product == "Genesys Pulse" && $0.connection == "24" })
        #expect(pulse24.message == "the description says 'Authentication Service' but the row's destination is 'Authorization Service'; did you mean 'Authentication Service'?")
        #expect(pulse24.line == 343)
    }

    @Test func silencesRemoveFindings() throws {
        let (config, diagnostics) = LintConfig.parse("""
            silence:
              - rule: WellKnownPort
                product: Genesys Pulse
                reason: Redis listens on 6380 (TLS) in this deployment.
              - rule: NearDuplicateName
                product: Genesys Voice Platform
                connection: 21
                reason: checked
            """)
        #expect(diagnostics.isEmpty)
        let result = Linter.run(try LintSupport.seeds(), config: config)
        #expect(result.silenced.map(\.count) == [3, 1])
        #expect(!result.findings.contains { $0.rule == "WellKnownPort" && $0.product == "Genesys Pulse" })
        #expect(result.findings.contains { $0.rule == "WellKnownPort" && $0.product == "CX Contact" })
        #expect(LintSupport.summary(result.findings.filter { $0.rule == "NearDuplicateName" && $0.product == "Genesys Voice Platform" })
                == ["NearDuplicateName Genesys Voice Platform #20", "NearDuplicateName Genesys Voice Platform #22"])
    }

    /// The shipped Input/lint.yaml parses cleanly.
    @Test func shippedConfigParses() throws {
        let text = try String(contentsOf: LintSupport.repository.appendingPathComponent("Input/lint.yaml"), encoding: .utf8)
        let (_, diagnostics) = LintConfig.parse(text)
        #expect(diagnostics.isEmpty)
    }

    @Test func lintingTwiceGivesTheSameFindings() throws {
        let products = try LintSupport.seeds()
        #expect(Linter.findings(products) == Linter.findings(products))
    }
}
