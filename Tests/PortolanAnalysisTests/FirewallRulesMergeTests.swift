@testable import PortolanAnalysis
import PortolanModel
import Testing

/// `FirewallRules.derive` sends a row whose shape it has seen straight to that shape's rules,
/// keeps references as numbers and looks for one only when its line does not tell it is new;
/// `RuleReference.documents` keys rows by number and line. Both are held here to the plain way
/// (every row's rules made and merged by identity; every row's text made and compared) on rows
/// made to trip them: repeated and renumbered rows, one row twice, lines going back, twenty rows
/// of one line, two documents of one path, names differing in case and punctuation, several ranges,
/// unknown ports and protocols, empty descriptions, non-ASCII and control characters.
struct FirewallRulesMergeTests {
    /// The rules as derived before rows of a known shape were sent straight to their rules.
    static func plainDerive(_ products: [Product], inventory: Inventory = .empty) -> FirewallSheet {
        var rules: [FirewallRule] = []
        var indexByIdentity: [String: Int] = [:]
        for product in products {
            for document in product.documents {
                for connection in document.connections {
                    let reference = RuleReference(product: product.name, connection: connection.number,
                                                  path: document.path, line: connection.line)
                    for candidate in FirewallRules.rules(for: connection, reference: reference, inventory: inventory, declared: product.declared) {
                        let identity = FirewallRules.identity(of: candidate)
                        if let index = indexByIdentity[identity] {
                            rules[index].merge(candidate)
                        } else {
                            indexByIdentity[identity] = rules.count
                            rules.append(candidate)
                        }
                    }
                }
            }
        }
        FirewallRules.assignIDs(&rules)
        let ordered = FirewallSection.allCases.flatMap { section in rules.filter { $0.section == section } }
        return FirewallSheet(rules: ordered, request: inventory.request, documents: products.flatMap { $0.documents.map(\.path) })
    }

    /// `RuleReference.documents` as it was: each row's text made, then looked for.
    static func plainDocuments(_ references: [RuleReference]) -> String {
        var groups: [(path: String, rows: [String])] = []
        for reference in references {
            let row = "#\(reference.connection) (line \(reference.line))"
            if let index = groups.firstIndex(where: { $0.path == reference.path }) {
                if !groups[index].rows.contains(row) { groups[index].rows.append(row) }
            } else {
                groups.append((reference.path, [row]))
            }
        }
        return groups.map { "\($0.path): \($0.rows.joined(separator: ", "))" }.joined(separator: "; ")
    }

    static func row(_ number: String, _ from: String, _ to: String, _ protocol: String?, _ ports: PortSpec,
                    _ classification: String?, _ description: String, line: Int) -> Connection {
        Connection(number: number, source: from, destination: to, protocol: `protocol`, ports: ports,
                   classification: classification, description: description, line: line)
    }

    static func trickyProducts() -> [Product] {
        let web = PortSpec(ranges: [PortRange(443)], text: "443")
        let two = PortSpec(ranges: [PortRange(9092), PortRange(9093), PortRange(9092)], configurable: true, text: "9092/9093*/9092")
        let unknown = PortSpec(text: "N/A")
        var rows: [Connection] = []
        for n in 0..<40 {
            let description = n % 4 == 0 ? "" : n % 3 == 0 ? "same" : "data \(n) é\u{1}"
            rows.append(row("\(n + 1)", n % 2 == 0 ? "Web App" : "web-app", "DB", "HTTPS", web, "Egress", description, line: 10 + n))
            rows.append(row("\(n + 1)a", "Web App", "Kafka", n % 5 == 0 ? nil : "Kafka", two, n % 7 == 0 ? nil : "Intra-cluster", description, line: 10 + n))
            rows.append(row("\(n + 1)b", "Job", "Store", n % 2 == 0 ? "HTTP" : "Gopher", unknown, "Ingress", "d\(n % 3)", line: 10 + n))
        }
        // The same row twice (one reference), and one number on two lines.
        rows.append(rows[0])
        rows.append(row("1", "Web App", "DB", "HTTPS", web, "Egress", "again", line: 99))
        rows.append(row("e\u{301}", "Web App", "DB", "HTTPS", web, "Egress", "", line: 100))
        rows.append(row("\u{E9}", "Web App", "DB", "HTTPS", web, "Egress", "", line: 100))
        // Twenty rows on one line, then two of them again (one past the sixteen a line keeps).
        for n in [Int](0..<20) + [3, 18] {
            rows.append(row("L\(n)", "Web App", "DB", "HTTPS", web, "Egress", "", line: 500))
        }
        #expect(rows.count == 146)
        let first = Document(path: "a.md", subject: "Shop", connections: Array(rows[0..<70]) + rows[124...])
        let again = Document(path: "a.md", subject: "Shop", connections: Array(rows[60...]))
        let other = Document(path: "b.md", subject: "Billing", connections: rows.reversed())
        return Products.group(Model(documents: [first, again, other]))
    }

    @Test func derivingEqualsTheRowByRowMerge() throws {
        let products = Self.trickyProducts()
        #expect(products.count == 2)
        for set in [products, [products[0]], [products[1]], products.reversed()] {
            let sheet = FirewallRules.derive(set)
            #expect(sheet == Self.plainDerive(set))
            #expect(sheet.rules.count > 5)
        }
        let seeds = try FirewallSeeds.products()
        let inventory = Inventory.parse(try FirewallSeeds.inventoryText()).0
        #expect(FirewallRules.derive(seeds) == Self.plainDerive(seeds))
        #expect(FirewallRules.derive(seeds, inventory: inventory) == Self.plainDerive(seeds, inventory: inventory))
    }

    @Test func documentsEqualsTheTextByTextListing() {
        let sheet = FirewallRules.derive(Self.trickyProducts())
        for rule in sheet.rules {
            #expect(RuleReference.documents(rule.references) == Self.plainDocuments(rule.references))
        }
        let tricky = [
            RuleReference(product: "P", connection: "1", path: "a", line: 5),
            RuleReference(product: "P", connection: "1 (line 5)", path: "a", line: 7),
            RuleReference(product: "Q", connection: "1", path: "b", line: 5),
            RuleReference(product: "P", connection: "1", path: "a", line: 5),
            RuleReference(product: "P", connection: "1", path: "a", line: -5),
            RuleReference(product: "P", connection: "e\u{301}", path: "a", line: 1),
            RuleReference(product: "P", connection: "\u{E9}", path: "a", line: 1),
            RuleReference(product: "P", connection: "", path: "", line: 0),
            RuleReference(product: "P", connection: "2", path: "b", line: 5),
        ]
        #expect(RuleReference.documents(tricky) == Self.plainDocuments(tricky))
        #expect(RuleReference.documents(tricky) == "a: #1 (line 5), #1 (line 5) (line 7), #1 (line -5), #e\u{301} (line 1); b: #1 (line 5), #2 (line 5); : # (line 0)")
    }
}
