/// One row of a connections table, with every field as the document writes it.
///
/// Stored in 120 bytes: the strings first, then the port cell; the protocol and classification
/// as a number when they are one of the usual words (`ConnectionWords`), else in `otherWords`;
/// the position as 32-bit numbers (a line, column or page past 2,147,483,647 is kept as that
/// number). Equality and hashing are those of the values, as written.
public struct Connection: Sendable, Hashable {
    /// The number as written ("12"); later stages compare it numerically where they can.
    public var number: String
    public var source: String
    public var destination: String
    /// "Data that travels on this connection".
    public var description: String
    /// Cells of columns that map to no role, by their header text, in table order: kept, never dropped.
    public var attributes: [Attribute]
    /// The protocol and classification that are not usual words, in that order (empty, with
    /// no storage of its own, for most rows).
    private var otherWords: [String]
    public var ports: PortSpec
    private var protocolCode: UInt8
    private var classificationCode: UInt8
    private var position: SourcePosition

    /// The protocol cell as written, or nil when the row has none.
    public var `protocol`: String? {
        get {
            if let word = ConnectionWords.word(protocolCode) { return word }
            return otherWords[0]
        }
        set { setWords(newValue, classification) }
    }

    /// The classification cell as written, or nil when the row has none.
    public var classification: String? {
        get {
            if let word = ConnectionWords.word(classificationCode) { return word }
            return otherWords[protocolCode == ConnectionWords.other ? 1 : 0]
        }
        set { setWords(`protocol`, newValue) }
    }

    private mutating func setWords(_ protocol: String?, _ classification: String?) {
        protocolCode = ConnectionWords.code(`protocol`)
        classificationCode = ConnectionWords.code(classification)
        var others: [String] = []
        if protocolCode == ConnectionWords.other, let `protocol` { others.append(`protocol`) }
        if classificationCode == ConnectionWords.other, let classification { others.append(classification) }
        otherWords = others
    }

    /// Where the row starts in its document (1-based).
    public var line: Int {
        get { position.line }
        set { position.line = newValue }
    }

    public var column: Int {
        get { position.column }
        set { position.column = newValue }
    }

    /// The page, for documents that have pages (PDF); `line` is then the line within the page.
    public var page: Int? {
        get { position.page }
        set { position.page = newValue }
    }

    public init(number: String, source: String, destination: String, protocol: String?,
                ports: PortSpec, classification: String?, description: String,
                line: Int, column: Int = 1, page: Int? = nil, attributes: [Attribute] = []) {
        self.number = number
        self.source = source
        self.destination = destination
        self.description = description
        self.attributes = attributes
        self.otherWords = []
        self.ports = ports
        self.protocolCode = ConnectionWords.none
        self.classificationCode = ConnectionWords.none
        self.position = SourcePosition(line: line, column: column, page: page)
        setWords(`protocol`, classification)
    }

    public var classificationKind: ClassificationKind? {
        classification.flatMap(ClassificationKind.init(written:))
    }

    public static func == (lhs: Connection, rhs: Connection) -> Bool {
        lhs.number == rhs.number && lhs.source == rhs.source && lhs.destination == rhs.destination
            && lhs.protocol == rhs.protocol && lhs.ports == rhs.ports && lhs.classification == rhs.classification
            && lhs.description == rhs.description && lhs.position == rhs.position && lhs.attributes == rhs.attributes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(number)
        hasher.combine(source)
        hasher.combine(destination)
        hasher.combine(`protocol`)
        hasher.combine(ports)
        hasher.combine(classification)
        hasher.combine(description)
        hasher.combine(position)
        hasher.combine(attributes)
    }
}

/// The protocol and classification words most tables use, each stored in a connection as its
/// number in `words` (1 to 254). 0 is none (nil); 255 is another text, kept as written. Only
/// these exact bytes are a word (ASCII, so no other spelling is equal to one as a `String`).
enum ConnectionWords {
    static let none: UInt8 = 0
    static let other: UInt8 = 255

    static let words: [String] = [
        "", "TCP", "UDP", "HTTP", "HTTPS", "Redis", "Kafka", "SIP/TCP", "SIP/UDP", "HTTP/HTTPS", "TCP/UDP",
        "UDP/TCP", "RTP/RTCP", "ICMP", "Postgres", "PostgreSQL", "SSH", "gRPC", "SMTP", "SMTPS", "AMQP",
        "AMQPS", "MQTT", "MQTTS", "LDAP", "LDAPS", "DNS", "NTP", "SNMP", "SIP", "RTP", "TLS", "WebSocket",
        "WSS", "MySQL", "MongoDB", "Consul", "Elasticsearch",
        "Ingress", "Egress", "Intra-cluster", "ingress", "egress", "intra-cluster", "Inbound", "Outbound",
    ]

    private static let codes: [String: UInt8] = {
        var codes: [String: UInt8] = [:]
        for (i, word) in words.enumerated() where i > 0 { codes[word] = UInt8(i) }
        return codes
    }()

    /// Every word is at most this long; longer text is never one.
    private static let longest = 15

    static func code(_ text: String?) -> UInt8 {
        guard let text else { return none }
        guard text.utf8.count <= longest, let code = codes[text],
              text.utf8.elementsEqual(words[Int(code)].utf8) else { return other }
        return code
    }

    /// The word of `code`; nil for none and for another text (the caller has it).
    static func word(_ code: UInt8) -> String?? {
        if code == none { return .some(nil) }
        if code == other { return nil }
        return .some(words[Int(code)])
    }
}

/// The JSON shape other tools read: ports flattened into `ports`, `portText`, `configurable`,
/// and absent cells written as `null` rather than left out.
extension Connection: Codable {
    enum CodingKeys: String, CodingKey {
        case number, source, destination, `protocol`, ports, portText, configurable
        case classification, description, line, column, page, attributes
    }

    public init(from decoder: any Decoder) throws {
        // Each key in the order it was always read, so a bad document's first error is the same.
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let number = try c.decode(String.self, forKey: .number)
        let source = try c.decode(String.self, forKey: .source)
        let destination = try c.decode(String.self, forKey: .destination)
        let `protocol` = try c.decodeIfPresent(String.self, forKey: .protocol)
        let ports = PortSpec(
            ranges: try c.decodeIfPresent([PortRange].self, forKey: .ports) ?? [],
            configurable: try c.decodeIfPresent(Bool.self, forKey: .configurable) ?? false,
            text: try c.decodeIfPresent(String.self, forKey: .portText))
        let classification = try c.decodeIfPresent(String.self, forKey: .classification)
        let description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
        let line = try c.decodeIfPresent(Int.self, forKey: .line) ?? 0
        let column = try c.decodeIfPresent(Int.self, forKey: .column) ?? 1
        let page = try c.decodeIfPresent(Int.self, forKey: .page)
        let attributes = try c.decodeIfPresent([Attribute].self, forKey: .attributes) ?? []
        self.init(number: number, source: source, destination: destination, protocol: `protocol`, ports: ports,
                  classification: classification, description: description, line: line, column: column, page: page,
                  attributes: attributes)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(number, forKey: .number)
        try c.encode(source, forKey: .source)
        try c.encode(destination, forKey: .destination)
        try c.encode(`protocol`, forKey: .protocol)
        try c.encode(ports.ranges, forKey: .ports)
        try c.encode(ports.text, forKey: .portText)
        try c.encode(ports.configurable, forKey: .configurable)
        try c.encode(classification, forKey: .classification)
        try c.encode(description, forKey: .description)
        try c.encode(line, forKey: .line)
        try c.encode(column, forKey: .column)
        // Written only when present, so documents without pages or extra columns keep their JSON.
        try c.encodeIfPresent(page, forKey: .page)
        if !attributes.isEmpty { try c.encode(attributes, forKey: .attributes) }
    }
}

/// A cell of a column that the reader could not map to a role, kept under its header text.
public struct Attribute: Codable, Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
