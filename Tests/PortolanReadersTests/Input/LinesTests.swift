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

    @Test func questionsOnBytesAnswerAsOnTheText() {
        let samples = ["", "   ", "\t\u{00A0} ", "\u{2003}", "  12 Voice\u{00A0}SIP\tCluster ", "# Heading", "  # Indented",
                       "\u{00A0}# after a no-break space", "\u{2003}#em space", "#\u{0301} combining", "x # not first", "é"]
        let text = Lines(utf8: Array(samples.joined(separator: "\n").utf8))
        #expect(Array(text) == samples)
        for (i, line) in samples.enumerated() {
            #expect(text.words(i) == Text.words(line), "\(line)")
            for n in 0..<4 { #expect(text.word(at: n, in: i) == Text.word(at: n, in: line), "\(line) \(n)") }
            #expect(text.isBlank(i) == Text.isBlank(line), "\(line)")
            #expect(text.startsAfterSpaces(i, with: UInt8(ascii: "#")) == Text.trimmed(line).hasPrefix("#"), "\(line)")
        }
        // Worked out by hand: blank lines, the headings, the words.
        #expect(samples.indices.filter(text.isBlank) == [0, 1, 2, 3])
        #expect(samples.indices.filter { text.startsAfterSpaces($0, with: UInt8(ascii: "#")) } == [5, 6, 7, 8])
        #expect(text.words(4) == ["12", "Voice", "SIP", "Cluster"])
        #expect(text.word(at: 2, in: 4) == "SIP")
        #expect(text.word(at: 4, in: 4) == nil)
    }
}

/// Line offsets kept in two bytes a line (`PackedOffsets`) when every 128 lines span under
/// 64 KiB, in four otherwise: the lines read the same either way.
@Suite struct PackedLinesTests {
    @Test func shortLinesAcrossManyBlocks() {
        // 1,000 lines "0" … "999" (each 1-3 digits): eight 128-line blocks and a part.
        let strings = (0..<1000).map(String.init)
        let lines = Lines(utf8: Array(strings.joined(separator: "\n").utf8))
        #expect(lines.count == 1000)
        #expect(Array(lines) == strings)
        #expect(lines[127] == "127" && lines[128] == "128" && lines[999] == "999")
    }

    @Test func offsetsPack() throws {
        // 128 offsets a block: all five are in the first, measured from 0; 70,000 is too far.
        #expect(PackedOffsets([0, 10, 65_535, 65_535, 70_000]) == nil)
        let fits = try #require(PackedOffsets([0, 10, 65_535]))
        #expect(fits.count == 3)
        #expect((0..<3).map { fits[$0] } == [0, 10, 65_535])
        // The 129th offset starts a block of its own, stored whole.
        let across = try #require(PackedOffsets((0..<200).map { UInt32($0 * 500) }))
        #expect(across[127] == 63_500)
        #expect(across[128] == 64_000)
        #expect(across[199] == 99_500)
    }

    @Test func aLongLineKeepsFourBytesALine() {
        // A 70,000-byte line among short ones: 128 lines span more than 64 KiB.
        let long = String(repeating: "x", count: 70_000)
        let strings = ["a", long, "b", "c"] + (0..<300).map { "line \($0)" }
        let lines = Lines(utf8: Array(strings.joined(separator: "\r\n").utf8))
        #expect(Array(lines) == strings)
        #expect(lines[1].utf8.count == 70_000)
        #expect(lines.words(2) == ["b"])
    }
}
