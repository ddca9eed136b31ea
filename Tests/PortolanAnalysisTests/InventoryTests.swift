import PortolanAnalysis
import PortolanModel
import Testing

struct InventoryTests {
    @Test func seedInventoryParsesCleanlyAndEveryEntryNamesAComponent() throws {
        let (inventory, diagnostics) = Inventory.parse(try FirewallSeeds.inventoryText())
        #expect(diagnostics.isEmpty)
        #expect(inventory.unmatched(in: try FirewallSeeds.products()).isEmpty)
        let tenant = try #require(inventory.entry(for: "Tenant Service (Voice Config Service)"))
        #expect(tenant.name == "Tenant Service")
        #expect(tenant.namespace == "voice")
        #expect(tenant.podLabels == ["app.kubernetes.io/name": "tenant"])
        #expect(inventory.entry(for: "sip server")?.name == "Voice SIP Cluster Service")
        #expect(inventory.entry(for: "Interaction Server") == nil)
    }

    @Test func aliasesMakeOneRuleAndFillAddressesAndZones() {
        let text = """
        components:
          Redis:
            aliases: [Redis 6.x]
            addresses: [10.0.0.5/32, redis.example.com]
            zone: data
        """
        let (inventory, diagnostics) = Inventory.parse(text)
        #expect(diagnostics.isEmpty)
        let p = FirewallSeeds.product("P", [
            FirewallSeeds.connection(number: "1", from: "ORS", to: "Redis", protocol: "Redis", ports: PortSpec(ranges: [PortRange(6379)]), classification: "Egress"),
            FirewallSeeds.connection(number: "2", from: "ORS", to: "Redis 6.x", protocol: "Redis", ports: PortSpec(ranges: [PortRange(6379)]), classification: "Egress"),
        ])
        #expect(FirewallRules.derive([p]).rules.count == 2)
        let sheet = FirewallRules.derive([p], inventory: inventory)
        #expect(sheet.rules.count == 1)
        #expect(sheet.rules[0].destination.addresses == ["10.0.0.5/32", "redis.example.com"])
        #expect(sheet.rules[0].destination.zone == "data")
        // Without an inventory entry the zone follows the classification: Egress leaves the cluster.
        #expect(sheet.rules[0].source.zone == "cluster")
        #expect(sheet.rules[0].source.addresses.isEmpty)
    }

    @Test func invalidYAMLIsOneErrorWithItsPosition() {
        let (inventory, diagnostics) = Inventory.parse("components:\n  A: [unclosed\n")
        #expect(inventory.entries.isEmpty)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.severity == .error)
        #expect(diagnostics.first?.line != nil)
    }

    @Test func unknownKeysGetADidYouMean() {
        let (inventory, diagnostics) = Inventory.parse("components:\n  ORS:\n    namspace: voice\n")
        #expect(inventory.entries.count == 1)
        #expect(diagnostics.map(\.severity) == [.warning])
        #expect(diagnostics.first?.message.contains("did you mean 'namespace'?") == true)
        #expect(diagnostics.first?.line == 3)
    }

    @Test func invalidKubernetesNamesAreRejected() {
        let text = """
        components:
          ORS:
            namespace: "Voice Namespace"
            podLabels: {"app": "ors", "bad key!": "x", "ok": "-bad-value"}
        """
        let (inventory, diagnostics) = Inventory.parse(text)
        #expect(inventory.entries.first?.namespace == nil)
        #expect(inventory.entries.first?.podLabels == ["app": "ors"])
        #expect(diagnostics.filter { $0.severity == .error }.count == 3)
    }

    @Test func anAliasHeldByTwoEntriesKeepsTheFirst() {
        let (inventory, diagnostics) = Inventory.parse("components:\n  Redis:\n    zone: a\n  Cache:\n    aliases: [REDIS]\n    zone: b\n")
        #expect(inventory.entry(for: "redis")?.zone == "a")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("already a name of 'Redis'") == true)
    }

    @Test func entriesMatchingNoComponentSuggestTheClosestName() throws {
        let (inventory, _) = Inventory.parse("components:\n  Voice SIP Cluster Servce:\n    zone: cluster\n")
        let unmatched = inventory.unmatched(in: try FirewallSeeds.products())
        #expect(unmatched.count == 1)
        #expect(unmatched.first?.message.contains("did you mean 'Voice SIP Cluster Service'?") == true)
        #expect(unmatched.first?.line == 2)
    }

    @Test func emptyInventoryIsEmpty() {
        let (inventory, diagnostics) = Inventory.parse("")
        #expect(inventory.entries.isEmpty)
        #expect(diagnostics.isEmpty)
    }
}
