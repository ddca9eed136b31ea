import PortolanAnalysis
import PortolanModel
import Testing

/// Each rule on small documents made for it, including the cases the seeds do not have.
@Suite struct LintRuleTests {
    typealias Row = (String, String, String?, String, String?, String)

    func check(_ rule: any LintRule.Type, _ products: [Product]) -> [LintFinding] {
        Linter.findings(products, rules: [rule])
    }

    @Test func numberingGapsDuplicatesAndOrder() {
        let product = LintSupport.product("Billing", [
            ("1", "Billing API", "TCP", "Postgres", "5432", "Egress"),
            ("2", "Billing API", "TCP", "Kafka", "9092", "Egress"),
            ("2", "Billing API", "HTTP", "Ledger", "443", "Egress"),
            ("5", "Billing API", "HTTP", "Ledger", "443", "Egress"),
            ("4", "Billing API", "HTTP", "Ledger", "443", "Egress"),
        ])
        let findings = check(ConnectionNumbering.self, [product])
        #expect(findings.map(\.message) == [
            "connection 2 is numbered twice (first at line 11)",
            "connection 3 is missing (the next row is 4)",
            "connection 4 comes after connection 5; rows should be in number order",
        ])
        #expect(findings.map(\.severity) == [.error, .warning, .warning])
    }

    @Test func unknownValuesGetSuggestions() {
        let product = LintSupport.product("Billing", [
            ("1", "Billing API", "HTPP", "Ledger", "443", "Egres"),
        ])
        #expect(check(UnknownValue.self, [product]).map(\.message) == [
            "classification 'Egres' is not Ingress, Egress or Intra-cluster; did you mean 'Egress'?",
            "protocol 'HTPP' names no transport Portolan knows; did you mean 'HTTP'?",
        ])
    }

    @Test func wellKnownPorts() {
        let product = LintSupport.product("Billing", [
            ("1", "Billing API", "HTTP", "Ledger", "5432", "Egress"),
            ("2", "Billing API", "Redis", "Cache", "6390", "Egress"),
            ("3", "Billing API", "Redis", "Cache", "6390*", "Egress"),
            ("4", "Billing API", "RTP", "Media gateway", "20000", "Egress"),
            ("5", "Billing API", "TCP", "PostgreSQL", "5433", "Egress"),
        ])
        #expect(check(WellKnownPort.self, [product]).map(\.message) == [
            "HTTP on port 5432, which is PostgreSQL's well-known port",
            "Redis on port 6390, not its well-known 6379, and the port is not marked configurable (`*`)",
            "PostgreSQL on port 5433, not its well-known 5432 (the destination is 'PostgreSQL'), and the port is not marked configurable (`*`)",
        ])
    }

    @Test func directionFromMembership() {
        let billing = LintSupport.product("Billing", [
            ("1", "Billing API", "HTTP", "Ledger", "443", "Egress"),
            ("2", "Payment provider", "HTTP", "Billing API", "443", "Egress"),
            ("3", "Billing Worker", "HTTP", "Orders Service", "80", "Ingress"),
            ("4", "Customer browser", "HTTPS", "Billing API", "443", "Ingress"),
            ("5", "Billing Worker", "HTTP", "Stock Keeper", "80", "Ingress"),
        ])
        let orders = LintSupport.product("Orders", [
            ("1", "Orders Service", "Redis", "Redis", "6379", "Egress"),
            ("2", "Stock Keeper", "Redis", "Redis", "6379", "Egress"),
        ])
        let findings = check(ReversedDirection.self, [billing, orders])
        #expect(LintSupport.summary(findings) == ["ReversedDirection Billing #2", "ReversedDirection Billing #3", "ReversedDirection Billing #5"])
        #expect(findings.map(\.message).suffix(2) == [
            "Ingress means Billing is the destination, but 'Orders Service' belongs to Orders by its name; the arrow may be reversed (or the row is Egress)",
            "Ingress means Billing is the destination, but 'Stock Keeper' belongs to Orders, whose own Egress or Ingress rows place it there; the arrow may be reversed (or the row is Egress)",
        ])
    }

    @Test func nearDuplicatesAcrossProducts() {
        let billing = LintSupport.product("Billing", [("1", "Billing API", "HTTP", "Ledger Service", "443", "Egress")])
        let orders = LintSupport.product("Orders", [("1", "Orders API", "HTTP", "Ledger-Service", "443", "Egress")])
        let findings = check(NearDuplicateName.self, [billing, orders])
        #expect(findings.map(\.message) == ["'Ledger-Service' is written 'Ledger Service' by Billing; did you mean 'Ledger Service'?"])
        #expect(findings.first?.product == "Orders")
    }

    @Test func conflictingPortsAcrossProducts() {
        let billing = LintSupport.product("Billing", [("1", "Billing API", "HTTP", "Ledger", "8080", "Egress")])
        let orders = LintSupport.product("Orders", [("1", "Billing", "HTTP", "Ledger", "8443", "Intra-cluster")])
        let findings = check(CrossProductConflict.self, [billing, orders])
        #expect(findings.map(\.message) == ["Orders #1 gives Billing -> Ledger port 8443, but Billing gives 8080 (#1); the pages disagree"])
    }

    @Test func ruleRegistryIsSortedAndComplete() {
        #expect(LintRules.ids == LintRules.ids.sorted())
        #expect(LintRules.ids == ["ConnectionNumbering", "CrossProductConflict", "DescriptionMismatch", "MissingCell",
                                  "NearDuplicateName", "ReversedDirection", "UnknownValue", "WellKnownPort"])
        #expect(LintRules.descriptions.allSatisfy { !$0.summary.contains("\n") && !$0.rationale.isEmpty })
    }

    @Test func configErrorsHavePositions() {
        let (config, diagnostics) = LintConfig.parse("""
            silence:
              - rule: WellKnownPorts
                reason: typo
              - rule: MissingCell
            """)
        #expect(config.silences.isEmpty)
        #expect(diagnostics.map(\.message) == ["unknown rule 'WellKnownPorts'; did you mean 'WellKnownPort'?", "the silence of MissingCell needs a reason"])
        #expect(diagnostics.map(\.line) == [2, 4])
        #expect(diagnostics.map(\.column) == [5, 5])
    }
}
