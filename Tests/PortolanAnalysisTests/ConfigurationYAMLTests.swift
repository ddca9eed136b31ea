import PortolanAnalysis
import PortolanModel
import Testing

/// The alias file and the lint configuration: a key written twice is an error at the second
/// key naming the first line; a quoted '~' is the text "~", a plain ~ is YAML's null.
@Suite struct ConfigurationYAMLTests {
    @Test func aliasFileDuplicateKeyHasItsLine() {
        let (table, diagnostics) = AliasTable.parse(yaml: """
            Tenant Service: [TS]
            GWS: [Web Services]
            Tenant Service: [Tenant]
            """)
        #expect(diagnostics == [Diagnostic(.error, "duplicate key 'Tenant Service' (first at line 1)", line: 3, column: 1, code: "duplicate-key")])
        // Both lists still count, as before, so nothing written is dropped.
        #expect(table.canonical(for: "TS") == "Tenant Service")
        #expect(table.canonical(for: "Tenant") == "Tenant Service")
        #expect(table.canonical(for: "Web Services") == "GWS")
    }

    @Test func aliasFileQuotedTildeIsAName() {
        let (table, diagnostics) = AliasTable.parse(yaml: "'~': [Tilde Service]\n")
        #expect(diagnostics.isEmpty)
        #expect(table.canonical(for: "Tilde Service") == "~")
        #expect(table.entries.map(\.canonical) == ["~"])
        let (home, homeDiagnostics) = AliasTable.parse(yaml: "Home: '~'\n")
        #expect(homeDiagnostics.isEmpty)
        #expect(home.canonical(for: "~") == "Home")
    }

    @Test func aliasFilePlainTildeIsStillNoName() {
        let (_, diagnostics) = AliasTable.parse(yaml: "~: [Nothing]\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.line == 1)
        #expect(diagnostics.first?.message.hasPrefix("an alias key must be a component name") == true)
    }

    @Test func lintConfigDuplicateKeyHasItsLine() {
        let (config, diagnostics) = LintConfig.parse("""
            silence:
              - rule: WellKnownPort
                reason: Redis on 6380.
                reason: TLS.
            """)
        #expect(diagnostics == [Diagnostic(.error, "duplicate key 'reason' (first at line 3)", line: 4, column: 5, code: "duplicate-key")])
        #expect(config.silences.count == 1)
    }

    @Test func lintConfigDuplicateTopLevelKey() {
        let (_, diagnostics) = LintConfig.parse("silence: []\nsilence: []\n")
        #expect(diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0): \($0.message)" } == ["2:1: duplicate key 'silence' (first at line 1)"])
    }

    @Test func lintConfigPlainTildeIsNoProduct() {
        let (config, diagnostics) = LintConfig.parse("""
            silence:
              - rule: MissingCell
                product: ~
                reason: Checked.
              - rule: MissingCell
                product: '~'
                reason: Checked.
            """)
        #expect(diagnostics.isEmpty)
        #expect(config.silences.map(\.product) == [nil, "~"])
    }
}

/// Names quoted in configuration diagnostics are printed on a terminal: no raw ESC or override.
@Suite struct ConfigurationMessageTests {
    @Test func unknownKeysAndRulesShowCodePoints() {
        let (_, lint) = LintConfig.parse("\"\\e[2J\": 1\nsilence:\n  - rule: \"Missing\\u202ECell\"\n    reason: r\n")
        #expect(lint.map(\.message) == [
            "unknown key '<U+001B>[2J' (expected 'silence')",
            "unknown rule 'Missing<U+202E>Cell'",
        ])
        let (_, aliases) = AliasTable.parse(yaml: "\"Evil\\e]0;x\\a\": {nested: map}\n")
        #expect(aliases.map(\.message) == ["\"Evil<U+001B>]0;x<U+0007>\": aliases must be a name or a list of names"])
    }
}
