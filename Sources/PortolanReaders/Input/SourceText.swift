import PortolanModel

/// A document's text as lines, decoded from the bytes a user gave us.
public struct SourceText: Sendable {
    /// Lines without their line ends; `lines[0]` is line 1. Byte ranges into the document's
    /// bytes, each decoded when it is asked for.
    public let lines: Lines

    public init(lines: [String]) {
        self.lines = Lines(lines)
    }

    init(lines: Lines) {
        self.lines = lines
    }

    /// Splits text on LF, CRLF or CR.
    public init(text: String) {
        self.lines = Lines(utf8: Array(text.utf8))
    }

    /// Why bytes are not a document Portolan can read.
    public enum DecodingProblem: Error, Equatable, Sendable {
        case empty
        case binary(line: Int)
        case invalidUTF8(line: Int, column: Int)
        case invalidUTF16

        public var diagnostic: Diagnostic {
            switch self {
            case .empty:
                Diagnostic(.error, "the file is empty")
            case .binary(let line):
                Diagnostic(.error, "the file looks binary (it contains a NUL byte); expected a text document", line: line)
            case .invalidUTF8(let line, let column):
                Diagnostic(.error, "the file is not valid UTF-8 (invalid byte sequence); re-save it as UTF-8",
                           line: line, column: column)
            case .invalidUTF16:
                Diagnostic(.error, "the file starts with a UTF-16 byte order mark but is not valid UTF-16")
            }
        }
    }

    /// Decodes UTF-8 (with or without BOM) and UTF-16 with a BOM. Rejects empty, binary and
    /// undecodable input with the position of the first bad byte.
    public static func decode(_ bytes: [UInt8]) -> Result<SourceText, DecodingProblem> {
        if bytes.isEmpty { return .failure(.empty) }
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return decodeUTF16(bytes)
        }
        var body = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { body = bytes.dropFirst(3) }
        if let nul = body.firstIndex(of: 0) {
            return .failure(.binary(line: lineNumber(of: nul, in: bytes)))
        }
        if let bad = firstInvalidUTF8(body) {
            let line = lineNumber(of: bad, in: bytes)
            let lineStart = bytes[..<bad].lastIndex(of: 0x0A).map { $0 + 1 } ?? body.startIndex
            return .failure(.invalidUTF8(line: line, column: bad - lineStart + 1))
        }
        // The caller's bytes, shared: the lines are ranges into them.
        let lines = Lines(utf8: bytes, from: body.startIndex)
        if lines.indices.allSatisfy({ isBlank(lines, $0) }) { return .failure(.empty) }
        return .success(SourceText(lines: lines))
    }

    private static func decodeUTF16(_ bytes: [UInt8]) -> Result<SourceText, DecodingProblem> {
        guard bytes.count % 2 == 0 else { return .failure(.invalidUTF16) }
        let bigEndian = bytes[0] == 0xFE
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 - 1)
        var i = 2
        while i + 1 < bytes.count {
            let (hi, lo) = bigEndian ? (bytes[i], bytes[i + 1]) : (bytes[i + 1], bytes[i])
            units.append(UInt16(hi) << 8 | UInt16(lo))
            i += 2
        }
        var text = ""
        var iterator = units.makeIterator()
        var decoder = UTF16()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\0" { return .failure(.binary(line: 1 + text.filter { $0 == "\n" }.count)) }
                text.unicodeScalars.append(scalar)
            case .emptyInput: break loop
            case .error: return .failure(.invalidUTF16)
            }
        }
        if text.allSatisfy(\.isWhitespace) { return .failure(.empty) }
        return .success(SourceText(text: text))
    }

    /// True when the line holds white space only: ASCII bytes decide on their own, the first
    /// other byte hands the line to Characters.
    private static func isBlank(_ lines: Lines, _ index: Int) -> Bool {
        let ascii: Bool? = lines.withBytes(index) { line in
            for byte in line where !(byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)) {
                return byte < 0x80 ? false : nil
            }
            return true
        }
        return ascii ?? lines[index].allSatisfy(\.isWhitespace)
    }

    private static func lineNumber(of index: Int, in bytes: [UInt8]) -> Int {
        1 + bytes[..<index].lazy.filter { $0 == 0x0A }.count
    }

    /// The offset of the first byte that does not start or continue a valid UTF-8 sequence.
    private static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        // ASCII, most of any document, eight bytes at a time until the first byte that is not.
        let asciiEnd = bytes.withUnsafeBufferPointer { buffer -> Int in
            var k = 0
            let raw = UnsafeRawBufferPointer(buffer)
            while k + 8 <= buffer.count, raw.loadUnaligned(fromByteOffset: k, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { k += 8 }
            return k
        }
        var i = bytes.startIndex + asciiEnd
        while i < bytes.endIndex {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            if i + length > bytes.endIndex { return i }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            if length == 3 {
                let b1 = bytes[i + 1]
                if (b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 > 0x9F) { return i }
            }
            if length == 4 {
                let b1 = bytes[i + 1]
                if (b == 0xF0 && b1 < 0x90) || (b == 0xF4 && b1 > 0x8F) { return i }
            }
            i += length
        }
        return nil
    }
}
