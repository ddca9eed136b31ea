/// One worksheet part: frozen header row, column widths, string and number cells, wrapped
/// columns, autofilter, drop-down lists, and printing that stays readable: landscape A4 at
/// 85 % (never fit-to-page squeeze), the header row and first column repeated on every page
/// (print titles, in workbook.xml), the sheet name and page number in the footer.
enum XLSXSheetXML {
    static func xml(_ sheet: XLSXSheet, strings: inout SharedStrings) -> [UInt8] {
        let columns = sheet.columnCount
        var xml = XMLBytes()
        xml.append(XLSXWriter.header)
        xml.append(#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#)
        let lastCell = columns == 0 ? "A1" : "\(CellReference.column(columns - 1))\(max(1, sheet.rows.count))"
        xml.append(#"<dimension ref="A1:\#(lastCell)"/>"#)
        xml.append(#"<sheetViews><sheetView workbookViewId="0">"#)
        if sheet.hasHeader {
            xml.append(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>"#)
        }
        xml.append("</sheetView></sheetViews>")
        xml.append(#"<sheetFormatPr defaultRowHeight="15"/>"#)
        let widths = sheet.widths()
        if columns > 0 {
            xml.append("<cols>")
            for (index, width) in widths.enumerated() {
                xml.append(#"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(format(width))" customWidth="1"/>"#)
            }
            xml.append("</cols>")
        }
        xml.append("<sheetData>")
        // Per column, made once: its letters, whether it wraps, and the style attribute of its
        // header and data cells.
        let letters = (0..<columns).map { Array(CellReference.column($0).utf8) }
        let wraps = (0..<columns).map { sheet.wrappedColumns.contains($0) && $0 < widths.count }
        let numeric = (0..<columns).map { sheet.numericColumns.contains($0) }
        func styleAttribute(_ column: Int, header: Bool) -> [UInt8] {
            let style = XLSXStyle.index(header: header, wrapped: sheet.wrappedColumns.contains(column),
                                        aligned: !sheet.wrappedColumns.isEmpty)
            return style == 0 ? [] : Array(#" s="\#(style)""#.utf8)
        }
        let headerStyles = (0..<columns).map { styleAttribute($0, header: true) }
        let dataStyles = (0..<columns).map { styleAttribute($0, header: false) }
        for (rowIndex, row) in sheet.rows.enumerated() {
            let header = sheet.hasHeader && rowIndex == 0
            let lines = wrappedLines(row, wraps: wraps, widths: widths)
            // Spreadsheet programs do not all grow a row to its wrapped text on opening: say the height.
            xml.append(#"<row r=""#)
            xml.append(rowIndex + 1)
            if lines > 1 {
                xml.append(#"" ht=""#)
                xml.append(lines * 15)
                xml.append(#"" customHeight="1">"#)
            } else {
                xml.append(#"">"#)
            }
            for (columnIndex, text) in row.enumerated() where !text.isEmpty {
                xml.append(#"<c r=""#)
                xml.append(letters[columnIndex])
                xml.append(rowIndex + 1)
                if !header, numeric[columnIndex], XLSXSheet.isWholeNumber(text) {
                    xml.append("\"")
                    xml.append(dataStyles[columnIndex])
                    xml.append("><v>")
                    xml.append(text)
                } else {
                    xml.append(#"" t="s""#)
                    xml.append(header ? headerStyles[columnIndex] : dataStyles[columnIndex])
                    xml.append("><v>")
                    xml.append(strings.index(of: text))
                }
                xml.append("</v></c>")
            }
            xml.append("</row>")
        }
        xml.append("</sheetData>")
        if sheet.hasHeader && columns > 0 {
            xml.append(#"<autoFilter ref="A1:\#(lastCell)"/>"#)
        }
        if !sheet.listValidations.isEmpty && sheet.rows.count > 1 {
            let validations = sheet.listValidations.sorted { $0.key < $1.key }
            xml.append(#"<dataValidations count="\#(validations.count)">"#)
            for (column, values) in validations {
                let letter = CellReference.column(column)
                // A list formula is one quoted, comma-separated string; values hold no comma or quote.
                let list = values.map { $0.filter { $0 != "," && $0 != "\"" } }.joined(separator: ",")
                xml.append(#"<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="Action" error="Choose a value from the list" sqref="\#(letter)2:\#(letter)\#(sheet.rows.count)">"#)
                xml.append("<formula1>")
                xml.appendEscaped("\"" + list + "\"", spreadsheet: false)
                xml.append("</formula1></dataValidation>")
            }
            xml.append("</dataValidations>")
        }
        // Printing: landscape A4 at 85 %, columns flow onto further pages (across, then down).
        xml.append(#"<printOptions gridLines="1"/>"#)
        xml.append(#"<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>"#)
        xml.append(#"<pageSetup paperSize="9" scale="85" orientation="landscape" pageOrder="overThenDown"/>"#)
        xml.append("<headerFooter><oddFooter>")
        xml.appendEscaped("&C&A: page &P of &N", spreadsheet: false)
        xml.append("</oddFooter></headerFooter></worksheet>")
        return xml.bytes
    }

    /// The most lines a wrapped cell of the row takes at its column's width (at least 1),
    /// counting a little under one character per unit of width, as proportional fonts vary.
    static func wrappedLines(_ row: [String], sheet: XLSXSheet, widths: [Double]) -> Int {
        wrappedLines(row, wraps: row.indices.map { sheet.wrappedColumns.contains($0) && $0 < widths.count }, widths: widths)
    }

    /// `wraps[column]`: the column wraps and has a width.
    static func wrappedLines(_ row: [String], wraps: [Bool], widths: [Double]) -> Int {
        var most = 1
        for (column, text) in row.enumerated() where column < wraps.count && wraps[column] {
            let perLine = max(1, Int(widths[column] * 0.85) - 1)
            most = max(most, lines(text, perLine: perLine))
        }
        return min(most, 27)
    }

    /// The lines a text takes at `perLine` characters: its paragraphs' lines, words kept whole
    /// unless longer than a line.
    static func lines(_ text: String, perLine: Int) -> Int {
        asciiLines(text, perLine: perLine) ?? characterLines(text, perLine: perLine)
    }

    /// Counted over the text's characters, whatever they are.
    static func characterLines(_ text: String, perLine: Int) -> Int {
        var lines = 0
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var used = 0, count = 1
            for word in paragraph.split(separator: " ") {
                let length = word.count
                if used > 0 && used + 1 + length > perLine {
                    count += 1
                    used = 0
                }
                used += (used > 0 ? 1 : 0) + length
                while used > perLine { count += 1; used -= perLine }
            }
            lines += count
        }
        return lines
    }

    /// `characterLines` over the bytes, for text of ASCII but CR (each byte a character, no
    /// CR LF pair); nil for any other text.
    static func asciiLines(_ text: String, perLine: Int) -> Int? {
        var text = text
        return text.withUTF8 { bytes -> Int? in
            var lines = 0
            var used = 0, count = 1
            var word = 0
            func endWord() {
                guard word > 0 else { return }
                if used > 0 && used + 1 + word > perLine {
                    count += 1
                    used = 0
                }
                used += (used > 0 ? 1 : 0) + word
                while used > perLine { count += 1; used -= perLine }
                word = 0
            }
            for byte in bytes {
                guard byte < 0x80, byte != 0x0D else { return nil }
                if byte == 0x0A {
                    endWord()
                    lines += count
                    used = 0
                    count = 1
                } else if byte == 0x20 {
                    endWord()
                } else {
                    word += 1
                }
            }
            endWord()
            return lines + count
        }
    }

    /// Widths with at most two decimals, no trailing zeros, the same on every platform.
    static func format(_ width: Double) -> String {
        let hundredths = Int((width * 100).rounded())
        let whole = hundredths / 100, fraction = hundredths % 100
        if fraction == 0 { return "\(whole)" }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
