/// Generates connections tables of any size in each layout Portolan reads, with the shapes
/// the real documents have (multi-word names, port lists, configurable marks, long descriptions).
enum Generator {
    enum Layout: String, CaseIterable {
        case tab, markdown, csv, wrapped, oneline, aligned, rst, plain
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
        case .csv:
            out += "Connection,Source,Destination,Protocol,Port,Classification,Data that travels on this connection\n"
            for n in 1...count {
                let r = row(n)
                out += "\(n),\(r.source),\(r.destination),\(r.proto),\"\(r.port)\",\(r.classification),\"\(r.description)\"\n"
            }
        case .aligned:
            // pdftotext -layout: padded columns, the description wrapped onto a second line.
            func pad(_ s: String, _ width: Int) -> String { s.padding(toLength: width, withPad: " ", startingAt: 0) }
            out += pad("No.", 8) + pad("Source", 32) + pad("Destination", 20) + pad("Protocol", 10) + pad("Port", 14) + pad("Classification", 16) + "Description\n"
            for n in 1...count {
                let r = row(n)
                let words = r.description.split(separator: " ")
                let half = words.count / 2
                out += pad(String(n), 8) + pad(r.source, 32) + pad(r.destination, 20) + pad(r.proto, 10) + pad(r.port, 14)
                    + pad(r.classification, 16) + words[..<half].joined(separator: " ") + "\n"
                out += String(repeating: " ", count: 100) + words[half...].joined(separator: " ") + "\n"
            }
        case .rst:
            let border = String(repeating: "=", count: 6) + "  " + String(repeating: "=", count: 30) + "  " + String(repeating: "=", count: 18)
                + "  " + String(repeating: "=", count: 8) + "  " + String(repeating: "=", count: 12) + "  " + String(repeating: "=", count: 14)
                + "  " + String(repeating: "=", count: 40)
            func pad(_ s: String, _ width: Int) -> String { s.padding(toLength: width + 2, withPad: " ", startingAt: 0) }
            out += border + "\n" + pad("No.", 6) + pad("Source", 30) + pad("Destination", 18) + pad("Protocol", 8) + pad("Port", 12)
                + pad("Direction", 14) + "Description\n" + border + "\n"
            for n in 1...count {
                let r = row(n)
                out += pad(String(n), 6) + pad(r.source, 30) + pad(r.destination, 18) + pad(r.proto, 8) + pad(r.port, 12)
                    + pad(r.classification, 14) + r.description + "\n"
            }
            out += border + "\n"
        case .plain:
            // Single spaces between cells: only the cells' types split a row.
            out += "Inbound to Benchmark Product\nType Protocol Ports Source\n"
            for n in 1...count {
                let r = row(n)
                out += "Custom Rule \(n % 7) \(["TCP", "UDP"][n % 2]) \(8000 + n % 1000) \(r.source)\n"
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
