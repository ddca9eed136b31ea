/// The words vendors write in the header of a connections table, and the role each names.
/// Checked after the words Portolan has always known (`TableHeader.column(forCell:)`).
enum HeaderVocabulary {
    /// Whole header texts (lowercased, without punctuation but `#`, `/` and `.`, spaces collapsed).
    static let exact: [String: Column] = {
        var table: [String: Column] = [:]
        func add(_ column: Column, _ texts: [String]) { for t in texts { table[t] = column } }
        add(.number, ["#", "no", "no.", "nr", "nr.", "id", "number", "connection", "conn", "conn.", "rule", "rule #", "rule id",
                      "connection id", "connection #", "flow id", "ref", "ref.", "item", "step", "line"])
        add(.source, ["party a", "side a", "endpoint a", "host a", "source", "from", "initiator", "client", "source site", "used by", "src", "source host", "source system",
                      "source component", "source service", "origin", "caller", "requester", "consumer", "sender", "source zone",
                      "source address", "source ip", "source node", "source network", "from host", "from (source)",
                      "initiated by", "client side", "source (client)", "originator", "consumers", "clients", "callers", "users",
                      "accessed by", "connecting from", "requested by", "source hosts", "sources"])
        add(.destination, ["party b", "side b", "endpoint b", "host b", "destination", "dest", "dest.", "to", "target", "server", "destination site", "listener", "dst",
                           "destination host", "destination system", "destination component", "destination service",
                           "destination address", "destination ip", "destination node", "destination network", "to host",
                           "to (destination)", "receiver", "provider", "destination zone", "server side", "destination (server)",
                           "recipient", "endpoint", "remote endpoint", "upstream"])
        add(.party, ["source/destination", "source / destination", "destination/source", "peer", "remote", "remote host",
                     "remote system", "remote party", "external system", "other party", "counterpart", "partner", "system",
                     "remote service", "external service", "connects to", "connected system", "data path", "path", "flow",
                     "source → destination", "source -> destination", "source to destination", "communication path",
                     "traffic flow", "connection path"])
        add(.protocol, ["protocol", "protocols", "proto", "type", "transport", "application protocol", "ip protocol",
                        "l4 protocol", "transport protocol", "network protocol", "protocol type", "service protocol", "layer 4"])
        add(.port, ["port", "ports", "port(s)", "port range", "port ranges", "destination port", "destination ports",
                    "dest. port", "dest port", "dst port", "dport", "port number", "port numbers", "listening port",
                    "target port", "server port", "tcp port", "default port", "default ports", "port no.", "port #",
                    "destination port(s)", "network port", "network ports", "required ports", "required port", "port range(s)"])
        add(.portProtocol, ["port/protocol", "port / protocol", "port range / protocol", "port range/protocol",
                            "protocol/port", "protocol / port", "ports/protocols", "ports / protocols", "protocol and port",
                            "port and protocol", "ports and protocols", "protocols and ports", "port (protocol)",
                            "protocol:port", "port:protocol", "protocol & port", "port & protocol", "port(s)/protocol",
                            "port(s) / protocol", "protocol/port(s)", "protocol / port(s)", "transport/port", "service/port",
                            // A column of ports per transport ("UDP" | "TCP").
                            "tcp", "udp", "sctp", "tcp port", "tcp ports", "udp port", "udp ports", "tcp port(s)", "udp port(s)"])
        add(.sourcePort, ["source port", "source ports", "src port", "sport", "source port(s)", "source port range",
                          "client port", "client ports", "from port", "ephemeral port", "local port"])
        add(.classification, ["direction", "in/out", "inbound/outbound", "ingress/egress", "classification",
                              "traffic direction", "flow direction", "connection classification", "in / out",
                              "inbound / outbound", "ingress / egress", "direction of traffic", "→", "->", "<->", "↔",
                              "traffic", "inbound or outbound"])
        add(.description, ["description", "descriptions", "purpose", "details", "notes", "note", "comments", "comment",
                           "used for", "data", "remarks", "remark", "usage", "function", "reason", "explanation",
                           "information", "info", "use", "what for", "data that travels on this connection",
                           "additional information", "additional notes", "description / notes", "service description",
                           "details / notes", "purpose / notes", "why", "justification", "business justification"])
        return table
    }()

    /// The normalised header text the tables are keyed by.
    static func key(_ header: String) -> String {
        var out = ""
        var space = false
        for ch in TableHeader.cleanCell(header).lowercased() {
            if ch.isWhitespace { space = !out.isEmpty; continue }
            if space { out.append(" "); space = false }
            out.append(ch)
        }
        while let last = out.last, ":*".contains(last) || last == "¹" || last == "†" { out.removeLast() }
        return Text.trimmed(out)
    }

    /// The role a header cell names: the words Portolan has always known first, then this vocabulary.
    static func role(_ header: String) -> Column? {
        let k = key(header)
        if k.isEmpty { return nil }
        // Port and source-port headers decide before the older prefix rules ("Source port" is no source).
        if let found = exact[k], found == .sourcePort || found == .portProtocol || found == .party { return found }
        if let found = exact[k] { return found }
        let words = Text.words(k)
        // A sentence is no header cell, whatever its first word.
        guard words.count <= 6 else { return nil }
        // "Destination port (TCP)", "Source Port (Configurable Range)": decided by their first words.
        for length in stride(from: min(words.count - 1, 3), through: 1, by: -1) {
            if let found = exact[words[..<length].joined(separator: " ")] { return found }
        }
        if let old = TableHeader.column(forCell: header) { return old }
        // "Network/Application Protocol", "Transport protocol(s)".
        if let last = words.last, words.count <= 4, last.hasPrefix("protocol") { return .protocol }
        return nil
    }

    /// The header texts roles are written with, for "did you mean".
    static var suggestions: [String] {
        ["Number", "Source", "Destination", "Protocol", "Port", "Ports", "Port/Protocol", "Source port", "Direction",
         "Description", "Purpose", "Notes", "Comments", "Details", "Classification", "From", "To", "Target", "Server", "Client"]
    }
}
