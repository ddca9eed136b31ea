import Foundation
import PortolanAnalysis
@testable import PortolanEmitters
import PortolanModel
import Testing

/// The request workbook as openpyxl reads it: the Read me sheet, wrapped long columns, numeric
/// one-port cells, the Action drop-down, print titles, print area and a readable page set-up.
/// (FirewallReadBackTests compares its cells with the CSV; a person looked at the LibreOffice
/// PDF of the seeds and the Shop when this was written.)
struct FirewallXLSXTests {
    @Test func wrappedColumnsAndRowHeightsAreInTheSheetXML() throws {
        let sheet = FirewallRules.derive(try TableSeeds.products(), inventory: try TableSeeds.inventory())
        let part = try #require(XLSXWriter.parts(FirewallXLSX.workbook(sheet)).first { $0.0 == "xl/worksheets/sheet2.xml" }?.1)
        #expect(!part.contains("fitToPage"), "no fit-to-page squeeze")
        #expect(part.contains(#"<pageSetup paperSize="9" scale="85" orientation="landscape" pageOrder="overThenDown"/>"#))
        #expect(part.contains(#"customHeight="1""#))
        // CX Contact #2's first port, 20, is the number 20 (no t="s") in the port column H.
        #expect(part.contains(#"<c r="H3" s="2"><v>20</v></c>"#))
    }

    @Test func rowHeightsFollowTheWrappedText() {
        let sheet = XLSXSheet(name: "S", rows: [["a", String(repeating: "word ", count: 20)]], wrappedColumns: [1], wrapWidth: 20)
        // Twenty 4-letter words at 16 characters a line (85 % of 20, less one): 3 words (14 characters) a line, 7 lines.
        #expect(XLSXSheetXML.wrappedLines(sheet.rows[0], sheet: sheet, widths: [8, 20]) == 7)
        #expect(XLSXSheetXML.wrappedLines(["a", "one\ntwo\nthree"], sheet: sheet, widths: [8, 20]) == 3)
    }

    static let script = """
    import sys, openpyxl
    path, documents, rules_p, rules_i = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ['Read me', 'Perimeter', 'Intra-cluster'], wb.sheetnames
    readme = {}
    for r in wb['Read me'].iter_rows(values_only=True):
        if r[0]: readme.setdefault(r[0], r[1])  # the request rows come before the column meanings
    assert readme['Requested by'] == 'Network team' and readme['Ticket'] == 'CHG-7' and readme['Environment'] == 'staging', readme
    paths = [r[1] for r in wb['Read me'].iter_rows(values_only=True) if r[1] and r[1].startswith('Input/')]
    assert paths == documents.split('|'), paths
    assert readme['Rule ID'].startswith('Stable id of the flow'), readme['Rule ID']
    assert readme['Rules'].startswith('%d: %d perimeter' % (rules_p + rules_i, rules_p)), readme['Rules']
    for ws, count in [(wb['Perimeter'], rules_p), (wb['Intra-cluster'], rules_i)]:
        header = [c.value for c in ws[1]]
        assert header[:3] == ['Rule ID', 'Action', 'Source'] and header[-2:] == ['Requested by', 'Ticket'], header
        assert ws.max_row == count + 1, (ws.title, ws.max_row)
        assert ws.print_title_rows == '$1:$1', ws.print_title_rows
        assert ws.print_title_cols == '$A:$A', ws.print_title_cols
        assert ws.print_area == "'%s'!$A$1:$P$%d" % (ws.title, count + 1), ws.print_area
        pr = ws.sheet_properties.pageSetUpPr
        assert ws.page_setup.orientation == 'landscape' and (pr is None or not pr.fitToPage), (ws.page_setup.orientation, pr)
        assert ws.page_setup.scale == 85 and ws.page_setup.paperSize == 9, (ws.page_setup.scale, ws.page_setup.paperSize)
        wrap = {header[c.column - 1] for row in ws.iter_rows(min_row=2) for c in row if c.value is not None and c.alignment.wrap_text}
        assert {'Source', 'Destination address', 'Business justification', 'Source document and row(s)', 'Flags'} <= wrap, wrap
        assert 'Rule ID' not in wrap
        ports = [r[7] for r in ws.iter_rows(min_row=2, values_only=True)]
        assert all(isinstance(p, int) for p in ports if isinstance(p, str) is False), ports
        assert all(not p.isdigit() for p in ports if isinstance(p, str)), [p for p in ports if isinstance(p, str) and p.isdigit()]
        dv = ws.data_validations.dataValidation
        assert len(dv) == 1 and dv[0].type == 'list' and dv[0].formula1 == '"allow,deny"', dv
        assert str(dv[0].sqref) == 'B2:B%d' % (count + 1), dv[0].sqref
        assert ws['B2'].value == 'allow'
    numbers = [r[7] for r in wb['Perimeter'].iter_rows(min_row=2, values_only=True) if isinstance(r[7], int)]
    print('ok', len(numbers), sorted(set(type(r[7]).__name__ for r in wb['Perimeter'].iter_rows(min_row=2, values_only=True))))
    """

    @Test(.enabled(if: Python.has("openpyxl"), "needs openpyxl: pip install openpyxl"))
    func openpyxlSeesTheRequestWorkbook() throws {
        var inventory = try TableSeeds.inventory()
        inventory.request = Inventory.Request(requestedBy: "Network team", ticket: "CHG-7", environment: "staging")
        let products = try TableSeeds.products()
        let sheet = FirewallRules.derive(products, inventory: inventory)
        let folder = try Python.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("seeds.xlsx")
        try FirewallXLSX.data(sheet, title: "platform").write(to: url)
        let documents = products.flatMap { $0.documents.map(\.path) }
        #expect(documents.count == 5)
        let result = try Python.run(["-c", Self.script, url.path, documents.joined(separator: "|"),
                                     "\(sheet.rules(in: .perimeter).count)", "\(sheet.rules(in: .intraCluster).count)"])
        #expect(result.status == 0, "\(result.output)")
        // Most perimeter ports are single ports, written as numbers; ranges and "N/A" stay text.
        #expect(result.output.hasPrefix("ok "), "\(result.output)")
        #expect(result.output.contains("['int', 'str']"), "\(result.output)")
    }
}
