import Foundation
import PortolanModel

/// Foundation's `JSONEncoder` output with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`,
/// byte for byte (but for the C1 and bidirectional controls it escapes, see `Output.string`), written straight into one `Data`: no boxed values, no dynamic casts for the
/// special types Foundation checks each value against, and no copy of a value's bytes into its
/// parent's. An object's members are kept as writers until its keys are sorted, then each writes
/// its value in place; an array's elements are written as they come. Floating-point numbers
/// (which no Portolan type has) and containers nested by hand throw `Unsupported`, and the
/// caller falls back to Foundation.
enum JSONBytes {
    struct Unsupported: Error {}

    /// The value's bytes, and a final newline if asked (added here: appending to the `Data`
    /// afterwards would copy every byte).
    static func encode<T: Encodable>(_ value: T, finalNewline: Bool = false) throws -> Data {
        let output = Output()
        try write(value, depth: 0, into: output)
        if output.unsupported { throw Unsupported() }
        if finalNewline { output.append(0x0A) }
        return output.data
    }

    /// The same bytes handed to `pieces` a few megabytes at a time as they are written (a
    /// million rows' model is 480 MB). Throws `Unsupported` (after some pieces, maybe) where
    /// `encode` would.
    static func encode<T: Encodable>(_ value: T, finalNewline: Bool = false, pieces: (Data) throws -> Void) throws {
        try withoutActuallyEscaping(pieces) { pieces in
            let output = Output(pieces: pieces)
            try write(value, depth: 0, into: output)
            if finalNewline { output.append(0x0A) }
            try output.finish()
        }
    }

    /// Where every value of one encoding goes, in order: bytes in a buffer of its own, grown
    /// by doubling and handed to the `Data` without a copy (appending to a `Data` byte run by
    /// byte run costs an exclusivity check and a representation switch each time, a fifth of
    /// the encoding's time on a million rows).
    final class Output {
        private var base: UnsafeMutablePointer<UInt8>?
        private var count = 0
        private var capacity = 0
        var unsupported = false
        /// Where full pieces go, if anywhere; and what handing one on threw.
        private let pieces: ((Data) throws -> Void)?
        private var failure: Error?
        static let pieceSize = 4 << 20

        init(pieces: ((Data) throws -> Void)? = nil) {
            self.pieces = pieces
        }

        deinit { free(base) }

        /// Hands on what is written so far, and throws what handing on threw.
        func finish() throws {
            handOn()
            if let failure { throw failure }
            if unsupported { throw Unsupported() }
        }

        private func handOn() {
            guard let pieces, let written = base, count > 0, failure == nil, !unsupported else { return }
            do { try pieces(Data(bytes: written, count: count)) } catch { failure = error }
            count = 0
        }

        /// The bytes written so far; the output is empty afterwards.
        var data: Data {
            guard let written = base, count > 0 else { return Data() }
            let data = Data(bytesNoCopy: written, count: count, deallocator: .free)
            base = nil
            count = 0
            capacity = 0
            return data
        }

        private func reserve(_ more: Int) {
            if pieces != nil, count + more > Self.pieceSize, count > 0 { handOn() }
            guard count + more > capacity else { return }
            let wanted = max(capacity * 2, count + more, 4096)
            guard let grown = realloc(base, wanted) else { fatalError("out of memory writing JSON") }
            base = grown.assumingMemoryBound(to: UInt8.self)
            capacity = wanted
        }

        func append(_ byte: UInt8) {
            reserve(1)
            base![count] = byte
            count += 1
        }

        func append(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let source = bytes.baseAddress, bytes.count > 0 else { return }
            reserve(bytes.count)
            (base! + count).update(from: source, count: bytes.count)
            count += bytes.count
        }

        func append(contentsOf text: String) {
            var text = text
            text.withUTF8 { append($0) }
        }

        func append(_ text: StaticString) {
            text.withUTF8Buffer { append($0) }
        }

        /// Two spaces per level, as Foundation indents.
        func indent(_ depth: Int) {
            let spaces = depth * 2
            Output.spaces.withUnsafeBufferPointer { all in
                var left = spaces
                while left > 0 {
                    let count = min(left, all.count)
                    append(UnsafeBufferPointer(rebasing: all[0..<count]))
                    left -= count
                }
            }
        }

        static let spaces = [UInt8](repeating: 0x20, count: 64)

        /// A JSON string: `"` and `\` escaped, control characters as \b \f \n \r \t or \u00XX
        /// (lowercase hex); `/`, DEL and every other character as they are, but for what
        /// Foundation leaves raw and a terminal obeys: C1 controls (U+0080-009F) and
        /// bidirectional controls (`isBidiControl`) are written as \uXXXX too.
        func string(_ text: String) {
            append(0x22)
            var text = text
            text.withUTF8 { bytes in
                var start = 0
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    // The length of a hidden multi-byte control starting here, and its value.
                    var hidden: (length: Int, value: UInt32)?
                    if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
                        hidden = (2, UInt32(bytes[index + 1]))
                    } else if byte == 0xD8, index + 1 < bytes.count, bytes[index + 1] == 0x9C {
                        hidden = (2, 0x061C)
                    } else if byte == 0xE2, index + 2 < bytes.count {
                        let value = UInt32(byte & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                        if Unicode.Scalar(value)?.isBidiControl == true { hidden = (3, value) }
                    }
                    guard byte < 0x20 || byte == 0x22 || byte == 0x5C || hidden != nil else {
                        index += 1
                        continue
                    }
                    if index > start { append(UnsafeBufferPointer(rebasing: bytes[start..<index])) }
                    let hex = Array("0123456789abcdef".utf8)
                    func escaped(_ value: UInt32) {
                        [0x5C, 0x75, hex[Int(value >> 12 & 0xF)], hex[Int(value >> 8 & 0xF)], hex[Int(value >> 4 & 0xF)],
                         hex[Int(value & 0xF)]].withUnsafeBufferPointer { append($0) }
                    }
                    if let hidden {
                        escaped(hidden.value)
                        index += hidden.length
                        start = index
                        continue
                    }
                    switch byte {
                    case 0x22: append("\\\"")
                    case 0x5C: append("\\\\")
                    case 0x08: append("\\b")
                    case 0x0C: append("\\f")
                    case 0x0A: append("\\n")
                    case 0x0D: append("\\r")
                    case 0x09: append("\\t")
                    default: escaped(UInt32(byte))
                    }
                    index += 1
                    start = index
                }
                if bytes.count > start { append(UnsafeBufferPointer(rebasing: bytes[start...])) }
            }
            append(0x22)
        }

        func integer<I: BinaryInteger>(_ value: I) { append(contentsOf: String(value)) }

        /// `String(value)`'s digits without making the String: a million rows have three
        /// million numbers (line, column, ports).
        func integer(_ value: Int) {
            if (0..<10).contains(value) { return append(0x30 + UInt8(value)) }
            guard value > 0 else { return append(contentsOf: String(value)) }
            var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
            withUnsafeMutableBytes(of: &digits) { buffer in
                let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
                var start = buffer.count
                var n = value
                while n > 0 {
                    start -= 1
                    base[start] = 0x30 + UInt8(n % 10)
                    n /= 10
                }
                append(UnsafeBufferPointer(start: base + start, count: buffer.count - start))
            }
        }
        func bool(_ value: Bool) { value ? append("true") : append("false") }
        func null() { append("null") }
    }

    /// Writes a value whose first line is already placed and whose nested lines are `depth`
    /// levels down: a string, integer or Boolean directly, anything else through its `encode(to:)`.
    static func write<T: Encodable>(_ value: T, depth: Int, into output: Output) throws {
        if T.self == String.self { return output.string(value as! String) }
        if T.self == Int.self { return output.integer(value as! Int) }
        if T.self == Bool.self { return output.bool(value as! Bool) }
        if T.self == Connection.self { return try connection(value as! Connection, depth: depth, into: output) }
        let encoder = JSONByteEncoder(depth: depth, output: output)
        try value.encode(to: encoder)
        try encoder.finish()
    }
}

/// One value being encoded, `depth` levels down (its closing bracket's indentation).
final class JSONByteEncoder: Encoder {
    enum Kind { case none, scalar, object, array }

    let depth: Int
    let output: JSONBytes.Output
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    private(set) var kind = Kind.none
    /// An object's members, each writing its value where it goes once the keys are sorted.
    var members: [(key: String, write: () throws -> Void)] = []
    var elementCount = 0

    init(depth: Int, output: JSONBytes.Output) {
        self.depth = depth
        self.output = output
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if kind != .object, kind != .none { output.unsupported = true }
        kind = .object
        return KeyedEncodingContainer(JSONKeyedContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if kind == .none {
            kind = .array
            output.append("[\n")
        } else if kind != .array {
            output.unsupported = true
        }
        return JSONUnkeyedContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        if kind != .none { output.unsupported = true }
        return JSONSingleContainer(encoder: self)
    }

    func scalar(_ write: () throws -> Void) rethrows {
        if kind != .none { output.unsupported = true }
        kind = .scalar
        try write()
    }

    /// Places the next element: a separator after the previous one, and its indentation.
    func nextElement() {
        if elementCount > 0 { output.append(",\n") }
        output.indent(depth + 1)
        elementCount += 1
    }

    func member(_ key: String, _ write: @escaping () throws -> Void) {
        members.append((key, write))
    }

    func finish() throws {
        switch kind {
        case .scalar: return
        case .array:
            output.append("\n")
            output.indent(depth)
            output.append("]")
        case .object, .none:
            output.append("{\n")
            if members.isEmpty { output.append("\n") }
            let sorted = members.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }
            members = []
            for (position, entry) in sorted.enumerated() {
                output.indent(depth + 1)
                output.string(entry.element.key)
                output.append(" : ")
                try entry.element.write()
                output.append(position == sorted.count - 1 ? "\n" : ",\n")
            }
            output.indent(depth)
            output.append("}")
        }
    }
}

struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: JSONByteEncoder
    var codingPath: [any CodingKey] { [] }

    private func put<T: Encodable>(_ value: T, _ key: Key) {
        let encoder = self.encoder
        encoder.member(key.stringValue) { try JSONBytes.write(value, depth: encoder.depth + 1, into: encoder.output) }
    }

    mutating func encodeNil(forKey key: Key) throws {
        let output = encoder.output
        encoder.member(key.stringValue) { output.null() }
    }
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(value, key) }
    mutating func encode(_ value: String, forKey key: Key) throws { put(value, key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { throw JSONBytes.Unsupported() }
    mutating func encode(_ value: Float, forKey key: Key) throws { throw JSONBytes.Unsupported() }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(value, key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { put(Int(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { put(Int(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { put(Int(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { put(Int(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { put(String(value), key, raw: true) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { put(Int(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { put(Int(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { put(Int(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { put(String(value), key, raw: true) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { put(value, key) }

    /// Digits written as they are (an unsigned number too large for Int).
    private func put(_ digits: String, _ key: Key, raw: Bool) {
        let output = encoder.output
        encoder.member(key.stringValue) { output.append(contentsOf: digits) }
    }

    // Containers made by hand inside an object are not written by this writer: Foundation does.
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        encoder.output.unsupported = true
        return JSONByteEncoder(depth: encoder.depth + 1, output: JSONBytes.Output()).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder.output.unsupported = true
        return JSONByteEncoder(depth: encoder.depth + 1, output: JSONBytes.Output()).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        encoder.output.unsupported = true
        return JSONByteEncoder(depth: encoder.depth + 1, output: JSONBytes.Output())
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder() }
}

struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: JSONByteEncoder
    var codingPath: [any CodingKey] { [] }
    var count: Int { encoder.elementCount }

    private func add<T: Encodable>(_ value: T) throws {
        encoder.nextElement()
        try JSONBytes.write(value, depth: encoder.depth + 1, into: encoder.output)
    }

    mutating func encodeNil() throws {
        encoder.nextElement()
        encoder.output.null()
    }
    mutating func encode(_ value: Bool) throws { try add(value) }
    mutating func encode(_ value: String) throws { try add(value) }
    mutating func encode(_ value: Double) throws { throw JSONBytes.Unsupported() }
    mutating func encode(_ value: Float) throws { throw JSONBytes.Unsupported() }
    mutating func encode(_ value: Int) throws { try add(value) }
    mutating func encode(_ value: Int8) throws { try add(Int(value)) }
    mutating func encode(_ value: Int16) throws { try add(Int(value)) }
    mutating func encode(_ value: Int32) throws { try add(Int(value)) }
    mutating func encode(_ value: Int64) throws { try add(Int(value)) }
    mutating func encode(_ value: UInt) throws {
        encoder.nextElement()
        encoder.output.integer(value)
    }
    mutating func encode(_ value: UInt8) throws { try add(Int(value)) }
    mutating func encode(_ value: UInt16) throws { try add(Int(value)) }
    mutating func encode(_ value: UInt32) throws { try add(Int(value)) }
    mutating func encode(_ value: UInt64) throws {
        encoder.nextElement()
        encoder.output.integer(value)
    }
    mutating func encode<T: Encodable>(_ value: T) throws { try add(value) }

    // Containers made by hand inside an array are not written by this writer: Foundation does.
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        encoder.output.unsupported = true
        return JSONByteEncoder(depth: encoder.depth + 1, output: JSONBytes.Output()).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        encoder.output.unsupported = true
        return JSONByteEncoder(depth: encoder.depth + 1, output: JSONBytes.Output()).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        encoder.output.unsupported = true
        return JSONByteEncoder(depth: encoder.depth + 1, output: JSONBytes.Output())
    }
}

struct JSONSingleContainer: SingleValueEncodingContainer {
    let encoder: JSONByteEncoder
    var codingPath: [any CodingKey] { [] }

    private func set<T: Encodable>(_ value: T) throws {
        try encoder.scalar { try JSONBytes.write(value, depth: encoder.depth, into: encoder.output) }
    }

    mutating func encodeNil() throws { encoder.scalar { encoder.output.null() } }
    mutating func encode(_ value: Bool) throws { try set(value) }
    mutating func encode(_ value: String) throws { try set(value) }
    mutating func encode(_ value: Double) throws { throw JSONBytes.Unsupported() }
    mutating func encode(_ value: Float) throws { throw JSONBytes.Unsupported() }
    mutating func encode(_ value: Int) throws { try set(value) }
    mutating func encode(_ value: Int8) throws { try set(Int(value)) }
    mutating func encode(_ value: Int16) throws { try set(Int(value)) }
    mutating func encode(_ value: Int32) throws { try set(Int(value)) }
    mutating func encode(_ value: Int64) throws { try set(Int(value)) }
    mutating func encode(_ value: UInt) throws { encoder.scalar { encoder.output.integer(value) } }
    mutating func encode(_ value: UInt8) throws { try set(Int(value)) }
    mutating func encode(_ value: UInt16) throws { try set(Int(value)) }
    mutating func encode(_ value: UInt32) throws { try set(Int(value)) }
    mutating func encode(_ value: UInt64) throws { encoder.scalar { encoder.output.integer(value) } }
    mutating func encode<T: Encodable>(_ value: T) throws { try set(value) }
}
