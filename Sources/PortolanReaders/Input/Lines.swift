/// A document's lines as byte ranges into its UTF-8 bytes: a line is decoded into a `String`
/// only when it is asked for, so the lines never stand whole as strings beside the document's
/// bytes and the connections read from them (about 21 MiB for a 15 MB table of 100,000 rows).
/// The bytes are the caller's array, shared, not copied.
public struct Lines: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    /// Valid UTF-8 (`SourceText.decode` checked it).
    private let bytes: [UInt8]
    /// Where each line starts, and after the last one where the text ends: line `i` is the
    /// bytes from `offsets[i]` to `offsets[i + 1]` without the line end (LF, CRLF or CR) the
    /// next line starts after. Four bytes a line; `wide` instead when the text is 4 GiB or more;
    /// `packed` instead (two bytes a line) when every 128 lines start within 64 KiB.
    private let offsets: [UInt32]
    private let wide: [Int]
    private let packed: PackedOffsets?
    /// For lines given as strings (which may hold line breaks of their own): where each ends.
    private let ends: [Int]

    public var startIndex: Int { 0 }
    public var endIndex: Int { Swift.max((packed?.count ?? (wide.isEmpty ? offsets.count : wide.count)) - 1, 0) }

    /// Splits valid UTF-8 `bytes[from...]` on LF, CRLF or CR; a last line without a line end
    /// is a line, an empty text has none.
    init(utf8 bytes: [UInt8], from: Int = 0) {
        var starts: [Int] = []
        var small: [UInt32] = []
        let narrow = bytes.count < Int(UInt32.max)
        func add(_ offset: Int) {
            if narrow { small.append(UInt32(truncatingIfNeeded: offset)) } else { starts.append(offset) }
        }
        bytes.withUnsafeBufferPointer { buffer in
            var breaks = 0
            for byte in buffer[from...] where byte == 0x0A || byte == 0x0D { breaks += 1 }
            if narrow { small.reserveCapacity(breaks + 2) } else { starts.reserveCapacity(breaks + 2) }
            var i = from
            if from < buffer.count { add(from) }
            while i < buffer.count {
                let byte = buffer[i]
                if byte == 0x0A || byte == 0x0D {
                    if byte == 0x0D, i + 1 < buffer.count, buffer[i + 1] == 0x0A { i += 1 }
                    // A line starts after the break; the last break starts none.
                    if i + 1 < buffer.count { add(i + 1) }
                }
                i += 1
            }
            if from < buffer.count { add(buffer.count) }
        }
        self.bytes = bytes
        self.packed = PackedOffsets(small)
        self.offsets = packed == nil ? small : []
        self.wide = starts
        self.ends = []
    }

    /// Lines given as strings, kept exactly (a line holding a line break stays one line).
    public init(_ strings: some Sequence<String>) {
        var bytes: [UInt8] = [], starts: [Int] = [], ends: [Int] = []
        for line in strings {
            starts.append(bytes.count)
            bytes.append(contentsOf: line.utf8)
            ends.append(bytes.count)
        }
        starts.append(bytes.count)
        self.bytes = bytes
        self.offsets = []
        self.wide = starts
        self.packed = nil
        self.ends = ends
    }

    /// Line `index`'s bytes, without its line end.
    private func range(_ index: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        let start: Int, next: Int
        if let packed {
            start = packed[index]
            next = packed[index + 1]
        } else if wide.isEmpty {
            start = Int(offsets[index])
            next = Int(offsets[index + 1])
        } else {
            start = wide[index]
            next = wide[index + 1]
        }
        if !ends.isEmpty { return start..<ends[index] }
        var end = next
        if end > start, buffer[end - 1] == 0x0A || buffer[end - 1] == 0x0D {
            end -= 1
            // CRLF is one line end: a CR just before the LF is this line's.
            if buffer[end] == 0x0A, end > start, buffer[end - 1] == 0x0D { end -= 1 }
        }
        return start..<end
    }

    public init(arrayLiteral elements: String...) { self.init(elements) }

    public subscript(index: Int) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[range(index, in: buffer)]), as: UTF8.self)
        }
    }

    /// The line's bytes, without decoding it into a string.
    func withBytes<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { buffer in
            try body(UnsafeBufferPointer(rebasing: buffer[range(index, in: buffer)]))
        }
    }

    /// The line's first byte that is not an ASCII space, tab or other ASCII white space; nil
    /// for a line of such bytes only.
    func firstNonSpaceByte(_ index: Int) -> UInt8? {
        withBytes(index) { line in line.first { !($0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D)) } }
    }

    public static func == (lhs: Lines, rhs: Lines) -> Bool { lhs.elementsEqual(rhs) }
}

/// Questions the layouts ask of every line, answered on its bytes without decoding it.
extension Lines {
    /// `Text.words(self[index])`.
    func words(_ index: Int) -> [String] { withBytes(index) { Text.words(bytes: $0) } }

    /// `Text.word(at: word, in: self[index])`.
    func word(at word: Int, in index: Int) -> String? { withBytes(index) { Text.word(at: word, bytes: $0) } }

    /// `Text.isBlank(self[index])`.
    func isBlank(_ index: Int) -> Bool {
        let ascii: Bool? = withBytes(index) { line in
            for byte in line where !(byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)) {
                return byte < 0x80 ? false : nil
            }
            return true
        }
        return ascii ?? Text.isBlank(self[index])
    }

    /// `Text.trimmed(self[index]).hasPrefix(prefix)` for an ASCII `prefix` byte.
    func startsAfterSpaces(_ index: Int, with prefix: UInt8) -> Bool {
        // The first byte after ASCII spaces, and whether the byte after it may join it into
        // another character (a combining mark).
        let found: (lead: UInt8, joined: Bool)? = withBytes(index) { line in
            guard let at = line.firstIndex(where: { !($0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D)) }) else { return nil }
            return (line[at], at + 1 < line.count && line[at + 1] >= 0x80)
        }
        guard let found else { return false }
        if found.lead < 0x80, found.lead != prefix { return false }
        if found.lead < 0x80, !found.joined { return true }
        // Unicode white space that trimming takes away, or a character the prefix begins: the text decides.
        return Text.trimmed(self[index]).hasPrefix(String(UnicodeScalar(prefix)))
    }
}

/// Ascending offsets in two bytes each: every 128th in full, the rest as the distance from it.
/// A document of short lines (PDF text, a word a line) keeps half the bytes for its lines.
struct PackedOffsets: Sendable {
    private let blocks: [UInt32]
    private let distances: [UInt16]
    var count: Int { distances.count }

    /// nil when some 128 offsets in a row span 64 KiB or more (long lines): kept in four bytes then.
    init?(_ offsets: [UInt32]) {
        var blocks: [UInt32] = [], distances: [UInt16] = []
        blocks.reserveCapacity(offsets.count / 128 + 1)
        distances.reserveCapacity(offsets.count)
        for (i, offset) in offsets.enumerated() {
            if i & 127 == 0 { blocks.append(offset) }
            let distance = offset &- blocks[blocks.count - 1]
            guard offset >= blocks[blocks.count - 1], distance <= UInt32(UInt16.max) else { return nil }
            distances.append(UInt16(distance))
        }
        self.blocks = blocks
        self.distances = distances
    }

    subscript(index: Int) -> Int { Int(blocks[index >> 7]) + Int(distances[index]) }
}
