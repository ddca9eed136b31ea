import PortolanAnalysis
import PortolanModel
import Testing

/// Over every seed: each connection's ports are in its product's rules, and each rule
/// traces back to connections that give exactly it.
struct FirewallTraceabilityTests {
    @Test func everyConnectionPortIsARuleOfItsProduct() throws {
        for inventory in [Inventory.empty, Inventory.parse(try FirewallSeeds.inventoryText()).0] {
            for product in try FirewallSeeds.products() {
                let sheet = FirewallRules.derive([product], inventory: inventory)
                for document in product.documents {
                    for connection in document.connections {
                        let rules = FirewallSeeds.rules(sheet, product: product.name, connection: connection.number)
                            .filter { $0.references.contains { $0.line == connection.line && $0.path == document.path } }
                        let transport = Transport.of(protocol: connection.protocol)
                        if connection.ports.ranges.isEmpty {
                            #expect(rules.count == 1, "\(document.path):\(connection.line)")
                            #expect(rules.first?.flags.contains { $0.kind == .unknownPort } == true)
                        } else {
                            #expect(Set(rules.compactMap(\.port)) == Set(connection.ports.ranges), "\(document.path):\(connection.line)")
                        }
                        #expect(rules.allSatisfy { $0.transport == transport })
                        #expect(rules.allSatisfy { ($0.transport == nil) == $0.flags.contains { $0.kind == .noTransport } })
                        #expect(rules.allSatisfy { $0.flags.contains { $0.kind == .configurablePort } == connection.ports.configurable })
                    }
                }
            }
        }
    }

    @Test func everyRuleTracesBackToItsConnections() throws {
        let products = try FirewallSeeds.products()
        let sheet = FirewallRules.derive(products)
        var connections: [String: Connection] = [:]
        for product in products {
            for document in product.documents {
                for connection in document.connections {
                    connections["\(product.name)|\(document.path)|\(connection.line)"] = connection
                }
            }
        }
        for rule in sheet.rules {
            #expect(!rule.references.isEmpty)
            for reference in rule.references {
                let connection = try #require(connections["\(reference.product)|\(reference.path)|\(reference.line)"], "\(rule.id)")
                #expect(connection.number == reference.connection)
                #expect(Names.key(connection.source) == Names.key(rule.source.name))
                #expect(Names.key(connection.destination) == Names.key(rule.destination.name))
                #expect(Transport.of(protocol: connection.protocol) == rule.transport)
                if let port = rule.port {
                    #expect(connection.ports.ranges.contains(port), "\(rule.id) \(reference)")
                } else {
                    #expect(connection.ports.ranges.isEmpty)
                }
                if let written = connection.protocol { #expect(rule.applicationProtocols.contains(written)) }
            }
        }
        // All 122 connections of the seeds are referenced.
        let referenced = Set(sheet.rules.flatMap(\.references).map { "\($0.product)|\($0.path)|\($0.line)" })
        #expect(referenced == Set(connections.keys))
        #expect(connections.count == 122)
    }
}
