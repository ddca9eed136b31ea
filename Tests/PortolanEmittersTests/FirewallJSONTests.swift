import Foundation
import PortolanAnalysis
import PortolanEmitters
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
}
