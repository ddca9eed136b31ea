import Foundation
import ZIPFoundation

/// Writes an Office Open XML workbook (`.xlsx`): shared strings, a bold frozen header row with
/// an autofilter, column widths. The same workbook always gives the same bytes: parts in a
/// fixed order, every zip entry dated 1980-01-01 00:00 and permissions 0644.
public enum XLSXWriter {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// 1980-01-01T00:00:00Z, the earliest date a zip entry can hold.
    static let zipEpoch = Date(timeIntervalSince1970: 315_532_800)

    public static func data(_ workbook: XLSXWorkbook) throws -> Data {
        let parts = self.byteParts(workbook)
        let archive: Archive
        do {
            archive = try Archive(data: Data(), accessMode: .create)
        } catch {
            throw Failure(description: "cannot create the workbook archive: \(error)")
        }
        for (path, part) in parts {
            let bytes = Data(part)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count),
                                 modificationDate: zipEpoch, permissions: 0o644, compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw Failure(description: "the workbook archive is empty") }
        return data
    }

    /// The workbook's parts, path and XML text, in the order they are zipped.
    static func parts(_ workbook: XLSXWorkbook) -> [(String, String)] {
        byteParts(workbook).map { ($0.0, String(decoding: $0.1, as: UTF8.self)) }
    }

    /// The same parts as UTF-8 bytes: what is zipped.
    static func byteParts(_ workbook: XLSXWorkbook) -> [(String, [UInt8])] {
        let names = sheetNames(workbook.sheets.map(\.name))
        var strings = SharedStrings()
        let sheets = workbook.sheets.map { XLSXSheetXML.xml($0, strings: &strings) }
        var parts: [(String, [UInt8])] = [
            ("[Content_Types].xml", Array(contentTypes(sheetCount: sheets.count).utf8)),
            ("_rels/.rels", Array(rootRelationships.utf8)),
            ("docProps/app.xml", Array(appProperties.utf8)),
            ("xl/workbook.xml", Array(workbookXML(workbook.sheets, names: names).utf8)),
            ("xl/_rels/workbook.xml.rels", Array(workbookRelationships(sheetCount: sheets.count).utf8)),
            ("xl/styles.xml", Array(styles.utf8)),
            ("xl/sharedStrings.xml", strings.xml),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", sheet))
        }
        return parts
    }

    /// Valid, unique sheet names: forbidden characters become '-', at most 31 characters,
    /// never empty; duplicates get " (2)", " (3)" ...
    static func sheetNames(_ wanted: [String]) -> [String] {
        var used: Set<String> = []
        return wanted.map { name in
            var base = String(name.map { "[]:*?/\\".contains($0) || $0.isNewline || $0.asciiValue.map { $0 < 0x20 } == true ? "-" : $0 })
            base = base.trimmingCharacters(in: CharacterSet(charactersIn: "' "))
            if base.isEmpty { base = "Sheet" }
            base = String(base.prefix(31))
            var candidate = base
            var counter = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(counter))"
                candidate = String(base.prefix(31 - suffix.count)) + suffix
                counter += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    static func contentTypes(sheetCount: Int) -> String {
        var xml = header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
        xml += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        for index in stride(from: 1, through: sheetCount, by: 1) {
            xml += #"<Override PartName="/xl/worksheets/sheet\#(index).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        xml += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        xml += #"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#
        xml += #"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#
        return xml + "</Types>"
    }

    static let rootRelationships = header
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#
        + "</Relationships>"

    static let appProperties = header
        + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Portolan</Application></Properties>"#

    static func workbookXML(_ sheets: [XLSXSheet], names: [String]) -> String {
        var xml = header + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        xml += "<bookViews><workbookView/></bookViews><sheets>"
        for (index, name) in names.enumerated() {
            xml += #"<sheet name="\#(XMLText.escape(name, spreadsheet: false))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }
        xml += "</sheets>"
        let filtered = sheets.enumerated().filter { $0.element.hasHeader && $0.element.columnCount > 0 }
        if !filtered.isEmpty {
            xml += "<definedNames>"
            for (index, sheet) in filtered {
                let quoted = "'" + names[index].replacingOccurrences(of: "'", with: "''") + "'"
                let range = "$A$1:$\(CellReference.column(sheet.columnCount - 1))$\(max(1, sheet.rows.count))"
                xml += #"<definedName name="_xlnm._FilterDatabase" localSheetId="\#(index)" hidden="1">"#
                xml += XMLText.escape(quoted + "!" + range, spreadsheet: false) + "</definedName>"
                // Printing: everything, with the header row and the first column on every page.
                xml += #"<definedName name="_xlnm.Print_Area" localSheetId="\#(index)">"#
                xml += XMLText.escape(quoted + "!" + range, spreadsheet: false) + "</definedName>"
                xml += #"<definedName name="_xlnm.Print_Titles" localSheetId="\#(index)">"#
                xml += XMLText.escape(quoted + "!$A:$A," + quoted + "!$1:$1", spreadsheet: false) + "</definedName>"
            }
            xml += "</definedNames>"
        }
        return xml + "</workbook>"
    }

    static func workbookRelationships(sheetCount: Int) -> String {
        var xml = header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for index in 0..<sheetCount {
            xml += #"<Relationship Id="rId\#(index + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(index + 1).xml"/>"#
        }
        xml += #"<Relationship Id="rId\#(sheetCount + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        xml += #"<Relationship Id="rId\#(sheetCount + 2)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#
        return xml + "</Relationships>"
    }

    /// Styles (cellXfs): 0 the default; 1 bold (header cells); in sheets with wrapped columns,
    /// 2 top-aligned, 3 top-aligned and wrapped, 4 bold, top-aligned and wrapped (their header).
    static let styles = header
        + #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#
        + #"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
        + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf>"#
        + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"
}

/// The cell style indexes of `XLSXWriter.styles`.
enum XLSXStyle {
    static func index(header: Bool, wrapped: Bool, aligned: Bool) -> Int {
        guard aligned else { return header ? 1 : 0 }
        return header ? 4 : wrapped ? 3 : 2
    }
}

/// The shared string table: each distinct text once, in first-use order.
struct SharedStrings {
    private(set) var texts: [String] = []
    private var indexByText: [String: Int] = [:]
    private(set) var uses = 0

    mutating func index(of text: String) -> Int {
        uses += 1
        if let index = indexByText[text] { return index }
        indexByText[text] = texts.count
        texts.append(text)
        return texts.count - 1
    }

    var xml: [UInt8] {
        var xml = XMLBytes()
        xml.append(XLSXWriter.header)
        xml.append(#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\#(uses)" uniqueCount="\#(texts.count)">"#)
        for text in texts {
            xml.append(Self.preservesSpace(text) ? #"<si><t xml:space="preserve">"# : "<si><t>")
            xml.appendEscaped(text)
            xml.append("</t></si>")
        }
        xml.append("</sst>")
        return xml.bytes
    }

    /// Whether a text needs `xml:space="preserve"`: white space first or last, or a line break.
    static func preservesSpace(_ text: String) -> Bool {
        asciiPreservesSpace(text) ?? characterPreservesSpace(text)
    }

    /// The same over the text's characters, whatever they are.
    static func characterPreservesSpace(_ text: String) -> Bool {
        text.first?.isWhitespace == true || text.last?.isWhitespace == true || text.contains("\n")
    }

    /// The same for text of ASCII but CR (each byte a character); nil for any other text.
    static func asciiPreservesSpace(_ text: String) -> Bool? {
        var text = text
        return text.withUTF8 { bytes -> Bool? in
            // ASCII white space: tab, LF, VT, FF, CR and space.
            func white(_ byte: UInt8) -> Bool { (0x09...0x0D).contains(byte) || byte == 0x20 }
            var lineBreak = false
            for byte in bytes {
                guard byte < 0x80, byte != 0x0D else { return nil }
                if byte == 0x0A { lineBreak = true }
            }
            guard let first = bytes.first, let last = bytes.last else { return false }
            return white(first) || white(last) || lineBreak
        }
    }
}

enum CellReference {
    /// 0 -> "A", 25 -> "Z", 26 -> "AA".
    static func column(_ index: Int) -> String {
        var n = index + 1
        var letters = ""
        while n > 0 {
            let remainder = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            n = (n - 1) / 26
        }
        return letters
    }
}
