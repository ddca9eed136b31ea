@testable import PortolanReaders
import PortolanModel
import Testing

/// The byte-level fast paths added for speed give what the general paths give: each case is
/// one the fast path decides on its own, with the answer worked out by hand from the rules.
@Suite struct ByteFastPathTests {
    @Test func plainPortCellsReadOnTheirBytes() {
        #expect(PortCell.parse("5050, 8888").spec.ranges == [PortRange(5050), PortRange(8888)])
        #expect(PortCell.parse("20000-45000").spec.ranges == [PortRange(20000, 45000)])
        #expect(PortCell.parse("9092/9093*").spec.ranges == [PortRange(9092), PortRange(9093)])
        #expect(PortCell.parse("0080").spec.ranges == [PortRange(80)])
        // A star between digits is dropped, as the general path drops it: "8*8" is 88.
        #expect(PortCell.parse("8*8").spec.ranges == [PortRange(88)])
        // What the fast path refuses, the general path explains.
        #expect(PortCell.parse("1-2-3").problems == ["'1-2-3' is not a port or a range of ports"])
        #expect(PortCell.parse("70000").problems == ["port '70000' is outside 1-65535"])
        #expect(PortCell.parse("90-80").problems == ["port range '90-80' runs backwards"])
        #expect(PortCell.parse("80-").problems == ["'80-' is not a port or a range of ports"])
        #expect(PortCell.parse("12345678901").problems == ["port '12345678901' is outside 1-65535"])
    }

    @Test func plainPortTextIsLeftAsItIs() {
        for text in ["5050, 8888", "9092/9093*", "20000-45000", "80 443", "6379*"] {
            #expect(PortForms.isPlainPortText(text), "\(text)")
            #expect(PortForms.normalise(text) == text, "\(text)")
        }
        // Not plain: normalise rewrites them.
        #expect(!PortForms.isPlainPortText("5050,8888"))
        #expect(PortForms.normalise("5050,8888") == "5050, 8888")
        #expect(!PortForms.isPlainPortText("8000 - 8010"))
        #expect(PortForms.normalise("8000 - 8010") == "8000-8010")
        #expect(!PortForms.isPlainPortText(" 80"))
        #expect(!PortForms.isPlainPortText(""))
    }

    @Test func portValuesRefusedByTheirLetters() {
        #expect(!ContentTyping.isPortValue("Custom Rule 3"))
        #expect(!ContentTyping.isPortValue("Tenant"))
        // Joining words and a name before a colon are taken out by normalise: still ports.
        #expect(ContentTyping.isPortValue("80 to 90"))
        #expect(ContentTyping.isPortValue("80 and 443"))
        #expect(ContentTyping.isPortValue("msgr2:6789"))
        #expect(ContentTyping.isPortValue("8000"))
        #expect(!ContentTyping.isPortValue("0"))
        #expect(!ContentTyping.isPortValue("65536"))
    }

    @Test func protocolAndClassificationWordsPacked() {
        #expect(Vocabulary.isProtocol("HTTP/HTTPS"))
        #expect(Vocabulary.isProtocol("postgresql"))
        #expect(Vocabulary.isProtocol("HTTP(S)"))  // parentheses dropped: "https"
        #expect(Vocabulary.isProtocol("SIP/TCP"))
        #expect(!Vocabulary.isProtocol("HTTPX"))
        #expect(!Vocabulary.isProtocol("HTTP/"))
        #expect(!Vocabulary.isProtocol("verylongprotocolname"))
        #expect(!Vocabulary.isProtocol("8080"))
        #expect(Anchor.isClassification("Ingress"))
        #expect(Anchor.isClassification("Intra-cluster"))
        #expect(Anchor.isClassification("Ingress/Egress"))
        #expect(Anchor.isClassification("Ingress//Egress"))
        #expect(!Anchor.isClassification("Inbound"))
        #expect(!Anchor.isClassification("Exchange"))
        #expect(!Anchor.isClassification("Intraclusterintracluster"))
    }

    @Test func cellsSplitOnTheirBytes() {
        #expect(CellSplitter.tab.cells("1\tA B\t\tC") == ["1", "A B", "", "C"])
        #expect(CellSplitter.pipe.cells("| 1 |  A B |  |C|") == ["1", "A B", "", "C"])
        #expect(CellSplitter.pipe.cells("|") == [""])
        // A no-break space at a cell's end is white space, trimmed as `Text.trimmed` trims it.
        #expect(CellSplitter.pipe.cells("| a\u{00A0} | b |") == ["a", "b"])
        #expect(Text.word(at: 0, in: "  12 Voice\u{00A0}SIP") == "12")
        #expect(Text.word(at: 2, in: "  12 Voice\u{00A0}SIP") == "SIP")
        #expect(Text.word(at: 3, in: "  12 Voice\u{00A0}SIP") == nil)
    }

    @Test func csvRecordsReadOnTheirBytes() throws {
        let lines: Lines = ["1, A ,\"x, \"\"y\"\"\",\"two", "lines\"", "2,B"]
        let (fields, next) = try #require(CSVRecord.read(lines, from: 0, separator: UInt8(ascii: ",")))
        #expect(fields == ["1", "A", "x, \"y\"", "two\nlines"])
        #expect(next == 2)
    }

    /// pdftotext put the last cell one space after a cell that ends at a footnote mark: the mark
    /// ends its cell, so the words after it are the next, empty, column's.
    @Test func aFootnoteMarkEndsItsCellInAlignedText() {
        let starts = [0, 6, 24]
        let row = AlignedLayout.row("TCP   Sync service† Ops", line: 3, starts: starts)
        #expect(row.texts == ["TCP", "Sync service†", "Ops"])
        // The next column has its own words: the words after the mark stay where they are.
        let full = AlignedLayout.row("TCP   Sync† extra       Ops", line: 4, starts: starts)
        #expect(full.texts == ["TCP", "Sync† extra", "Ops"])
        // A star is a port's configurable mark, not a footnote that ends a cell.
        let star = AlignedLayout.row("TCP   6443* 8080", line: 5, starts: starts)
        #expect(star.texts == ["TCP", "6443* 8080", ""])
    }
}
