import Foundation
import Testing

/// Every connection of the seeds is present in every output that should carry it: the DOT
/// edges, the SVG ids, the Markdown table, the firewall rules (when it has a port), the site's
/// table rows and its diagram; and nothing more.
@Suite struct EveryConnectionEverywhereTests {
    /// The numbers of each product's connections, from the parsed model.
    static func numbersByProduct(_ out: String) throws -> [String: [String]] {
        var result: [String: [String]] = [:]
        for slug in ["cx-contact", "genesys-pulse", "voice-microservices", "genesys-voice-platform"] {
            let data = FileManager.default.contents(atPath: "\(out)/\(slug)/model.json")!
            let model = try JSONSerialization.jsonObject(with: data) as! [String: Any]
            result[slug] = (model["documents"] as! [[String: Any]]).flatMap { ($0["connections"] as! [[String: Any]]).map { $0["number"] as! String } }
        }
        return result
    }

    static func read(_ path: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }

    /// All matches of `prefix` + digits in `text`, as the digit strings.
    static func numbers(after prefix: String, in text: String) -> [String] {
        text.components(separatedBy: prefix).dropFirst().map { String($0.prefix(while: \.isNumber)) }.filter { !$0.isEmpty }
    }

    @Test func everyOutputCarriesEveryConnection() throws {
        let seeds = try SeedBuild.get()
        let out = seeds.folder
        #expect(seeds.run.status == 0)
        let byProduct = try Self.numbersByProduct(out)
        let total = byProduct.values.map(\.count).reduce(0, +)
        #expect(total == 122)  // 13 + 27 + 60 + 22
        for (slug, expected) in byProduct {
            let dot = Self.read("\(out)/\(slug)/connections.dot")
            #expect(Self.numbers(after: "id=\"conn-", in: dot) == expected, "\(slug) DOT edges")
            let svg = Self.read("\(out)/\(slug)/connections.svg")
            #expect(Self.numbers(after: "id=\"conn-", in: svg).sorted() == expected.sorted(), "\(slug) SVG ids")
            let markdown = Self.read("\(out)/\(slug)/connections.md")
            let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| ") }.map { String($0.dropFirst(2).prefix(while: \.isNumber)) }.filter { !$0.isEmpty }
            #expect(Array(rows.prefix(expected.count)) == expected, "\(slug) Markdown rows")
            let page = Self.read("\(out)/site/\(slug)/index.html")
            #expect(Self.numbers(after: "id=\"row-conn-", in: page) == expected, "\(slug) site rows")
            #expect(Self.numbers(after: "<g id=\"conn-", in: page).sorted() == expected.sorted(), "\(slug) site diagram")
        }
        // Platform: one edge per connection of every product.
        let platform = Self.read("\(out)/platform/connections.dot")
        #expect(platform.components(separatedBy: "id=\"conn-").count - 1 == 122)
    }

    @Test func firewallRulesTraceToConnections() throws {
        let seeds = try SeedBuild.get()
        let out = seeds.folder
        #expect(seeds.run.status == 0)
        let model = try JSONSerialization.jsonObject(with: FileManager.default.contents(atPath: "\(out)/platform/model.json")!) as! [String: Any]
        var withPorts = Set<String>(), all = Set<String>()
        for document in model["documents"] as! [[String: Any]] {
            for connection in document["connections"] as! [[String: Any]] {
                let key = "\(document["path"]!)#\(connection["number"]!)"
                all.insert(key)
                if !(connection["ports"] as! [Any]).isEmpty { withPorts.insert(key) }
            }
        }
        let sheet = try JSONSerialization.jsonObject(with: FileManager.default.contents(atPath: "\(out)/platform/firewall.json")!) as! [String: Any]
        var referenced = Set<String>()
        for rule in sheet["rules"] as! [[String: Any]] {
            for reference in rule["references"] as! [[String: Any]] {
                referenced.insert("\(reference["path"]!)#\(reference["connection"]!)")
            }
        }
        #expect(withPorts.isSubset(of: referenced))
        #expect(referenced.isSubset(of: all))
    }
}
