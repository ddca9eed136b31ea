import PortolanAnalysis
@testable import PortolanEmitters
import PortolanModel
import Testing

/// `ConnectionTables.listeningPorts` finds a row's destination once per written name and makes
/// a row's labels once per (protocol, port cell): held here to the row-by-row listing it
/// replaced, on the seeds and on rows made to trip it.
struct ListeningPortsTests {
    /// The listing as it was (a destination's key looked up once per destination as written
    /// or declared): every row's labels made and looked for in the destination's list.
    static func plainListening(_ product: Product) -> [ConnectionTables.Listening] {
        var order: [String] = []
        var byKey: [String: (name: String, ports: [(Transport?, PortRange?, String)], connections: [String])] = [:]
        let declared = AliasTable().adding(product.declared)
        var numbers: [String: Set<String>] = [:]
        var keyOf: [String: String] = [:]
        for connection in product.connections {
            let destination = declared.isEmpty ? connection.destination : declared.canonical(for: connection.destination) ?? connection.destination
            let key = keyOf[destination] ?? Names.key(destination)
            keyOf[destination] = key
            if byKey[key] == nil {
                order.append(key)
                byKey[key] = (destination, [], [])
            }
            // The labels themselves are the seeds' golden connections.md's to check.
            let text = ConnectionTables.portLabels(connection)
            for entry in text where !byKey[key]!.ports.contains(where: { $0.2 == entry.2 }) {
                byKey[key]!.ports.append(entry)
            }
            if numbers[key, default: []].insert(connection.number).inserted { byKey[key]!.connections.append(connection.number) }
        }
        return order.map { key in
            let value = byKey[key]!
            let sorted = value.ports.sorted { a, b in
                (a.0?.rawValue ?? "~", a.1?.from ?? Int.max, a.1?.to ?? Int.max, a.2) < (b.0?.rawValue ?? "~", b.1?.from ?? Int.max, b.1?.to ?? Int.max, b.2)
            }
            return ConnectionTables.Listening(destination: value.name, ports: sorted.map(\.2), connections: value.connections)
        }
    }

    static func trickyProduct(declared: Bool) -> Product {
        func row(_ number: String, _ to: String, _ protocol: String?, _ ports: PortSpec) -> Connection {
            Connection(number: number, source: "A", destination: to, protocol: `protocol`, ports: ports,
                       classification: "Egress", description: "", line: 1)
        }
        let rows = [
            row("1", "Store", "HTTPS", PortSpec(ranges: [PortRange(443)], text: "443")),
            row("2", "store", "HTTPS", PortSpec(ranges: [PortRange(443)], text: "443")),
            row("3", "STORE!", "HTTP", PortSpec(ranges: [PortRange(443)], text: "443")),
            row("4", "Store", "HTTPS", PortSpec(text: "443")),
            row("5", "Store", "Gopher", PortSpec(ranges: [PortRange(70), PortRange(71, 72)], configurable: true, text: "70, 71-72*")),
            row("6", "Store", nil, PortSpec()),
            row("6", "Store", "TCP", PortSpec(text: "N/A")),
            row("7", "Queue", "Kafka", PortSpec(ranges: [PortRange(9092), PortRange(9092)], text: "9092/9092")),
            row("8", "Broker", "Kafka", PortSpec(ranges: [PortRange(9092)], configurable: true, text: "9092*")),
            row("e\u{301}", "Broker", "Kafka", PortSpec(ranges: [PortRange(9092)], text: "9092")),
            row("\u{E9}", "Broker", "Kafka", PortSpec(ranges: [PortRange(9092)], text: "9092")),
            row("9", "Cach\u{E9}", "Redis", PortSpec(ranges: [PortRange(6379)], text: "6379")),
            row("10", "Cache\u{301}", "Redis", PortSpec(ranges: [PortRange(6379)], text: "6379")),
        ]
        var product = Products.group(Model(documents: [Document(path: "t.md", subject: "T", connections: rows + rows.reversed())]))[0]
        if declared {
            product.declared = DeclaredComponents([ComponentNote(name: "Message broker", kind: "queue", aliases: ["Queue", "Broker"])])
        }
        return product
    }

    @Test func listingEqualsTheRowByRowListing() throws {
        let products = try TableSeeds.products() + [Self.trickyProduct(declared: false), Self.trickyProduct(declared: true)]
        for product in products {
            #expect(ConnectionTables.listeningPorts(product) == Self.plainListening(product), "\(product.name)")
        }
        let tricky = ConnectionTables.listeningPorts(Self.trickyProduct(declared: true))
        #expect(tricky.prefix(2).map(\.destination) == ["Store", "Message broker"])
        #expect(tricky.first?.ports == ["TCP 443", "TCP N/A", "70 (transport unknown) (configurable)",
                                        "71-72 (transport unknown) (configurable)", "(no port)"])
        #expect(tricky.first?.connections == ["1", "2", "3", "4", "5", "6"])
    }
}
