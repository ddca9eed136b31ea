import PortolanModel
@testable import PortolanReaders
import Testing

/// Damaged copies of real fixtures (cut short, bytes overwritten at fixed places): every one is
/// read without a crash, to rows or to an error, never to rows with positions outside the file.
@Suite struct PDFDamageTests {
    /// The same damage every run: cuts at tenths of the file, and every 97th byte overwritten.
    static func damaged(_ bytes: [UInt8]) -> [[UInt8]] {
        var copies = (1..<10).map { Array(bytes.prefix(bytes.count * $0 / 10)) }
        for start in stride(from: 0, to: 97 * 8, by: 97) {
            var copy = bytes
            for i in stride(from: start, to: copy.count, by: 997) { copy[i] = UInt8(truncatingIfNeeded: i) }
            copies.append(copy)
        }
        return copies
    }

    @Test(arguments: ["pdf/kafka.pdf", "pdf/seed-004.libreoffice.pdf", "docx/merged.docx", "docx/seed-000.merged.docx"])
    func damagedCopiesReadWithoutACrash(file: String) {
        let path = "\(Fixture.root)/Tests/PortolanReadersTests/Fixtures/\(file)"
        for copy in Self.damaged(Fixture.bytes(path)) {
            let document = DocumentReader.read(path: file, bytes: copy, format: file.hasSuffix(".pdf") ? .pdf : .docx)
            #expect(!document.connections.isEmpty || document.diagnostics.contains { $0.severity == .error })
            #expect(document.connections.allSatisfy { $0.line >= 1 && $0.ports.ranges.allSatisfy { (1...65535).contains($0.from) } })
        }
    }

    @Test func zipWhoseDirectoryPointsPastTheEndIsAnErrorNotACrash() {
        // Found by `make test-fuzz`: a merged.docx whose end record puts the central directory at
        // byte 6301 of 5491; ZIPFoundation's in-memory file read past the end and trapped.
        let path = "\(Fixture.root)/Tests/Fuzz/regressions/docx-directory-past-the-end.docx"
        let bytes = Fixture.bytes(path)
        #expect(ZIPBounds.check(bytes) == .outside)
        let document = DocumentReader.read(path: "fuzz.docx", bytes: bytes, format: .docx)
        #expect(document.connections.isEmpty)
        #expect(document.diagnostics.map(\.message) == ["the Word document is damaged (its ZIP directory points outside "
            + "the file); open it in Word or LibreOffice and save it again"])
        // Found by the same run (a leak under AddressSanitizer): an end record whose comment runs
        // 32768 bytes past the end of the file.
        let comment = Fixture.bytes("\(Fixture.root)/Tests/Fuzz/regressions/docx-comment-past-the-end.docx")
        #expect(ZIPBounds.check(comment) == .outside)
        #expect(DocumentReader.read(path: "fuzz.docx", bytes: comment, format: .docx).diagnostics.map(\.severity) == [.error])
        // Every Word document LibreOffice wrote passes the same check.
        for name in ["caption", "kafka", "merged", "seed-000.merged", "seed-004"] {
            #expect(ZIPBounds.check(Fixture.bytes("\(Fixture.root)/Tests/PortolanReadersTests/Fixtures/docx/\(name).docx")) == .inside)
        }
    }
}
