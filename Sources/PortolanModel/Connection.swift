/// One row of a connections table, with every field as the document writes it.
///
/// Stored in 144 bytes: the strings first, then the port cell, then the position as 32-bit
/// numbers (a line, column or page past 2,147,483,647 is kept as that number).
public struct Connection: Sendable, Hashable {
    /// The number as written ("12"); later stages compare it numerically where they can.
    public var number: String
    public var source: String
    public var destination: String
    /// The protocol cell as written, or nil when the row has none.
    public var `protocol`: String?
    /// The classification cell as written, or nil when the row has none.
    public var classification: String?
    /// "Data that travels on this connection".
    public var description: String
    /// Cells of columns that map to no role, by their header text, in table order: kept, never dropped.
    public var attributes: [Attribute]
    public var ports: PortSpec
    private var storedLine: Int32
    private var storedColumn: Int32
    /// `Int32.min` for none.
    private var storedPage: Int32

    /// Where the row starts in its document (1-based).
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    /// The page, for documents that have pages (PDF); `line` is then the line within the page.
    public var page: Int? {
        get { storedPage == Int32.min ? nil : Int(storedPage) }
        set { storedPage = newValue.map { max(Int32(clamping: $0), Int32.min + 1) } ?? Int32.min }
    }

    public init(number: String, source: String, destination: String, protocol: String?,
                ports: PortSpec, classification: String?, description: String,
                line: Int, column: Int = 1, page: Int? = nil, attributes: [Attribute] = []) {
        self.number = number
        self.source = source
        self.destination = destination
        self.protocol = `protocol`
        self.classification = classification
        self.description = description
        self.attributes = attributes
        self.ports = ports
        self.storedLine = Int32(clamping: line)
        self.storedColumn = Int32(clamping: column)
        self.storedPage = page.map { max(Int32(clamping: $0), Int32.min + 1) } ?? Int32.min
    }

    public var classificationKind: ClassificationKind? {
        classification.flatMap(ClassificationKind.init(written:))
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
        let c = try decoder.container(keyedBy: CodingKeys.self)
        number = try c.decode(String.self, forKey: .number)
        source = try c.decode(String.self, forKey: .source)
        destination = try c.decode(String.self, forKey: .destination)
        `protocol` = try c.decodeIfPresent(String.self, forKey: .protocol)
        ports = PortSpec(
            ranges: try c.decodeIfPresent([PortRange].self, forKey: .ports) ?? [],
            configurable: try c.decodeIfPresent(Bool.self, forKey: .configurable) ?? false,
            text: try c.decodeIfPresent(String.self, forKey: .portText))
        classification = try c.decodeIfPresent(String.self, forKey: .classification)
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
        attributes = try c.decodeIfPresent([Attribute].self, forKey: .attributes) ?? []
        storedLine = 0
        storedColumn = 1
        storedPage = Int32.min
        line = try c.decodeIfPresent(Int.self, forKey: .line) ?? 0
        column = try c.decodeIfPresent(Int.self, forKey: .column) ?? 1
        page = try c.decodeIfPresent(Int.self, forKey: .page)
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
