import PortolanModel

/// Protocol names as connections tables write them, for "did you mean" and for reading a
/// protocol out of a row's description.
enum ProtocolWords {
    /// Spellings suggested for an unknown protocol cell.
    static let canonical = [
        "ActiveMQ", "AMQP", "DNS", "FTP", "gRPC", "HTTP", "HTTP/HTTPS", "HTTPS", "Kafka", "LDAP", "MQTT", "MRCP",
        "Postgres", "Redis", "RTP", "RTP/RTCP", "RTSP", "SFTP", "SIP", "SIP/TCP", "SIP/UDP", "SMTP", "SSH", "TCP",
        "TLS", "UDP", "WebSocket",
    ]

    /// Words a description uses for a protocol, lowercase, with the spelling to suggest.
    static let mentioned: [(word: String, name: String)] = [
        ("websocket", "WebSocket"), ("websockets", "WebSocket"), ("grpc", "gRPC"), ("https", "HTTPS"),
        ("http", "HTTP"), ("sip", "SIP"), ("rtsp", "RTSP"), ("rtp", "RTP"), ("mrcp", "MRCP"), ("activemq", "ActiveMQ"),
        ("kafka", "Kafka"), ("redis", "Redis"), ("postgres", "Postgres"), ("postgresql", "Postgres"),
        ("ldap", "LDAP"), ("smtp", "SMTP"), ("sftp", "SFTP"), ("ssh", "SSH"), ("tcp", "TCP"), ("udp", "UDP"),
    ]

    /// The protocol a description names: an explicit "the protocol is X" first, else the first
    /// protocol word it uses ("GRPC messages." -> gRPC). Nil when it names none.
    static func named(in description: String) -> String? {
        let words = ComponentKnowledge.words(description)
        for index in words.indices.dropLast(2) where words[index] == "protocol" && words[index + 1] == "is" {
            if let name = name(of: words[index + 2]) { return name }
        }
        return words.lazy.compactMap(name(of:)).first
    }

    static func name(of word: String) -> String? {
        mentioned.first { $0.word == word }?.name
    }

    /// The closest known spelling within a third of the written text's length.
    static func suggestion(for written: String) -> String? {
        closest(to: written, among: canonical)
    }

    /// The candidate nearest by edit distance (`Names.closest`).
    static func closest(to written: String, among candidates: [String]) -> String? {
        Names.closest(to: written, among: candidates)
    }
}
