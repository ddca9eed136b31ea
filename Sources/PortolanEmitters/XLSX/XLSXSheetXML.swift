/// One worksheet part: frozen header row, column widths, string cells, autofilter, landscape printing.
enum XLSXSheetXML {
    static func xml(_ sheet: XLSXSheet, strings: inout SharedStrings) -> String {
        let columns = sheet.columnCount
        var xml = XLSXWriter.header
        xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        let lastCell = columns == 0 ? "A1" : "\(CellReference.column(columns - 1))\(max(1, sheet.rows.count))"
        xml += #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#
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
        for (rowIndex, row) in sheet.rows.enumerated() {
            let bold = sheet.hasHeader && rowIndex == 0
            xml += #"<row r="\#(rowIndex + 1)">"#
            for (columnIndex, text) in row.enumerated() where !text.isEmpty {
                let reference = "\(CellReference.column(columnIndex))\(rowIndex + 1)"
                xml += #"<c r="\#(reference)" t="s"\#(bold ? #" s="1""# : "")><v>\#(strings.index(of: text))</v></c>"#
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if sheet.hasHeader && columns > 0 {
            xml += #"<autoFilter ref="A1:\#(lastCell)"/>"#
        }
        // Printing: landscape, all columns on one page width.
        xml += #"<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>"#
        xml += #"<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>"#
        return xml + "</worksheet>"
    }

    /// Widths with at most two decimals, no trailing zeros, the same on every platform.
    static func format(_ width: Double) -> String {
        let hundredths = Int((width * 100).rounded())
        let whole = hundredths / 100, fraction = hundredths % 100
        if fraction == 0 { return "\(whole)" }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
