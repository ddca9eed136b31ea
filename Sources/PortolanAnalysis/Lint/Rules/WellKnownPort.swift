import PortolanModel

/// Protocols and ports agree with their well-known (IANA and vendor default) assignments.
public enum WellKnownPort: LintRule {
    public static let summary = "A protocol and port disagree with well-known assignments (RTP on 443, HTTP on 5432, Redis off 6379 without `*`)."
    public static let rationale = """
        Media runs on dynamic UDP ports, never on 443; a web protocol on a database's port, or a \
        datastore off its default port without the configurable mark (`*`), is usually a copy-paste \
        slip in the table, and the firewall rule built from it would open the wrong port.
        """

    enum Message {
        static func portOfAnother(_ protocolName: String, port: Int, owner: String) -> String {
            "\(protocolName) on port \(port), which is \(owner)'s well-known port"
        }
        static func mediaOnSystemPort(_ protocolName: String, port: Int, owner: String?) -> String {
            "\(protocolName) on port \(port)" + (owner.map { ", \($0)'s well-known port" } ?? ", a system port")
                + ": media runs on dynamic UDP ports (1024-65535)"
        }
        static func offDefault(_ service: String, ports: String, expected: [Int], via: String) -> String {
            "\(service) on port \(ports), not its well-known \(expected.map(String.init).joined(separator: "/"))\(via), and the port is not marked configurable (`*`)"
        }
    }

    /// Services that listen on fixed default ports, by the words that name them.
    static let services: [(words: [String], name: String, ports: [Int])] = [
        (["redis"], "Redis", [6379, 26379]),
        (["postgres", "postgresql"], "PostgreSQL", [5432]),
        (["kafka"], "Kafka", [9092, 9093, 9094]),
        (["mysql", "mariadb"], "MySQL", [3306]),
        (["mssql", "sql server"], "SQL Server", [1433]),
        (["mongodb"], "MongoDB", [27017]),
        (["activemq"], "ActiveMQ", [61616]),
    ]

    /// Well-known single ports and the protocol family that owns them.
    static let owners: [Int: (name: String, family: ProtocolFamily)] = [
        80: ("HTTP", .http), 443: ("HTTPS", .http), 5432: ("PostgreSQL", .postgres), 6379: ("Redis", .redis),
        9092: ("Kafka", .kafka), 5060: ("SIP", .sip), 5061: ("SIP over TLS", .sip), 1433: ("SQL Server", .other),
        3306: ("MySQL", .other), 27017: ("MongoDB", .other), 22: ("SSH", .ssh), 53: ("DNS", .dns),
    ]

    public static func check(_ context: LintContext) -> [LintFinding] {
        var findings: [LintFinding] = []
        var memo = Memo()
        for row in context.rows {
            findings += check(row, memo: &memo)
        }
        return findings
    }

    /// The service each protocol or destination text names, worked out once per text (a large
    /// table writes the same few on every row).
    struct Memo {
        var services: [String: Int?] = [:]
        var families: [String: ProtocolFamily] = [:]

        /// `ProtocolFamily(written:)`.
        mutating func family(_ written: String) -> ProtocolFamily {
            if let known = families[written] { return known }
            let family = ProtocolFamily(written: written)
            families[written] = family
            return family
        }

        mutating func service(_ text: String) -> (words: [String], name: String, ports: [Int])? {
            if let known = services[text] { return known.map { WellKnownPort.services[$0] } }
            let words = ComponentKnowledge.words(text)
            let index = WellKnownPort.services.firstIndex { entry in entry.words.contains { ComponentKnowledge.contains(words, phrase: $0) } }
            services[text] = .some(index)
            return index.map { WellKnownPort.services[$0] }
        }
    }

    static func check(_ row: LintRow) -> [LintFinding] {
        var memo = Memo()
        return check(row, memo: &memo)
    }

    static func check(_ row: LintRow, memo: inout Memo) -> [LintFinding] {
        let connection = row.connection
        guard let written = connection.protocol, !written.isEmpty, connection.ports.isKnown else { return [] }
        let family = memo.family(written)
        var findings: [LintFinding] = []
        // A specific protocol on a single port another protocol owns, or media on a system port.
        if family != .tcp && family != .other {
            for range in connection.ports.ranges where range.from == range.to {
                if family == .rtp, range.from < 1024 {
                    findings.append(row.finding(self, .warning, Message.mediaOnSystemPort(written, port: range.from, owner: owners[range.from]?.name)))
                } else if let owner = owners[range.from], owner.family != family {
                    findings.append(row.finding(self, .warning, Message.portOfAnother(written, port: range.from, owner: owner.name)))
                }
            }
        }
        // A datastore or broker off its default port without `*`: named by the protocol, or by the
        // destination when the protocol is plain TCP.
        if !connection.ports.configurable {
            var service = memo.service(written)
            var via = ""
            if service == nil, family == .tcp || family == .other {
                service = memo.service(connection.destination)
                via = service == nil ? "" : " (the destination is '\(connection.destination)')"
            }
            if let service {
                let off = connection.ports.ranges.filter { range in !service.ports.contains { range.from <= $0 && $0 <= range.to } }
                if !off.isEmpty {
                    findings.append(row.finding(self, .warning, Message.offDefault(
                        service.name, ports: off.map(\.description).joined(separator: ", "), expected: service.ports.filter { $0 < 10000 }, via: via)))
                }
            }
        }
        return findings
    }
}
