import PortolanModel

/// The families diagrams draw alike and firewall rules treat alike.
public enum ProtocolFamily: String, Codable, Sendable, CaseIterable, Comparable {
    case tcp = "TCP"
    case http = "HTTP/HTTPS"
    case sip = "SIP"
    case rtp = "RTP"
    case kafka = "Kafka"
    case redis = "Redis"
    case postgres = "Postgres"
    case messaging = "AMQP/MQTT"
    case ssh = "SSH/SFTP"
    case fileShare = "File sharing"
    case directory = "LDAP/Kerberos"
    case dns = "DNS"
    case ntp = "NTP"
    case mail = "Mail"
    case monitoring = "Monitoring"
    case remoteDesktop = "Remote desktop"
    case other = "Other"

    /// The family of a protocol cell as written; nil (no cell) is `.other`.
    public init(written: String?) {
        let words = (written ?? "").lowercased().split(whereSeparator: { $0 == "/" || $0 == " " || $0 == "," }).map(String.init)
        func has(_ names: String...) -> Bool { words.contains { names.contains($0) } }
        if has("sip", "sips") { self = .sip }
        else if has("rtp", "rtcp", "srtp", "rtsp") { self = .rtp }
        else if has("kafka") { self = .kafka }
        else if has("redis") { self = .redis }
        else if has("postgres", "postgresql") { self = .postgres }
        else if has("http", "https", "grpc", "websocket", "websockets", "ws", "wss", "rest", "http2", "h2") { self = .http }
        else if has("amqp", "amqps", "mqtt", "mqtts", "stomp", "activemq", "openwire", "jms", "nats", "rabbitmq") { self = .messaging }
        else if has("ssh", "sftp", "scp") { self = .ssh }
        else if has("smb", "cifs", "nfs", "ftp", "ftps", "tftp", "iscsi") { self = .fileShare }
        else if has("ldap", "ldaps", "kerberos", "krb5", "radius") { self = .directory }
        else if has("dns", "mdns") { self = .dns }
        else if has("ntp", "ptp", "sntp") { self = .ntp }
        else if has("smtp", "smtps", "imap", "imaps", "pop3", "pop3s", "submission") { self = .mail }
        else if has("snmp", "syslog", "icmp", "ping", "prometheus", "otlp", "netflow", "ipfix") { self = .monitoring }
        else if has("rdp", "vnc", "ica", "telnet") { self = .remoteDesktop }
        else if has("tcp") { self = .tcp }
        else { self = .other }
    }

    /// Lowercase identifier for CSS classes and file names.
    public var slug: String {
        switch self {
        case .tcp: "tcp"
        case .http: "http"
        case .sip: "sip"
        case .rtp: "rtp"
        case .kafka: "kafka"
        case .redis: "redis"
        case .postgres: "postgres"
        case .messaging: "messaging"
        case .ssh: "ssh"
        case .fileShare: "file-share"
        case .directory: "directory"
        case .dns: "dns"
        case .ntp: "ntp"
        case .mail: "mail"
        case .monitoring: "monitoring"
        case .remoteDesktop: "remote-desktop"
        case .other: "other"
        }
    }

    public static func < (lhs: ProtocolFamily, rhs: ProtocolFamily) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The transport a firewall must open for an application protocol.
public enum Transport: String, Codable, Sendable, Hashable, Comparable {
    case tcp = "TCP"
    case udp = "UDP"

    /// Protocols carried by UDP or TCP (made once: `of` runs for every row).
    static let udpWords: Set<String> = ["rtp", "rtcp", "srtp", "dns", "ntp", "snmp", "syslog", "stun", "turn", "dtls", "quic", "radius"]
    static let tcpWords: Set<String> = ["http", "https", "grpc", "websocket", "websockets", "ws", "wss", "rest", "http2", "h2",
                                    "redis", "postgres", "postgresql", "kafka", "activemq", "openwire", "amqp", "amqps", "mqtt",
                                    "stomp", "jms", "sip", "sips", "rtsp", "mrcp", "ldap", "ldaps", "smtp", "smtps", "imap", "imaps",
                                    "pop3", "ftp", "ftps", "sftp", "ssh", "scp", "telnet", "mysql", "mssql", "tds", "mongodb",
                                    "tls", "ssl", "nfs", "smb", "cifs", "iscsi", "jdbc", "odbc", "memcached", "zookeeper",
                                    "consul", "etcd", "prometheus", "otlp", "s3", "nats", "rdp", "vnc", "mqtts", "rabbitmq"]

    /// TCP for HTTP, HTTPS, gRPC, WebSocket, Redis, Postgres, Kafka, SIP/TCP, ActiveMQ and
    /// other stream protocols; UDP for SIP/UDP, RTP/RTCP and other datagram protocols; nil
    /// when the cell is absent or names nothing Portolan knows (callers flag it, never guess).
    public static func of(protocol written: String?) -> Transport? {
        guard let written else { return nil }
        let words = written.lowercased().split(whereSeparator: { $0 == "/" || $0 == " " || $0 == "," || $0 == "(" || $0 == ")" }).map(String.init)
        if words.contains("udp") { return .udp }
        if words.contains("tcp") { return .tcp }
        if words.allSatisfy({ udpWords.contains($0) }) && !words.isEmpty { return .udp }
        if words.contains(where: { tcpWords.contains($0) }) { return .tcp }
        if words.contains(where: { udpWords.contains($0) }) { return .udp }
        return nil
    }

    public static func < (lhs: Transport, rhs: Transport) -> Bool { lhs.rawValue < rhs.rawValue }
}
