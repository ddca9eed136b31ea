import Foundation
import PortolanAnalysis
@testable import PortolanEmitters
import PortolanModel
import Testing

struct FirewallJSONTests {
    @Test func jsonReadsBackAsTheSameSheet() throws {
        for sheet in [FirewallRules.derive(try TableSeeds.products(), inventory: try TableSeeds.inventory()),
                      FirewallRules.derive([TableSeeds.hostileProduct()], inventory: TableSeeds.hostileInventory())] {
            let json = try FirewallJSON.render(sheet)
            let decoded = try JSONDecoder().decode(FirewallSheet.self, from: Data(json.utf8))
            #expect(decoded == sheet)
        }
    }

    @Test func jsonCarriesPortsAsNumbersAndReferencesWithLines() throws {
        let sheet = FirewallRules.derive(try TableSeeds.products())
        let json = try FirewallJSON.render(sheet)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let rules = try #require(object?["rules"] as? [[String: Any]])
        let media = try #require(rules.first { ($0["portText"] as? String) == "20000-45000" && (($0["references"] as? [[String: Any]])?.first?["connection"] as? String) == "9" })
        #expect((media["port"] as? [String: Int]) == ["from": 20000, "to": 45000])
        #expect(media["transport"] as? String == "UDP")
        #expect((media["references"] as? [[String: Any]])?.first?["line"] as? Int != nil)
    }

    /// `FirewallJSON.data` writes the sheet directly (`JSONBytes.firewallSheet`): the same bytes
    /// as the generic writer and as Foundation's `JSONEncoder`, on the seeds with and without
    /// the inventory, the hostile names, and rules with every optional absent or present.
    @Test func directBytesAreTheGenericWritersAndFoundations() throws {
        var odd = FirewallRules.derive([TableSeeds.hostileProduct()], inventory: TableSeeds.hostileInventory())
        odd.request = Inventory.Request(requestedBy: "Net \"team\"\n", ticket: "", environment: "stag\u{7}ing")
        odd.rules[0].port = nil
        odd.rules[0].transport = nil
        odd.rules[0].applicationProtocols = []
        odd.rules[0].justifications = []
        odd.rules[0].flags = [FirewallFlag(.noTransport, "x\u{1}"), FirewallFlag(.unknownPort, "é 😀 / \\")]
        odd.rules[1].source.podLabels = ["b": "2", "a": "1", "B": "3", "a.b/c": "é", "": "0"]
        odd.rules[1].destination = FirewallEndpoint(name: "")
        let sheets = [
            FirewallRules.derive(try TableSeeds.products()),
            FirewallRules.derive(try TableSeeds.products(), inventory: try TableSeeds.inventory()),
            odd,
            FirewallSheet(rules: []),
        ]
        for sheet in sheets {
            let direct = try FirewallJSON.data(sheet)
            #expect(direct == (try JSONBytes.encode(sheet, finalNewline: true)))
            #expect(direct == (try ModelSerialization.foundationJSON(sheet)))
        }
        // A bidirectional control, which Foundation leaves raw and `JSONBytes` escapes, and keys
        // Foundation sorts otherwise (by their bytes, not as Swift compares strings).
        odd.rules[0].justifications = ["a\u{202E}b"]
        odd.rules[1].source.podLabels = ["é": "3", "e\u{301}x": "4", "f": "5"]
        #expect(try FirewallJSON.data(odd) == (try JSONBytes.encode(odd, finalNewline: true)))
        #expect(String(decoding: try FirewallJSON.data(odd), as: UTF8.self).contains(#""a\u202eb""#))
    }
}
