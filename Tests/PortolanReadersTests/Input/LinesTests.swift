@testable import PortolanReaders
import Testing

/// A document's lines as byte ranges (`Lines`): every line end, the first and last line, the
/// byte order mark and bad bytes, each worked out from the bytes by hand.
@Suite struct LinesTests {
    private func lines(_ bytes: [UInt8]) -> [String] { Array(Lines(utf8: bytes)) }
    private func lines(_ text: String) -> [String] { lines(Array(text.utf8)) }

    @Test func everyLineEndEndsALine() {
        #expect(lines("a\nb\n") == ["a", "b"])
        #expect(lines("a\r\nb\r\n") == ["a", "b"])
        #expect(lines("a\rb\r") == ["a", "b"])
        // Mixed: CR alone, CRLF, LF.
        #expect(lines("a\rb\r\nc\nd") == ["a", "b", "c", "d"])
    }

    @Test func blankLinesAreLines() {
        #expect(lines("a\n\nb") == ["a", "", "b"])
        #expect(lines("\n") == [""])
        #expect(lines("\r\n") == [""])
        #expect(lines("\n\n") == ["", ""])
        // CR CR LF: a line ended by the CR, then an empty line ended by the CRLF.
        #expect(lines("a\r\r\nb") == ["a", "", "b"])
        // LF then CR: two line ends, not one.
        #expect(lines("a\n\rb") == ["a", "", "b"])
    }

    @Test func theLastLineNeedsNoLineEnd() {
        #expect(lines("a") == ["a"])
        #expect(lines("a\nb") == ["a", "b"])
        #expect(lines("") == [])
        #expect(Lines(utf8: []).isEmpty)
    }

    @Test func fromSkipsAByteOrderMark() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("x\ty\r\nz".utf8)
        #expect(Array(Lines(utf8: bytes, from: 3)) == ["x\ty", "z"])
        #expect(Array(Lines(utf8: [0xEF, 0xBB, 0xBF], from: 3)) == [])
    }

    @Test func linesKeepTheirOtherBytes() {
        // Two-, three- and four-byte characters; a line of spaces; a tab at an end.
        #expect(lines("Süd\n€ 5\n😀\n   \nend\t") == ["Süd", "€ 5", "😀", "   ", "end\t"])
    }

    @Test func bytesOfALineWithoutDecodingIt() {
        let text = Lines(utf8: Array("  * note\r\n\t\nx".utf8))
        #expect(text.withBytes(0) { Array($0) } == Array("  * note".utf8))
        #expect(text.withBytes(1) { Array($0) } == [0x09])
        #expect(text.firstNonSpaceByte(0) == UInt8(ascii: "*"))
        #expect(text.firstNonSpaceByte(1) == nil)
        #expect(text.firstNonSpaceByte(2) == UInt8(ascii: "x"))
    }

    @Test func linesGivenAsStringsStayAsGiven() {
        // A string that holds a line break is still one line.
        let given = Lines(["a\r", "b\nc", "", "d"])
        #expect(Array(given) == ["a\r", "b\nc", "", "d"])
        #expect(given.count == 4)
        #expect(given.withBytes(1) { Array($0) } == Array("b\nc".utf8))
        #expect(Lines([String]()).isEmpty)
        let literal: Lines = ["x", "y"]
        #expect(literal == Lines(utf8: Array("x\ny\n".utf8)))
        #expect(literal != Lines(utf8: Array("x\ny\nz".utf8)))
    }

    @Test func slicesAndSearchesWorkOnIndices() {
        let text = Lines(utf8: Array("h\n\nrow 1\nrow 2".utf8))
        #expect(text[2...].first { !$0.isEmpty } == "row 1")
        #expect(text.firstIndex(of: "row 2") == 3)
        #expect(text.prefix(2).joined(separator: "|") == "h|")
    }
}
