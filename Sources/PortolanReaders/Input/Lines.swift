/// A document's lines as byte ranges into its UTF-8 bytes: a line is decoded into a `String`
/// only when it is asked for, so the lines never stand whole as strings beside the document's
/// bytes and the connections read from them (about 21 MiB for a 15 MB table of 100,000 rows).
/// The bytes are the caller's array, shared, not copied.
public struct Lines: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    /// Valid UTF-8 (`SourceText.decode` checked it).
    private let bytes: [UInt8]
    /// Line `i` is `bytes[starts[i]..<ends[i]]`, without its line end.
    private let starts: [Int]
    private let ends: [Int]

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts.count }

    /// Splits valid UTF-8 `bytes[from...]` on LF, CRLF or CR; a last line without a line end
    /// is a line, an empty text has none.
    init(utf8 bytes: [UInt8], from: Int = 0) {
        var starts: [Int] = [], ends: [Int] = []
        bytes.withUnsafeBufferPointer { buffer in
            var breaks = 0
            for byte in buffer[from...] where byte == 0x0A || byte == 0x0D { breaks += 1 }
            starts.reserveCapacity(breaks + 1)
            ends.reserveCapacity(breaks + 1)
            var start = from, i = from
            while i < buffer.count {
                let byte = buffer[i]
                if byte == 0x0A || byte == 0x0D {
                    starts.append(start)
                    ends.append(i)
                    if byte == 0x0D, i + 1 < buffer.count, buffer[i + 1] == 0x0A { i += 1 }
                    start = i + 1
                }
                i += 1
            }
            if start < buffer.count {
                starts.append(start)
                ends.append(buffer.count)
            }
        }
        self.bytes = bytes
        self.starts = starts
        self.ends = ends
    }

    /// Lines given as strings, kept exactly (a line holding a line break stays one line).
    public init(_ strings: some Sequence<String>) {
        var bytes: [UInt8] = [], starts: [Int] = [], ends: [Int] = []
        for line in strings {
            starts.append(bytes.count)
            bytes.append(contentsOf: line.utf8)
            ends.append(bytes.count)
        }
        self.bytes = bytes
        self.starts = starts
        self.ends = ends
    }

    public init(arrayLiteral elements: String...) { self.init(elements) }

    public subscript(index: Int) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[starts[index]..<ends[index]]), as: UTF8.self)
        }
    }

    /// The line's bytes, without decoding it into a string.
    func withBytes<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { buffer in
            try body(UnsafeBufferPointer(rebasing: buffer[starts[index]..<ends[index]]))
        }
    }

    /// The line's first byte that is not an ASCII space, tab or other ASCII white space; nil
    /// for a line of such bytes only.
    func firstNonSpaceByte(_ index: Int) -> UInt8? {
        withBytes(index) { line in line.first { !($0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D)) } }
    }

    public static func == (lhs: Lines, rhs: Lines) -> Bool { lhs.elementsEqual(rhs) }
}
