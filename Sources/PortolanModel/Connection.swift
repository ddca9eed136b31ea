/// One row of a connections table, with every field as the document writes it.
///
/// Stored in 80 bytes, since a million-row table holds a million of them: the cells that differ
/// from row to row (source, destination, description, the columns without a role; the number's
/// bytes in 8 bytes, `PackedNumber`) and the line and column as 32-bit numbers; the cells that
/// rows repeat (protocol, port cell, classification, page) in one immutable `RepeatedCells`
/// that every row with equal such cells shares when the reader made them with a `ConnectionSharing`.
/// A line or column past 2,147,483,647 is kept as that number. Equality and hashing are those
/// of the values, as written.
public struct Connection: Sendable, Hashable {
    private var storedNumber: PackedNumber
    public var source: String
    public var destination: String
    /// "Data that travels on this connection".
    public var description: String
    private var repeated: RepeatedCells
    /// Cells of columns that map to no role, by their header text, in table order: kept, never dropped.
    /// (Not with the repeated cells: such a column may differ on every row, a "Rule name".)
    public var attributes: [Attribute]
    private var storedLine: Int32
    private var storedColumn: Int32

    /// The number as written ("12"); later stages compare it numerically where they can.
    public var number: String {
        get { storedNumber.text ?? repeated.cells.longNumber ?? "" }
        set {
            storedNumber = PackedNumber(newValue)
            let long = storedNumber.text == nil ? newValue : nil
            if long != nil || repeated.cells.longNumber != nil { change { $0.longNumber = long } }
        }
    }

    /// The protocol cell as written, or nil when the row has none.
    public var `protocol`: String? {
        get { repeated.cells.protocol }
        set { change { $0.protocol = newValue } }
    }

    /// The port cell: the ranges it names, whether it is configurable, and its text as written.
    public var ports: PortSpec {
        get { repeated.cells.ports }
        set { change { $0.ports = newValue } }
    }

    /// The classification cell as written, or nil when the row has none.
    public var classification: String? {
        get { repeated.cells.classification }
        set { change { $0.classification = newValue } }
    }

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
    /// Kept as a 32-bit number, as a grid cell's position is.
    public var page: Int? {
        get { repeated.cells.page }
        set { change { $0.page = newValue } }
    }

    /// Which rows share the storage of their repeated cells (for measuring what a model holds).
    public var repeatedCellsStorage: ObjectIdentifier { ObjectIdentifier(repeated) }

    /// A row whose repeated cells get a storage of their own.
    public init(number: String, source: String, destination: String, protocol: String?,
                ports: PortSpec, classification: String?, description: String,
                line: Int, column: Int = 1, page: Int? = nil, attributes: [Attribute] = []) {
        self.init(number: number, source: source, destination: destination, protocol: `protocol`, ports: ports,
                  classification: classification, description: description, line: line, column: column, page: page,
                  attributes: attributes, store: RepeatedCells.init)
    }

    /// A row whose repeated cells share the storage of an equal row's that `sharing` made before.
    public init(number: String, source: String, destination: String, protocol: String?,
                ports: PortSpec, classification: String?, description: String,
                line: Int, column: Int = 1, page: Int? = nil, attributes: [Attribute] = [],
                sharing: inout ConnectionSharing) {
        self.init(number: number, source: source, destination: destination, protocol: `protocol`, ports: ports,
                  classification: classification, description: description, line: line, column: column, page: page,
                  attributes: attributes, store: { sharing.storage($0) })
    }

    /// `store`: the storage for the row's repeated cells, made or found.
    private init(number: String, source: String, destination: String, protocol: String?,
                 ports: PortSpec, classification: String?, description: String,
                 line: Int, column: Int, page: Int?, attributes: [Attribute],
                 store: (RepeatedCells.Cells) -> RepeatedCells) {
        self.storedNumber = PackedNumber(number)
        self.source = source
        self.destination = destination
        self.description = description
        self.attributes = attributes
        self.repeated = store(RepeatedCells.Cells(protocol: `protocol`, classification: classification, ports: ports,
                                                             page: page,
                                                             longNumber: storedNumber.text == nil ? number : nil))
        self.storedLine = Int32(clamping: line)
        self.storedColumn = Int32(clamping: column)
    }

    /// Sets one repeated cell: the row gets a storage of its own (rows that shared the old one keep it).
    private mutating func change(_ edit: (inout RepeatedCells.Cells) -> Void) {
        var cells = repeated.cells
        edit(&cells)
        repeated = RepeatedCells(cells)
    }

    public var classificationKind: ClassificationKind? {
        classification.flatMap(ClassificationKind.init(written:))
    }

    public static func == (lhs: Connection, rhs: Connection) -> Bool {
        // Equal packed bytes are an equal number; else the numbers compare as Strings.
        (lhs.storedNumber.fits && lhs.storedNumber == rhs.storedNumber || lhs.number == rhs.number)
            && lhs.source == rhs.source && lhs.destination == rhs.destination && lhs.description == rhs.description
            && lhs.attributes == rhs.attributes && lhs.storedLine == rhs.storedLine && lhs.storedColumn == rhs.storedColumn
            && (lhs.repeated === rhs.repeated || lhs.repeated.cells == rhs.repeated.cells)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(number)
        hasher.combine(source)
        hasher.combine(destination)
        hasher.combine(description)
        hasher.combine(attributes)
        hasher.combine(storedLine)
        hasher.combine(storedColumn)
        hasher.combine(repeated.cells)
    }
}

/// A row's number in 8 bytes: its UTF-8 bytes, when it has at most 8 and no NUL ("12", "1000000",
/// "ZBX-01", "A.1.2"), else none (`text` nil: the caller keeps it). Bytes after the last are 0;
/// all bytes 0xFF, which UTF-8 never writes, is none.
struct PackedNumber: Sendable, Hashable {
    private var bits: UInt64

    init(_ number: String) {
        bits = .max
        var packed: UInt64 = 0
        var count = 0
        for byte in number.utf8 {
            guard byte != 0, count < 8 else { return }
            packed |= UInt64(byte) << (8 * UInt64(count))
            count += 1
        }
        bits = packed
    }

    var fits: Bool { bits != .max }

    /// The number, or nil when it did not fit.
    var text: String? {
        guard fits else { return nil }
        let count = (64 - bits.leadingZeroBitCount + 7) / 8
        return withUnsafeBytes(of: bits.littleEndian) { String(decoding: $0.prefix(count), as: UTF8.self) }
    }
}

/// The cells of a row that many rows of a table repeat, stored once for them all. Immutable:
/// a row that changes one of them gets a new storage.
final class RepeatedCells: Sendable {
    struct Cells: Hashable, Sendable {
        var `protocol`: String?
        var classification: String?
        var ports: PortSpec
        /// The row's number when it does not fit in `PackedNumber` (rows numbered so share nothing).
        var longNumber: String?
        /// Clamped to 32 bits, as every position is.
        var page: Int? {
            get { storedPage == Self.noPage ? nil : Int(storedPage) }
            set { storedPage = newValue.map { max(Int32(clamping: $0), Self.noPage + 1) } ?? Self.noPage }
        }
        fileprivate var storedPage: Int32

        private static let noPage = Int32.min

        // The long number is the row's number: `Connection` compares and hashes it as a String
        // with the short ones, so it is left out here.
        static func == (lhs: Self, rhs: Self) -> Bool {
            lhs.protocol == rhs.protocol && lhs.classification == rhs.classification && lhs.ports == rhs.ports
                && lhs.storedPage == rhs.storedPage
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(`protocol`)
            hasher.combine(classification)
            hasher.combine(ports)
            hasher.combine(storedPage)
        }

        init(protocol: String?, classification: String?, ports: PortSpec, page: Int?, longNumber: String?) {
            self.protocol = `protocol`
            self.classification = classification
            self.ports = ports
            self.longNumber = longNumber
            self.storedPage = Self.noPage
            self.page = page
        }
    }

    let cells: Cells

    init(_ cells: Cells) { self.cells = cells }
}

extension RepeatedCells.Cells {
    /// A hash of the cells' bytes, eight at a time (an FNV-like multiply), cheaper than `Hasher` a row: `ConnectionSharing`
    /// looks a row's cells up by it and then compares their bytes, so it needs no defence
    /// against chosen collisions (two cells with one hash are each stored on their own).
    var quickHash: Int {
        var hash = Self.mix(0xcbf2_9ce4_8422_2325, `protocol`)
        hash = Self.mix(hash, classification)
        hash = Self.mix(hash, ports.text)
        hash = Self.mix(hash, ports.configurable ? 1 : 0)
        for range in ports.ranges { hash = Self.mix(hash, UInt64(truncatingIfNeeded: range.from) << 32 ^ UInt64(truncatingIfNeeded: range.to)) }
        hash = Self.mix(hash, longNumber)
        return Int(truncatingIfNeeded: Self.mix(hash, UInt64(UInt32(bitPattern: storedPage))))
    }

    private static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 { (hash ^ word) &* 0x100_0000_01b3 &+ (hash >> 29) }

    /// Eight bytes at a time (most cells are one or two words), then the length. (State in and
    /// out, not captured: a closure capturing a variable is checked for exclusive access at run time.)
    private static func mix(_ hash: UInt64, _ text: String?) -> UInt64 {
        guard var text else { return mix(hash, 0xFF) }
        return text.withUTF8 { bytes in
            var hash = hash, i = 0
            while i + 8 <= bytes.count {
                hash = mix(hash, UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: i, as: UInt64.self))
                i += 8
            }
            var last: UInt64 = 0
            for j in i..<bytes.count { last |= UInt64(bytes[j]) << (8 * UInt64(j - i)) }
            return mix(mix(hash, last), UInt64(bytes.count))
        }
    }

    func hasSameBytes(as other: Self) -> Bool {
        storedPage == other.storedPage && ports.configurable == other.ports.configurable && ports.ranges == other.ports.ranges
            && `protocol`.hasSameBytes(as: other.protocol) && classification.hasSameBytes(as: other.classification)
            && ports.text.hasSameBytes(as: other.ports.text)
            && longNumber.hasSameBytes(as: other.longNumber)
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
