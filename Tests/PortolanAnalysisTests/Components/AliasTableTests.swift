import PortolanAnalysis
import PortolanModel
import Testing

struct AliasTableTests {
    @Test func listsAndSingleNamesBothWork() {
        let (table, diagnostics) = AliasTable.parse(yaml: """
            # comment
            Genesys Web Services and Applications:
              - GWS
              - "Web Services"
            Session Border Controller: SBC
            """)
        #expect(diagnostics.isEmpty)
        #expect(table.canonical(for: "GWS") == "Genesys Web Services and Applications")
        #expect(table.canonical(for: "web services") == "Genesys Web Services and Applications")
        #expect(table.canonical(for: "S.B.C.") == "Session Border Controller")
        #expect(table.canonical(for: "Genesys Web Services and Applications") == "Genesys Web Services and Applications")
        #expect(table.canonical(for: "Nexus") == nil)
    }

    @Test func errorsCarryTheirLineAndEveryGoodEntryIsKept() {
        let (table, diagnostics) = AliasTable.parse(yaml: """
            Tenant Service:
              - Tenant Service (Voice Config Service)
            Broken:
              nested: mapping
            Redis:
              - [not, a, name]
            """)
        #expect(table.canonical(for: "Tenant Service (Voice Config Service)") == "Tenant Service")
        #expect(diagnostics.map(\.severity) == [.error, .error])
        #expect(diagnostics.map(\.line) == [3, 6])
    }

    @Test func anAliasClaimedTwiceKeepsItsFirstOwner() {
        let (table, diagnostics) = AliasTable.parse(yaml: """
            A Service: [Shared]
            B Service: [Shared]
            """)
        #expect(table.canonical(for: "Shared") == "A Service")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.severity == .warning)
        #expect(diagnostics.first?.line == 2)
    }

    @Test func notYAMLIsOneErrorWithAPosition() {
        let (table, diagnostics) = AliasTable.parse(yaml: "a: [b\nc: d")
        #expect(table.isEmpty)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.severity == .error)
        #expect(diagnostics.first?.line != nil)
    }

    @Test func theSeedAliasFileParsesCleanly() throws {
        let text = try String(contentsOfFile: "\(ComponentSeeds.input)/aliases.yaml", encoding: .utf8)
        let (table, diagnostics) = AliasTable.parse(yaml: text)
        #expect(diagnostics.isEmpty)
        #expect(table.canonical(for: "GWS") == "Genesys Web Services and Applications")
        #expect(table.canonical(for: "Tenant Service (Voice Config Service)") == "Tenant Service")
    }
}
