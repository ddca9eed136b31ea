import PortolanAnalysis
import PortolanModel

/// Connections tables as GitHub-flavoured Markdown: per product (connections, included
/// services, listening ports per destination) and one platform table of every connection.
public enum ConnectionTables {
    static let connectionColumns = ["#", "Source", "Destination", "Protocol", "Port", "Classification", "Data"]

    public static func product(_ product: Product) -> String {
        var out = "# \(MarkdownTable.inline(product.name))\n\n"
        let sources = product.documents.map { "`" + ControlCharacters.visible($0.path, lineBreaks: true).replacingOccurrences(of: "`", with: "'") + "`" }
        out += "From \(sources.joined(separator: ", ")).\n"
        out += "\n## Connections\n\n"
        if count(product) == 0 {
            out += "None.\n"
        } else {
            out += MarkdownTable.render(header: connectionColumns, rows: product.documents.flatMap { $0.connections.map { cells($0) } })
        }
        out += "\n## Included services\n\n"
        if product.services.isEmpty {
            out += "None listed.\n"
        } else {
            out += MarkdownTable.render(header: ["Service", "Description"],
                                        rows: product.services.map { [$0.name, $0.description] })
        }
        out += "\n## Listening ports\n\n"
        let listening = listeningPorts(product)
        if listening.isEmpty {
            out += "None.\n"
        } else {
            out += MarkdownTable.render(header: ["Destination", "Listening ports", "Connections"],
                                        rows: listening.map { [$0.destination, $0.ports.joined(separator: ", "), $0.connections.map { "#" + $0 }.joined(separator: ", ")] })
        }
        return out
    }

    public static func platform(_ products: [Product]) -> String {
        var out = "# All connections\n\n"
        let total = products.map(count).reduce(0, +)
        out += "\(total) connections of \(products.count) products.\n\n"
        var rows: [[String]] = []
        rows.reserveCapacity(total)
        for product in products {
            for document in product.documents {
                rows += document.connections.map { cells($0, product: product.name) }
            }
        }
        out += MarkdownTable.render(header: ["Product"] + connectionColumns, rows: rows)
        return out
    }

    static func cells(_ connection: Connection) -> [String] {
        [connection.number, connection.source, connection.destination, connection.protocol ?? "",
         connection.ports.text ?? "", connection.classification ?? "", connection.description]
    }

    /// The platform table's row: the product, then `cells`.
    static func cells(_ connection: Connection, product: String) -> [String] {
        [product, connection.number, connection.source, connection.destination, connection.protocol ?? "",
         connection.ports.text ?? "", connection.classification ?? "", connection.description]
    }

    /// `product.connections.count` without gathering them (a million rows' copy).
    static func count(_ product: Product) -> Int {
        product.documents.reduce(0) { $0 + $1.connections.count }
    }

    public struct Listening: Sendable, Hashable {
        public var destination: String
        /// "TCP 6379", "UDP 20000-45000", "TCP 6379 (configurable)", "N/A (transport unknown)".
        public var ports: [String]
        public var connections: [String]
    }

    /// What each destination component listens on, destinations in order of first appearance,
    /// ports sorted by transport and number, names matched ignoring case and punctuation; the
    /// aliases a YAML model declares are listed under the declared name.
    public static func listeningPorts(_ product: Product) -> [Listening] {
        var entries: [ListeningEntry] = []
        var byKey: [String: Int] = [:]
        let declared = AliasTable().adding(product.declared)
        // Each destination's entry, found by its key once: a large table reaches the same few
        // destinations from thousands of rows.
        var entryOf: [String: Int] = [:]
        // The rows without gathering them into one array (a million rows' copy).
        for connection in product.documents.lazy.flatMap(\.connections) {
            let destination = declared.isEmpty ? connection.destination : declared.canonical(for: connection.destination) ?? connection.destination
            let index: Int
            if let known = entryOf[destination] {
                index = known
            } else {
                let key = Names.key(destination)
                if let known = byKey[key] {
                    index = known
                } else {
                    index = entries.count
                    byKey[key] = index
                    entries.append(ListeningEntry(name: destination))
                }
                entryOf[destination] = index
            }
            entries[index].add(connection)
        }
        return entries.map { entry in
            let sorted = entry.ports.sorted { a, b in
                (a.0?.rawValue ?? "~", a.1?.from ?? Int.max, a.1?.to ?? Int.max, a.2) < (b.0?.rawValue ?? "~", b.1?.from ?? Int.max, b.1?.to ?? Int.max, b.2)
            }
            return Listening(destination: entry.name, ports: sorted.map(\.2), connections: entry.connections)
        }
    }

    /// A row's listening-port labels ("TCP 443", "8080 (transport unknown)", "UDP (no port)"),
    /// each with its transport and range for sorting.
    static func portLabels(_ connection: Connection) -> [(Transport?, PortRange?, String)] {
        let transport = Transport.of(protocol: connection.protocol)
        var labels: [(Transport?, PortRange?, String)] = []
        let suffix = connection.ports.configurable ? " (configurable)" : ""
        if connection.ports.ranges.isEmpty {
            let written = connection.ports.text ?? ""
            labels.append((transport, nil, (transport.map { $0.rawValue + " " } ?? "") + (written.isEmpty ? "(no port)" : written)))
        }
        for range in connection.ports.ranges {
            let label = transport.map { "\($0.rawValue) \(range)" } ?? "\(range) (transport unknown)"
            labels.append((transport, range, label + suffix))
        }
        return labels
    }

    /// One destination's ports and connections so far.
    private struct ListeningEntry {
        var name: String
        var ports: [(Transport?, PortRange?, String)] = []
        var connections: [String] = []
        /// The labels in `ports`, the numbers in `connections`, and the (protocol, port cell)
        /// pairs already added: a row of a known pair adds no label.
        var labels: Set<String> = []
        var numbers: Set<String> = []
        var shapes: Set<PortShape> = []

        init(name: String) {
            self.name = name
        }

        mutating func add(_ connection: Connection) {
            if shapes.insert(PortShape(protocol: connection.protocol, ports: connection.ports)).inserted {
                for entry in ConnectionTables.portLabels(connection) where labels.insert(entry.2).inserted {
                    ports.append(entry)
                }
            }
            if numbers.insert(connection.number).inserted { connections.append(connection.number) }
        }
    }

    /// What a row's listening-port labels are made of.
    private struct PortShape: Hashable {
        var `protocol`: String?
        var ports: PortSpec
    }
}
