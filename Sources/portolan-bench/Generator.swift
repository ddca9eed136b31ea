/// Generates connections tables of any size in each layout Portolan reads, with the shapes
/// the real documents have (multi-word names, port lists, configurable marks, long descriptions).
enum Generator {
    enum Layout: String, CaseIterable {
        case tab, markdown, wrapped, oneline
    }

    static let sources = ["Tenant Service", "Voice SIP Cluster Service", "DCU StatefulSet", "Billing Data Service", "Agent State Service"]
    static let destinations = ["Redis", "PostgreSQL", "Kafka", "Config Service", "Consul"]
    static let protocols = ["TCP", "HTTP", "Redis", "Kafka", "SIP/TCP"]
    static let ports = ["8888", "5050, 8888", "6379*", "9092/9093*", "20000-45000"]
    static let classes = ["Intra-cluster", "Egress", "Ingress"]

    struct Row {
        var n: Int
        var source, destination, proto, port, classification, description: String
    }

    static func row(_ n: Int) -> Row {
        Row(n: n, source: "\(sources[n % 5]) \(n % 13)", destination: destinations[(n / 5) % 5],
            proto: protocols[n % 5], port: ports[(n / 3) % 5], classification: classes[n % 3],
            description: "Exchange of routing data number \(n) for voice and digital interactions across the cluster.")
    }

    static func document(_ layout: Layout, rows count: Int) -> String {
        var out = "The numbers refer to connections, from the point of view of Benchmark Product as a service in the network.\n\n"
        switch layout {
        case .tab:
            out += "Connection\tSource\tDestination\tProtocol\tPort\tClassification\tData that travels on this connection\n"
            for n in 1...count {
                let r = row(n)
                out += "\(n)\t\(r.source)\t\(r.destination)\t\(r.proto)\t\(r.port)\t\(r.classification)\t\(r.description)\n"
            }
        case .markdown:
            out += "| Connection | Source | Destination | Protocol | Port | Classification | Data that travels on this connection |\n|---|---|---|---|---|---|---|\n"
            for n in 1...count {
                let r = row(n)
                out += "| \(n) | \(r.source) | \(r.destination) | \(r.proto) | \(r.port) | \(r.classification) | \(r.description) |\n"
            }
        case .oneline:
            out += "Connection Source Destination Protocol Port Classification Data that travels on this connection\n"
            for n in 1...count {
                let r = row(n)
                out += "\(n) \(r.source) \(r.destination) \(r.proto) \(r.port) \(r.classification) \(r.description)\n"
            }
        case .wrapped:
            out += "Connection Source Destination Protocol Port Classification\nData that\ntravels on\n\nthis\nconnection\n\n"
            for n in 1...count {
                let r = row(n)
                let source = r.source.split(separator: " ")
                // Source over two lines, destination in its own block, description one word a line.
                out += "\(n) \(source[0])\n\(source.dropFirst().joined(separator: " "))\n\n\(r.destination)\n\n"
                out += "\(r.proto) \(r.port) \(r.classification)\n\n"
                out += r.description.split(separator: " ").joined(separator: "\n") + "\n\n"
                if n % 6 == 0 {
                    out += " Connection Source Destination Protocol Port Classification\nData that\ntravels on\n\nthis\nconnection\n"
                }
            }
        }
        return out
    }
}
