/// Foundation's `JSONEncoder` output with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`,
/// byte for byte, written straight into byte arrays: no boxed values, no dynamic casts for the
/// special types Foundation checks each value against. A million-row model encodes in a few
/// seconds instead of tens. Floating-point numbers (which no Portolan type has) throw
/// `Unsupported`, and the caller falls back to Foundation.
enum JSONBytes {
    struct Unsupported: Error {}

    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONByteEncoder(depth: 0, run: Run())
        try value.encode(to: encoder)
        if encoder.run.unsupported { throw Unsupported() }
        return encoder.finish()
    }

    /// What every encoder of one value shares: whether anything asked for what this writer
    /// cannot do (a container nested in an array's element list).
    final class Run { var unsupported = false }

    /// Two spaces per level, as Foundation indents.
    static func indent(_ depth: Int, into out: inout [UInt8]) {
        for _ in 0..<(depth * 2) { out.append(0x20) }
    }

    /// A JSON string: `"` and `\` escaped, control characters as \b \f \n \r \t or \u00XX
    /// (lowercase hex); `/`, DEL and every other character as they are.
    static func string(_ text: String, into out: inout [UInt8]) {
        out.append(0x22)
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                start = index + 1
                switch byte {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x08: out.append(contentsOf: [0x5C, 0x62])
                case 0x0C: out.append(contentsOf: [0x5C, 0x66])
                case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: out.append(contentsOf: [0x5C, 0x72])
                case 0x09: out.append(contentsOf: [0x5C, 0x74])
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        out.append(0x22)
    }

    static func integer<I: BinaryInteger>(_ value: I) -> [UInt8] { Array(String(value).utf8) }
    static func bool(_ value: Bool) -> [UInt8] { Array((value ? "true" : "false").utf8) }
    static let null: [UInt8] = Array("null".utf8)

    /// The bytes of a value `depth` levels down: a string or integer written directly, anything
    /// else through its own `encode(to:)`.
    static func value<T: Encodable>(_ value: T, depth: Int, run: Run) throws -> [UInt8] {
        if T.self == String.self {
            var out: [UInt8] = []
            string(value as! String, into: &out)
            return out
        }
        if T.self == Int.self { return integer(value as! Int) }
        if T.self == Bool.self { return bool(value as! Bool) }
        let encoder = JSONByteEncoder(depth: depth, run: run)
        try value.encode(to: encoder)
        return encoder.finish()
    }
}

/// One value being encoded, `depth` levels down (its closing bracket's indentation).
final class JSONByteEncoder: Encoder {
    enum Kind { case empty, scalar, object, array }
    enum Member { case bytes([UInt8]), nested(JSONByteEncoder) }

    let depth: Int
    let run: JSONBytes.Run
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    private(set) var kind = Kind.empty
    /// A scalar's bytes, or an array's opening bracket and elements so far.
    var bytes: [UInt8] = []
    var elementCount = 0
    var members: [(key: String, value: Member)] = []

    init(depth: Int, run: JSONBytes.Run) {
        self.depth = depth
        self.run = run
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        kind = .object
        return KeyedEncodingContainer(JSONKeyedContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if kind != .array {
            kind = .array
            bytes = [0x5B, 0x0A]
        }
        return JSONUnkeyedContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { JSONSingleContainer(encoder: self) }

    func setScalar(_ scalar: [UInt8]) {
        kind = .scalar
        bytes = scalar
    }

    func appendElement(_ element: [UInt8]) {
        if elementCount > 0 { bytes.append(contentsOf: [0x2C, 0x0A]) }
        JSONBytes.indent(depth + 1, into: &bytes)
        bytes.append(contentsOf: element)
        elementCount += 1
    }

    func finish() -> [UInt8] {
        switch kind {
        case .scalar: return bytes
        case .array:
            bytes.append(0x0A)
            JSONBytes.indent(depth, into: &bytes)
            bytes.append(0x5D)
            return bytes
        case .object, .empty:
            var out: [UInt8] = [0x7B, 0x0A]
            if members.isEmpty { out.append(0x0A) }
            let sorted = members.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }
            for (position, entry) in sorted.enumerated() {
                JSONBytes.indent(depth + 1, into: &out)
                JSONBytes.string(entry.element.key, into: &out)
                out.append(contentsOf: [0x20, 0x3A, 0x20])
                switch entry.element.value {
                case .bytes(let value): out.append(contentsOf: value)
                case .nested(let child): out.append(contentsOf: child.finish())
                }
                out.append(contentsOf: position == sorted.count - 1 ? [0x0A] : [0x2C, 0x0A])
            }
            JSONBytes.indent(depth, into: &out)
            out.append(0x7D)
            return out
        }
    }
}

struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: JSONByteEncoder
    var codingPath: [any CodingKey] { [] }

    private func put(_ bytes: [UInt8], _ key: Key) { encoder.members.append((key.stringValue, .bytes(bytes))) }

    mutating func encodeNil(forKey key: Key) throws { put(JSONBytes.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(JSONBytes.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws {
        var out: [UInt8] = []
        JSONBytes.string(value, into: &out)
        put(out, key)
    }
    mutating func encode(_ value: Double, forKey key: Key) throws { throw JSONBytes.Unsupported() }
    mutating func encode(_ value: Float, forKey key: Key) throws { throw JSONBytes.Unsupported() }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(JSONBytes.integer(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { put(JSONBytes.integer(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { put(JSONBytes.integer(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { put(JSONBytes.integer(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { put(JSONBytes.integer(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { put(JSONBytes.integer(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { put(JSONBytes.integer(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { put(JSONBytes.integer(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { put(JSONBytes.integer(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { put(JSONBytes.integer(value), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        put(try JSONBytes.value(value, depth: encoder.depth + 1, run: encoder.run), key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = JSONByteEncoder(depth: encoder.depth + 1, run: encoder.run)
        encoder.members.append((key.stringValue, .nested(child)))
        return child.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = JSONByteEncoder(depth: encoder.depth + 1, run: encoder.run)
        encoder.members.append((key.stringValue, .nested(child)))
        return child.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = JSONByteEncoder(depth: encoder.depth + 1, run: encoder.run)
        encoder.members.append((key.stringValue, .nested(child)))
        return child
    }
}

struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: JSONByteEncoder
    var codingPath: [any CodingKey] { [] }
    var count: Int { encoder.elementCount }

    mutating func encodeNil() throws { encoder.appendElement(JSONBytes.null) }
    mutating func encode(_ value: Bool) throws { encoder.appendElement(JSONBytes.bool(value)) }
    mutating func encode(_ value: String) throws {
        var out: [UInt8] = []
        JSONBytes.string(value, into: &out)
        encoder.appendElement(out)
    }
    mutating func encode(_ value: Double) throws { throw JSONBytes.Unsupported() }
    mutating func encode(_ value: Float) throws { throw JSONBytes.Unsupported() }
    mutating func encode(_ value: Int) throws { encoder.appendElement(JSONBytes.integer(value)) }
    mutating func encode(_ value: Int8) throws { encoder.appendElement(JSONBytes.integer(value)) }
    mutating func encode(_ value: Int16) throws { encoder.appendElement(JSONBytes.integer(value)) }
    mutating func encode(_ value: Int32) throws { encoder.appendElement(JSONBytes.integer(value)) }
    mutating func encode(_ value: Int64) throws { encoder.appendElement(JSONBytes.integer(value)) }
    mutating func encode(_ value: UInt) throws { encoder.appendElement(JSONBytes.integer(value)) }
    mutating func encode(_ value: UInt8) throws { encoder.appendElement(JSONBytes.integer(value)) }
    mutating func encode(_ value: UInt16) throws { encoder.appendElement(JSONBytes.integer(value)) }
    mutating func encode(_ value: UInt32) throws { encoder.appendElement(JSONBytes.integer(value)) }
    mutating func encode(_ value: UInt64) throws { encoder.appendElement(JSONBytes.integer(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.appendElement(try JSONBytes.value(value, depth: encoder.depth + 1, run: encoder.run))
    }

    // Containers nested in an array are written after their parent's later elements, which
    // this writer cannot do in place; no Portolan type makes one, and Foundation does it instead.
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        encoder.run.unsupported = true
        return JSONByteEncoder(depth: encoder.depth + 1, run: encoder.run).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        encoder.run.unsupported = true
        return JSONByteEncoder(depth: encoder.depth + 1, run: encoder.run).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        encoder.run.unsupported = true
        return JSONByteEncoder(depth: encoder.depth + 1, run: encoder.run)
    }
}

struct JSONSingleContainer: SingleValueEncodingContainer {
    let encoder: JSONByteEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { encoder.setScalar(JSONBytes.null) }
    mutating func encode(_ value: Bool) throws { encoder.setScalar(JSONBytes.bool(value)) }
    mutating func encode(_ value: String) throws {
        var out: [UInt8] = []
        JSONBytes.string(value, into: &out)
        encoder.setScalar(out)
    }
    mutating func encode(_ value: Double) throws { throw JSONBytes.Unsupported() }
    mutating func encode(_ value: Float) throws { throw JSONBytes.Unsupported() }
    mutating func encode(_ value: Int) throws { encoder.setScalar(JSONBytes.integer(value)) }
    mutating func encode(_ value: Int8) throws { encoder.setScalar(JSONBytes.integer(value)) }
    mutating func encode(_ value: Int16) throws { encoder.setScalar(JSONBytes.integer(value)) }
    mutating func encode(_ value: Int32) throws { encoder.setScalar(JSONBytes.integer(value)) }
    mutating func encode(_ value: Int64) throws { encoder.setScalar(JSONBytes.integer(value)) }
    mutating func encode(_ value: UInt) throws { encoder.setScalar(JSONBytes.integer(value)) }
    mutating func encode(_ value: UInt8) throws { encoder.setScalar(JSONBytes.integer(value)) }
    mutating func encode(_ value: UInt16) throws { encoder.setScalar(JSONBytes.integer(value)) }
    mutating func encode(_ value: UInt32) throws { encoder.setScalar(JSONBytes.integer(value)) }
    mutating func encode(_ value: UInt64) throws { encoder.setScalar(JSONBytes.integer(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.setScalar(try JSONBytes.value(value, depth: encoder.depth, run: encoder.run))
    }
}
