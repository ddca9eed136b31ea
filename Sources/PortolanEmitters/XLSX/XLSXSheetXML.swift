/// One worksheet part: frozen header row, column widths, string and number cells, wrapped
/// columns, autofilter, drop-down lists, and printing that stays readable: landscape A4 at
/// 85 % (never fit-to-page squeeze), the header row and first column repeated on every page
/// (print titles, in workbook.xml), the sheet name and page number in the footer.
enum XLSXSheetXML {
    static func xml(_ sheet: XLSXSheet, strings: inout SharedStrings) -> String {
        let columns = sheet.columnCount
        var xml = XLSXWriter.header
        xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        let lastCell = columns == 0 ? "A1" : "\(CellReference.column(columns - 1))\(max(1, sheet.rows.count))"
        xml += #"<dimension ref="A1:\#(lastCell)"/>"#
        xml += #"<sheetViews><sheetView workbookViewId="0">"#
        if sheet.hasHeader {
            xml += #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>"#
        }
        xml += "</sheetView></sheetViews>"
        xml += #"<sheetFormatPr defaultRowHeight="15"/>"#
        if columns > 0 {
            xml += "<cols>"
            for (index, width) in sheet.widths().enumerated() {
                xml += #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(format(width))" customWidth="1"/>"#
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        let widths = sheet.widths()
        for (rowIndex, row) in sheet.rows.enumerated() {
            let header = sheet.hasHeader && rowIndex == 0
            let lines = wrappedLines(row, sheet: sheet, widths: widths)
            // Spreadsheet programs do not all grow a row to its wrapped text on opening: say the height.
            xml += lines > 1 ? #"<row r="\#(rowIndex + 1)" ht="\#(lines * 15)" customHeight="1">"# : #"<row r="\#(rowIndex + 1)">"#
            for (columnIndex, text) in row.enumerated() where !text.isEmpty {
                let reference = "\(CellReference.column(columnIndex))\(rowIndex + 1)"
                let style = XLSXStyle.index(header: header, wrapped: sheet.wrappedColumns.contains(columnIndex),
                                            aligned: !sheet.wrappedColumns.isEmpty)
                let styleAttribute = style == 0 ? "" : #" s="\#(style)""#
                if !header, sheet.numericColumns.contains(columnIndex), XLSXSheet.isWholeNumber(text) {
                    xml += #"<c r="\#(reference)"\#(styleAttribute)><v>\#(text)</v></c>"#
                } else {
                    xml += #"<c r="\#(reference)" t="s"\#(styleAttribute)><v>\#(strings.index(of: text))</v></c>"#
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if sheet.hasHeader && columns > 0 {
            xml += #"<autoFilter ref="A1:\#(lastCell)"/>"#
        }
        if !sheet.listValidations.isEmpty && sheet.rows.count > 1 {
            let validations = sheet.listValidations.sorted { $0.key < $1.key }
            xml += #"<dataValidations count="\#(validations.count)">"#
            for (column, values) in validations {
                let letter = CellReference.column(column)
                // A list formula is one quoted, comma-separated string; values hold no comma or quote.
                let list = values.map { $0.filter { $0 != "," && $0 != "\"" } }.joined(separator: ",")
                xml += #"<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="Action" error="Choose a value from the list" sqref="\#(letter)2:\#(letter)\#(sheet.rows.count)">"#
                xml += "<formula1>" + XMLText.escape("\"" + list + "\"", spreadsheet: false) + "</formula1></dataValidation>"
            }
            xml += "</dataValidations>"
        }
        // Printing: landscape A4 at 85 %, columns flow onto further pages (across, then down).
        xml += #"<printOptions gridLines="1"/>"#
        xml += #"<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>"#
        xml += #"<pageSetup paperSize="9" scale="85" orientation="landscape" pageOrder="overThenDown"/>"#
        xml += "<headerFooter><oddFooter>" + XMLText.escape("&C&A: page &P of &N", spreadsheet: false) + "</oddFooter></headerFooter>"
        return xml + "</worksheet>"
    }

    /// The most lines a wrapped cell of the row takes at its column's width (at least 1),
    /// counting a little under one character per unit of width, as proportional fonts vary.
    static func wrappedLines(_ row: [String], sheet: XLSXSheet, widths: [Double]) -> Int {
        var most = 1
        for (column, text) in row.enumerated() where sheet.wrappedColumns.contains(column) && column < widths.count {
            let perLine = max(1, Int(widths[column] * 0.85) - 1)
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
            most = max(most, lines)
        }
        return min(most, 27)
    }

    /// Widths with at most two decimals, no trailing zeros, the same on every platform.
    static func format(_ width: Double) -> String {
        let hundredths = Int((width * 100).rounded())
        let whole = hundredths / 100, fraction = hundredths % 100
        if fraction == 0 { return "\(whole)" }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
