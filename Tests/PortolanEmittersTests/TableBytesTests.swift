import Foundation
@testable import PortolanAnalysis
@testable import PortolanEmitters
import PortolanModel
import Testing

/// The table files' byte-level paths (taken when a text allows) held equal to the general code
/// they stand in for, on texts made to trip them: markup, control characters, CR, CR LF,
/// combining marks, non-ASCII white space, U+FFFE/U+FFFF, escapes that look like `_xHHHH_`,
/// empty strings. The general code is what ran before; where it is gone, its copy is here.
struct TableBytesTests {
    static let texts: [String] = [
        "", " ", "  ", "a", "  lead", "trail  ", "a b  c", "a\nb", "\n", "\n\n", "a\n", "a\r\nb", "\r\n", "cr\r", "\ra",
        "tab\there", "\t", "\u{B}v", "f\u{C}", "é", "e\u{301}", " \u{301}x", "x \u{301}", "\u{301}", "_x0041_", "_x004g_",
        "a_x12", "_x0041", "__x00aF__", "_X0041_", "_x0041_x0042_", "&<>\"'", "a & b <c> \"d\" 'e'", "\u{1}\u{B}\u{1F}", "\u{0}",
        "\u{FFFE}\u{FFFF}\u{FFFD}", "x\u{FFFE}", "😀 emoji 😀", "\u{7F}", "\u{85}x", "x\u{85}", "\u{A0}x", "x\u{2028}y", "\u{3000}",
        String(repeating: "word ", count: 20), String(repeating: "x", count: 70), "a " + String(repeating: "y", count: 33) + " b",
        "=1+2", "+x", "-x", "@x", "\tx", "\rx", "\nx", "'x", "a,b", "\"q\"", "a\"b", "line one\nline two, three",
        "data 1; data 4651 (application protocol: HTTPS)", "in/p0.txt: #1 (line 4), #4651 (line 4654)",
    ]

    @Test func xmlEscapeOverBytesIsTheScalarEscape() {
        for text in Self.texts {
            for spreadsheet in [true, false] {
                var bytes: [UInt8] = []
                XMLText.escape(text, spreadsheet: spreadsheet, into: &bytes)
                #expect(String(decoding: bytes, as: UTF8.self) == XMLText.escape(text, spreadsheet: spreadsheet), "\(text.debugDescription)")
                #expect(bytes == Array(XMLText.escape(text, spreadsheet: spreadsheet).utf8), "\(text.debugDescription)")
            }
        }
        var bytes: [UInt8] = []
        XMLText.escape("_x0041_\u{1}\u{FFFF}&", into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "_x005F_x0041__x0001__xFFFF_&amp;")
    }

    @Test func wrappedLinesOverBytesAreTheCharacterCount() {
        var asciiChecked = 0
        for text in Self.texts + Self.texts.map({ $0 + " " + $0 }) + Self.texts.map({ $0 + "\n" + $0 }) {
            for perLine in 1...40 {
                let characters = XLSXSheetXML.characterLines(text, perLine: perLine)
                #expect(XLSXSheetXML.lines(text, perLine: perLine) == characters, "\(text.debugDescription) at \(perLine)")
                if let bytes = XLSXSheetXML.asciiLines(text, perLine: perLine) {
                    #expect(bytes == characters, "\(text.debugDescription) at \(perLine)")
                    asciiChecked += 1
                }
            }
        }
        #expect(asciiChecked > 2000)
        #expect(XLSXSheetXML.asciiLines("e\u{301}", perLine: 5) == nil)
        #expect(XLSXSheetXML.asciiLines("a\r\nb", perLine: 5) == nil)
        // Twenty 4-letter words at 16 characters a line: 7 lines; a 70-letter word at 16: 5.
        #expect(XLSXSheetXML.lines(String(repeating: "word ", count: 20), perLine: 16) == 7)
        #expect(XLSXSheetXML.lines(String(repeating: "x", count: 70), perLine: 16) == 5)
    }

    @Test func preservedSpaceOverBytesIsTheCharacterTest() {
        var asciiChecked = 0
        for text in Self.texts {
            #expect(SharedStrings.preservesSpace(text) == SharedStrings.characterPreservesSpace(text), "\(text.debugDescription)")
            if let bytes = SharedStrings.asciiPreservesSpace(text) {
                #expect(bytes == SharedStrings.characterPreservesSpace(text), "\(text.debugDescription)")
                asciiChecked += 1
            }
        }
        #expect(asciiChecked > 30)
        #expect(SharedStrings.preservesSpace(" a") && SharedStrings.preservesSpace("a\u{B}") && SharedStrings.preservesSpace("a\nb"))
        #expect(!SharedStrings.preservesSpace("a b") && !SharedStrings.preservesSpace(""))
    }

    /// Cleaning, quoting and neutralising as they were decided, scalar by scalar.
    @Test func cellChecksOverBytesAreTheScalarChecks() {
        for text in Self.texts {
            let clean = text.unicodeScalars.contains { scalar in
                let v = scalar.value
                return (v < 0x20 && v != 0x09 && v != 0x0A) || v == 0xFFFE || v == 0xFFFF
            }
            #expect(FirewallTable.needsCleaning(text) == clean, "\(text.debugDescription)")
            let quotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
            #expect(CSV.needsQuotes(text) == quotes, "\(text.debugDescription)")
            let neutralise = text.unicodeScalars.first.map { ["=", "+", "-", "@", "\t", "\r", "\n"].contains($0) } ?? false
            #expect(FirewallTable.neutralised(text) == (neutralise ? "'" + text : text), "\(text.debugDescription)")
        }
        // Fields as they were quoted: every quoted field through Foundation's replacing.
        func field(_ text: String) -> String {
            let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
            return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        let rows = [Self.texts, ["a"], [], Self.texts.reversed(), Self.texts.map { $0 + ", \u{301}\"\u{301}" }]
        let csv = CSV.render(rows)
        #expect(csv == rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined())
        #expect(Array(csv.utf8) == Array(rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined().utf8))
    }

    /// A small sheet's XML, worked out by hand: row heights, number and string cells, styles,
    /// shared strings in first-use order, escapes.
    @Test func sheetXMLIsTheDocumentedMarkup() {
        let sheet = XLSXSheet(name: "S", rows: [["Name", "Port", "Notes"], ["a & b", "443", "one two three four five six"], ["", "0443", "x\u{1}"]],
                              columnWidths: [10, 8, 10], wrappedColumns: [2], numericColumns: [1])
        var strings = SharedStrings()
        let xml = String(decoding: XLSXSheetXML.xml(sheet, strings: &strings), as: UTF8.self)
        // Notes wraps at Int(10 * 0.85) - 1 = 7 characters: "one two" "three" "four" "five" "six": 5 lines.
        #expect(xml.contains(#"<sheetData><row r="1"><c r="A1" t="s" s="4"><v>0</v></c><c r="B1" t="s" s="4"><v>1</v></c><c r="C1" t="s" s="4"><v>2</v></c></row>"#
            + #"<row r="2" ht="75" customHeight="1"><c r="A2" t="s" s="2"><v>3</v></c><c r="B2" s="2"><v>443</v></c><c r="C2" t="s" s="3"><v>4</v></c></row>"#
            + #"<row r="3"><c r="B3" t="s" s="2"><v>5</v></c><c r="C3" t="s" s="3"><v>6</v></c></row></sheetData>"#))
        #expect(xml.contains(#"<cols><col min="1" max="1" width="10" customWidth="1"/><col min="2" max="2" width="8" customWidth="1"/><col min="3" max="3" width="10" customWidth="1"/></cols>"#))
        #expect(strings.texts == ["Name", "Port", "Notes", "a & b", "one two three four five six", "0443", "x\u{1}"])
        let shared = String(decoding: strings.xml, as: UTF8.self)
        #expect(shared.hasSuffix(#"count="7" uniqueCount="7"><si><t>Name</t></si><si><t>Port</t></si><si><t>Notes</t></si><si><t>a &amp; b</t></si>"#
            + #"<si><t>one two three four five six</t></si><si><t>0443</t></si><si><t>x_x0001_</t></si></sst>"#))
    }

    /// The sheet's rows made once (`cells:`) give the files the rows made per file give.
    @Test func sharedCellsGiveTheSameFiles() throws {
        for sheet in [FirewallRules.derive(try TableSeeds.products(), inventory: try TableSeeds.inventory()),
                      FirewallRules.derive([TableSeeds.hostileProduct()], inventory: TableSeeds.hostileInventory())] {
            let cells = FirewallTable.cells(sheet)
            for section in [nil] + FirewallSection.allCases.map(Optional.some) {
                #expect(FirewallTable.rows(sheet, section: section, cells: cells) == FirewallTable.rows(sheet, section: section))
            }
            #expect(FirewallCSV.render(sheet, cells: cells) == FirewallCSV.render(sheet))
            #expect(FirewallMarkdown.render(sheet, title: "t", cells: cells) == FirewallMarkdown.render(sheet, title: "t"))
            #expect(try FirewallXLSX.data(sheet, title: "t", cells: cells) == FirewallXLSX.data(sheet, title: "t"))
        }
    }
}
