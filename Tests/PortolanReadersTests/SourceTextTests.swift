import PortolanModel
import PortolanReaders
import Testing

@Suite struct SourceTextTests {
    @Test func lineEndsAreAllOneThing() throws {
        let lf = try SourceText.decode(Array("a\nb\n".utf8)).get().lines
        #expect(try SourceText.decode(Array("a\r\nb\r\n".utf8)).get().lines == lf)
        #expect(try SourceText.decode(Array("a\rb\r".utf8)).get().lines == lf)
        #expect(lf == ["a", "b"])
    }

    @Test func byteOrderMarks() throws {
        #expect(try SourceText.decode([0xEF, 0xBB, 0xBF] + Array("x\ty".utf8)).get().lines == ["x\ty"])
        var utf16le: [UInt8] = [0xFF, 0xFE]
        for unit in "Süd\nB".utf16 { utf16le += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(try SourceText.decode(utf16le).get().lines == ["Süd", "B"])
        var utf16be: [UInt8] = [0xFE, 0xFF]
        for unit in "ok".utf16 { utf16be += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        #expect(try SourceText.decode(utf16be).get().lines == ["ok"])
        #expect(throws: SourceText.DecodingProblem.invalidUTF16) { try SourceText.decode([0xFF, 0xFE, 0x41]).get() }
    }

    @Test func badBytesSayWhere() {
        #expect(throws: SourceText.DecodingProblem.empty) { try SourceText.decode([]).get() }
        #expect(throws: SourceText.DecodingProblem.empty) { try SourceText.decode(Array(" \n\n".utf8)).get() }
        #expect(throws: SourceText.DecodingProblem.binary(line: 2)) { try SourceText.decode(Array("a\nb\0c".utf8)).get() }
        #expect(throws: SourceText.DecodingProblem.invalidUTF8(line: 2, column: 3)) {
            try SourceText.decode(Array("ok\nab".utf8) + [0xC3, 0x28]).get()
        }
    }
}

/// Decoding keeps the caller's bytes and reads lines from them.
@Suite struct SourceTextLineTests {
    @Test func noFinalLineEndAndBlankText() throws {
        #expect(Array(try SourceText.decode(Array("a\r\nb".utf8)).get().lines) == ["a", "b"])
        // White space only, in any line ends and with a no-break space: empty.
        #expect(throws: SourceText.DecodingProblem.empty) { try SourceText.decode(Array(" \r\n\t\r\u{00A0}\n".utf8)).get() }
        // A byte order mark and nothing else: empty.
        #expect(throws: SourceText.DecodingProblem.empty) { try SourceText.decode([0xEF, 0xBB, 0xBF]).get() }
        // A non-ASCII letter is text.
        #expect(Array(try SourceText.decode(Array(" \n é".utf8)).get().lines) == [" ", " é"])
    }

    @Test func invalidUTF8IsRefusedWherever() {
        // A lone continuation byte at the start of line 3, column 1; after CRLF line ends.
        #expect(throws: SourceText.DecodingProblem.invalidUTF8(line: 3, column: 1)) {
            try SourceText.decode(Array("a\r\nb\r\n".utf8) + [0x80]).get()
        }
        // A truncated three-byte sequence at the end of the text.
        #expect(throws: SourceText.DecodingProblem.invalidUTF8(line: 1, column: 2)) {
            try SourceText.decode(Array("x".utf8) + [0xE2, 0x82]).get()
        }
    }

    @Test func linesFromText() {
        #expect(Array(SourceText(text: "a\rb\r\n\nc").lines) == ["a", "b", "", "c"])
        #expect(Array(SourceText(lines: ["a\nb", "c"]).lines) == ["a\nb", "c"])
    }
}
