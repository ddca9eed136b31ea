/// An inclusive range of TCP/UDP ports; a single port has `from == to`.
public struct PortRange: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public var from: Int
    public var to: Int

    public init(_ from: Int, _ to: Int? = nil) {
        self.from = from
        self.to = to ?? from
    }

    public var description: String { from == to ? "\(from)" : "\(from)-\(to)" }

    public static func < (lhs: PortRange, rhs: PortRange) -> Bool {
        (lhs.from, lhs.to) < (rhs.from, rhs.to)
    }
}

/// A port cell: the ranges it names, whether the document marks it configurable (`*`),
/// and the cell text as written. "N/A" or "Not known (...)" keep their text and give no ranges.
public struct PortSpec: Codable, Sendable, Hashable {
    // The text first and the flag last: 25 bytes, so a connection's numbers after it pack in.
    public var text: String?
    public var ranges: [PortRange]
    public var configurable: Bool

    // The JSON keeps its order (ranges, configurable, text) whatever the stored order is.
    enum CodingKeys: String, CodingKey {
        case ranges, configurable, text
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        ranges = try c.decode([PortRange].self, forKey: .ranges)
        configurable = try c.decode(Bool.self, forKey: .configurable)
        text = try c.decodeIfPresent(String.self, forKey: .text)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ranges, forKey: .ranges)
        try c.encode(configurable, forKey: .configurable)
        try c.encodeIfPresent(text, forKey: .text)
    }

    public init(ranges: [PortRange] = [], configurable: Bool = false, text: String? = nil) {
        self.ranges = ranges
        self.configurable = configurable
        self.text = text
    }

    public static let absent = PortSpec()

    /// True when the cell names at least one concrete port.
    public var isKnown: Bool { !ranges.isEmpty }
}
