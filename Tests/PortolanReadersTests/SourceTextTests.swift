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
