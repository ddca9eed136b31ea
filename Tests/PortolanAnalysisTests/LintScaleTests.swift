import PortolanAnalysis
import PortolanModel
import Testing

/// Lint on large tables: numbered components are not spellings of one another, and a row meets
/// its counterparts on another product's page through an index (the result as a full scan gave).
@Suite struct LintScaleTests {
    @Test func numberedComponentsAreNotSpellings() {
        let product = LintSupport.product("Billing", [
            ("1", "Ledger Service 1", "HTTP", "Service 0-12", "443", "Egress"),
            ("2", "Ledger Servce 1", "HTTP", "Service 0-13", "443", "Egress"),
        ])
        let findings = Linter.findings([product], rules: [NearDuplicateName.self])
        // "Service 0-12" / "Service 0-13" differ only in digits: two components, no finding.
        #expect(findings.map(\.message) == ["'Ledger Servce 1' is written 'Ledger Service 1' in 1 other row of this product; did you mean 'Ledger Service 1'?"])
        #expect(findings.map(\.connection) == ["2"])
    }

    @Test func oneRowAgainstManyRowsOfAnotherPage() {
        let billing = LintSupport.product("Billing", (1...200).map { ("\($0)", "Billing API", "HTTP", "Ledger", "8080", "Egress") })
        let orders = LintSupport.product("Orders", [
            ("1", "Billing API", "HTTP", "Ledger", "8443", "Egress"),
            ("2", "Orders API", "HTTP", "Ledger", "8443", "Egress"),
        ])
        let findings = Linter.findings([billing, orders], rules: [CrossProductConflict.self])
        // Billing's 200 rows name the same two components as Orders #1: reported once, on the later page.
        let references = (1...200).map { "#\($0)" }.joined(separator: ", ")
        #expect(findings.map(\.message) == ["Orders #1 gives Billing API -> Ledger port 8443, but Billing gives 8080 (\(references)); the pages disagree"])
    }
}
