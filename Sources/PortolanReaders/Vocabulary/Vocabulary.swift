import PortolanModel

/// General knowledge about network architecture tables, used where a layout loses the cell
/// boundaries. Nothing here names a component of a particular product: these are protocol
/// names, common infrastructure and the words that end component names in Kubernetes and
/// network diagrams generally.
public enum Vocabulary {
    /// Application and transport protocols, lowercased. A protocol cell may combine them with
    /// `/` ("SIP/TCP", "RTP/RTCP", "HTTP/HTTPS").
    static let protocols: Set<String> = [
        "tcp", "udp", "sctp", "icmp", "ip", "tls", "ssl", "dtls", "quic",
        "http", "https", "http2", "h2", "grpc", "websocket", "websockets", "ws", "wss", "rest",
        "sip", "sips", "rtp", "rtcp", "srtp", "rtsp", "mrcp", "webrtc", "stun", "turn", "ice",
        "kafka", "redis", "postgres", "postgresql", "mysql", "mssql", "tds", "mongodb", "amqp", "amqps",
        "mqtt", "activemq", "openwire", "stomp", "jms", "nats", "zookeeper",
        "ldap", "ldaps", "kerberos", "radius", "saml", "oauth", "oidc",
        "smtp", "smtps", "imap", "imaps", "pop3", "ftp", "ftps", "sftp", "scp", "ssh", "telnet",
        "dns", "ntp", "snmp", "syslog", "nfs", "smb", "cifs", "iscsi", "s3",
        "jdbc", "odbc", "memcached", "consul", "etcd", "prometheus", "statsd", "otlp",
    ]

    /// True for a protocol cell word such as "HTTP/HTTPS" or "SIP/UDP".
    static func isProtocol(_ word: String) -> Bool {
        // An ASCII first byte is alphabetic exactly when it is a letter (no Unicode property lookup).
        guard let lead = word.utf8.first, word.utf8.count <= 40 else { return false }
        if lead < 0x80 {
            guard (lead | 0x20) >= UInt8(ascii: "a") && (lead | 0x20) <= UInt8(ascii: "z") else { return false }
        } else {
            guard let first = word.unicodeScalars.first, first.properties.isAlphabetic else { return false }
        }
        if let ascii = isASCIIProtocol(word) { return ascii }
        // "HTTP(S)" is HTTPS; "(TLS)" and the like are the same protocol names in parentheses.
        let bare = word.lowercased().filter { $0 != "(" && $0 != ")" }
        let parts = bare.split(separator: "/", omittingEmptySubsequences: false)
        guard !parts.isEmpty else { return false }
        return parts.allSatisfy { protocols.contains(String($0)) }
    }

    /// `isProtocol` for a word of ASCII letters, digits, `/` and parentheses, byte by byte (the
    /// words of every row are asked); nil for any other word, which takes the general path.
    /// Each part is packed into a number (`packed`), so no string is made per word.
    private static func isASCIIProtocol(_ word: String) -> Bool? {
        var part: UInt64 = 0
        var length = 0
        var tooLong = false
        for byte in word.utf8 {
            let code: UInt64
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): code = UInt64(byte - UInt8(ascii: "A")) + 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"): code = UInt64(byte - UInt8(ascii: "a")) + 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"): code = UInt64(byte - UInt8(ascii: "0")) + 27
            case UInt8(ascii: "("), UInt8(ascii: ")"): continue
            case UInt8(ascii: "/"):
                guard !tooLong, length > 0, packedProtocols.contains(part) else { return false }
                part = 0; length = 0
                continue
            case 0x80...: return nil
            // Protocol names are letters and digits only.
            default: return false
            }
            length += 1
            if length > maxPackedLength { tooLong = true } else { part = part * 37 + code }
        }
        return !tooLong && length > 0 && packedProtocols.contains(part)
    }

    /// Up to 12 letters and digits fit a UInt64 in base 37; every protocol name is shorter.
    private static let maxPackedLength = 12

    /// A lowercase name of letters and digits as a base-37 number (letters 1-26, digits 27-36).
    private static func packed(_ name: String) -> UInt64 {
        precondition(name.utf8.count <= maxPackedLength)
        return name.utf8.reduce(0) { value, byte in
            value * 37 + (byte >= UInt8(ascii: "a") ? UInt64(byte - UInt8(ascii: "a")) + 1 : UInt64(byte - UInt8(ascii: "0")) + 27)
        }
    }

    private static let packedProtocols: Set<UInt64> = Set(protocols.map(packed))

    /// Common infrastructure that appears in architecture tables under its own name,
    /// normalised with `Names.key` (letters and digits, lowercased).
    static let infrastructure: Set<String> = Set([
        "Redis", "Redis Cluster", "Redis Sentinel", "PostgreSQL", "Postgres", "MySQL", "MariaDB",
        "SQL Server", "Microsoft SQL Server", "MS SQL Server", "Oracle", "Oracle Database",
        "MongoDB", "Cassandra", "CouchDB", "Elasticsearch", "OpenSearch", "Memcached", "etcd",
        "Kafka", "Apache Kafka", "ZooKeeper", "RabbitMQ", "ActiveMQ", "NATS", "Pulsar",
        "Consul", "Vault", "Prometheus", "Grafana", "Alertmanager", "Loki", "Jaeger", "Zipkin",
        "Fluentd", "Fluent Bit", "Logstash", "Kibana", "OpenTelemetry Collector",
        "Nginx", "HAProxy", "Envoy", "Istio", "Traefik", "Ingress", "Ingress controller",
        "Load balancer", "API gateway", "Application Gateway", "Firewall", "Proxy",
        "SBC", "Session Border Controller", "Media Server", "Web server", "SMTP server", "Mail server",
        "SFTP server", "FTP server", "DNS", "NTP server", "LDAP", "Active Directory", "Identity provider",
        "NFS", "Network file share", "File share", "Object storage", "Blob storage", "Azure Blob Storage",
        "S3", "AWS S3", "S3 bucket", "Google Cloud Storage", "Kubernetes API", "Kubernetes API server",
        "Internet", "Public Internet", "Browser", "Web browser",
    ].map(Names.key))

    /// Words that end component names: Kubernetes workload kinds, roles of servers and
    /// services, and the groupings diagrams use (pool, pair, cluster). Lowercased.
    static let kindWords: Set<String> = [
        "service", "services", "server", "servers", "proxy", "gateway", "controller", "manager",
        "scheduler", "builder", "agent", "agents", "worker", "workers", "broker", "balancer",
        "cache", "store", "storage", "database", "db", "queue", "bus", "registry", "registrar",
        "api", "apis", "ui", "backend", "back-end", "frontend", "front-end", "app", "application",
        "applications", "platform", "cluster", "pool", "pair", "replicaset", "statefulset",
        "deployment", "daemonset", "job", "cronjob", "pod", "pods", "node", "nodes", "provider",
        "client", "clients", "browser", "share", "bucket", "namespace", "system", "systems",
        "ingress", "portal", "console", "endpoint", "host", "instance", "unit", "engine",
        "aggregator", "collector", "exporter", "adapter", "connector", "bridge", "router",
        "dispatcher", "listener", "handler", "processor", "monitor", "vault", "repository",
    ]

    /// Words that join parts of one name and so never end or start one.
    static let connectors: Set<String> = [
        "and", "or", "of", "for", "to", "the", "a", "an", "with", "in", "on", "at", "by", "&", "+", "-", "/",
    ]

    /// True for a word that ends component names ("StatefulSet", "Server", "pool").
    static func isKindWord(_ word: String) -> Bool {
        let lower = word.lowercased()
        if kindWords.contains(lower) { return true }
        // "Browser/API": every part a kind word or known infrastructure.
        let parts = lower.split(separator: "/")
        return parts.count > 1 && parts.contains { kindWords.contains(String($0)) }
    }

    /// Words that qualify the name before them rather than start a new one: a parenthesised
    /// part ("(VQ)"), a version ("6.x", "v2"), an availability-zone mark ("multi-AZ").
    static func isQualifier(_ word: String) -> Bool {
        if word.hasPrefix("(") { return true }
        let lower = word.lowercased()
        if lower.hasPrefix("multi-") || lower == "ha" || lower == "a-z" || lower == "az" { return true }
        return isVersion(lower)
    }

    /// "6.x", "2.10", "v2": a version that qualifies the name before it (`Names.isVersion`).
    static func isVersion(_ lower: String) -> Bool {
        Names.isVersion(lower)
    }
}
