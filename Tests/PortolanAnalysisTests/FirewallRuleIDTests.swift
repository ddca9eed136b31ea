import PortolanAnalysis
import PortolanModel
import Testing

/// Rule ids come from the documented flow only: the same with or without an inventory, and
/// when a new release renumbers the rows; the diff's delta sheet uses them.
struct FirewallRuleIDTests {
    @Test func seedIDsAreTheSameWithAndWithoutTheInventory() throws {
        let products = try FirewallSeeds.products()
        let (inventory, _) = Inventory.parse(try FirewallSeeds.inventoryText())
        let without = FirewallRules.derive(products)
        let with = FirewallRules.derive(products, inventory: inventory)
        #expect(without.rules.count == 131)
        #expect(with.rules.map(\.id) == without.rules.map(\.id))
        // The inventory did change the rules: addresses are filled in.
        #expect(with.rules.contains { !$0.destination.addresses.isEmpty })
    }

    static func shop(_ rows: [(String, String, String, Int)]) -> Product {
        FirewallSeeds.product("Shop", rows.map { number, from, to, port in
            Connection(number: number, source: from, destination: to, protocol: "HTTPS",
                       ports: PortSpec(ranges: [PortRange(port)]), classification: "Egress", description: "d", line: Int(number)! * 10)
        })
    }

    @Test func renumberedRowsKeepTheirIDsAndGiveAnEmptyDelta() {
        let old = Self.shop([("1", "API", "Payments", 443), ("2", "API", "Ledger", 8443)])
        let new = Self.shop([("1", "API", "Audit", 443), ("2", "API", "Payments", 443), ("3", "API", "Ledger", 8443)])
        let oldIDs = FirewallRules.derive([old]).rules.map(\.id), newIDs = FirewallRules.derive([new]).rules.map(\.id)
        #expect(newIDs[1] == oldIDs[0])
        #expect(newIDs[2] == oldIDs[1])
        let diff = Differ.diff(old: [old], new: [new])
        #expect(diff.firewall.toRemove.rules.isEmpty)
        #expect(diff.firewall.toAdd.rules.map(\.id) == [newIDs[0]])
    }

    @Test func aFlowMovedToAnotherSectionIsRemovedAndAddedUnderItsID() {
        func product(_ classification: String) -> Product {
            FirewallSeeds.product("P", [FirewallSeeds.connection(number: "1", from: "A", to: "B", protocol: "TCP",
                                                                 ports: PortSpec(ranges: [PortRange(80)]), classification: classification)])
        }
        let diff = Differ.diff(old: [product("Egress")], new: [product("Intra-cluster")])
        #expect(diff.firewall.toRemove.rules.map(\.section) == [.perimeter])
        #expect(diff.firewall.toAdd.rules.map(\.section) == [.intraCluster])
        #expect(diff.firewall.toAdd.rules.map(\.id) == diff.firewall.toRemove.rules.map(\.id))
    }

    @Test func anInventoryAliasMergesRulesAndTheFirstFlowKeepsItsID() {
        let p = Self.shop([("1", "API", "Redis", 6379), ("2", "API", "Redis 6.x", 6379)])
        let without = FirewallRules.derive([p]).rules
        let inventory = Inventory(entries: [Inventory.Entry(name: "Redis", aliases: ["Redis 6.x"], addresses: ["10.0.0.5"])])
        let with = FirewallRules.derive([p], inventory: inventory).rules
        #expect(without.count == 2)
        #expect(with.map(\.id) == [without[0].id])
        #expect(with[0].references.map(\.connection) == ["1", "2"])
    }

    @Test func theIDIgnoresClassificationProductAndDescription() {
        func rule(_ product: String, _ classification: String?, _ description: String) -> String {
            let p = FirewallSeeds.product(product, [FirewallSeeds.connection(number: "7", from: "A", to: "B", protocol: "TCP",
                ports: PortSpec(ranges: [PortRange(80)]), classification: classification, description: description)])
            return FirewallRules.derive([p]).rules[0].id
        }
        let id = rule("P", "Egress", "x")
        #expect(rule("Q", "Intra-cluster", "y") == id)
        #expect(rule("P", nil, "") == id)
        #expect(id.hasPrefix("fw-") && id.count == 11)
    }
}
