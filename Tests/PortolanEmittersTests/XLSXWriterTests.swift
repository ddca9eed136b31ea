import Foundation
@testable import PortolanEmitters
import Testing

struct XLSXWriterTests {
    static let workbook = XLSXWorkbook(sheets: [
        XLSXSheet(name: "Rules", rows: [["Name", "Port"], ["a & b <c>", "443"], ["tab\there", ""], ["ctrl\u{1}\u{B}", "_x0041_"]]),
        XLSXSheet(name: "bad/name:*?[]", rows: [["Only header"]]),
        XLSXSheet(name: "Rules", rows: []),
    ])

    @Test func sameWorkbookSameBytes() throws {
        #expect(try XLSXWriter.data(Self.workbook) == XLSXWriter.data(Self.workbook))
    }

    /// Every local file header and central directory entry is dated 1980-01-01 00:00.
    @Test func zipEntriesHaveTheFixedTimestamp() throws {
        let bytes = [UInt8](try XLSXWriter.data(Self.workbook))
        func u16(_ i: Int) -> UInt16 { UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 }
        var local = 0, central = 0
        for i in 0..<(bytes.count - 4) {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x03, bytes[i + 3] == 0x04 {
                #expect(u16(i + 10) == 0 && u16(i + 12) == 0x21)
                local += 1
            }
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x01, bytes[i + 3] == 0x02 {
                #expect(u16(i + 12) == 0 && u16(i + 14) == 0x21)
                central += 1
            }
        }
        #expect(local == XLSXWriter.parts(Self.workbook).count)
        #expect(central == local)
    }

    @Test func partsAreInAFixedOrderWithOneSheetEach() {
        let paths = XLSXWriter.parts(Self.workbook).map(\.0)
        #expect(paths == ["[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "xl/workbook.xml",
                          "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml",
                          "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"])
    }

    @Test func sheetNamesAreMadeValidAndUnique() {
        #expect(XLSXWriter.sheetNames(["Rules", "bad/name:*?[]", "Rules", "", String(repeating: "x", count: 40)])
                == ["Rules", "bad-name-----", "Rules (2)", "Sheet", String(repeating: "x", count: 31)])
    }

    @Test func textIsEscapedForXML() {
        #expect(XMLText.escape("a & b <c> \"d\" 'e'") == "a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;")
        #expect(XMLText.escape("ctrl\u{1}\u{B}") == "ctrl_x0001__x000B_")
        #expect(XMLText.escape("_x0041_") == "_x005F_x0041_")
        #expect(XMLText.escape("cr\r") == "cr&#13;")
        #expect(XMLText.escape("a\u{FFFE}", spreadsheet: false) == "a\u{FFFD}")
    }

    @Test func headerIsBoldFrozenAndFiltered() throws {
        let sheet = try #require(XLSXWriter.parts(Self.workbook).first { $0.0 == "xl/worksheets/sheet1.xml" }?.1)
        #expect(sheet.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        #expect(sheet.contains(#"<autoFilter ref="A1:B4"/>"#))
        #expect(sheet.contains(#"<c r="A1" t="s" s="1">"#))
        #expect(sheet.contains(#"<c r="A2" t="s"><v>"#))
        #expect(!sheet.contains(#"r="B3""#), "empty cells are left out")
        let workbook = try #require(XLSXWriter.parts(Self.workbook).first { $0.0 == "xl/workbook.xml" }?.1)
        #expect(workbook.contains(#"<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">&apos;Rules&apos;!$A$1:$B$4</definedName>"#))
    }

    @Test func everyPartIsWellFormedXML() throws {
        let folder = try Python.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, (path, text)) in XLSXWriter.parts(Self.workbook).enumerated() {
            let url = folder.appendingPathComponent("part\(index).xml")
            try Data(text.utf8).write(to: url)
            let result = try Python.run(["-c", "import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])", url.path])
            #expect(result.status == 0, "\(path): \(result.output)")
        }
    }

    @Test func columnReferences() {
        #expect(CellReference.column(0) == "A")
        #expect(CellReference.column(25) == "Z")
        #expect(CellReference.column(26) == "AA")
        #expect(CellReference.column(701) == "ZZ")
        #expect(CellReference.column(702) == "AAA")
    }
}
