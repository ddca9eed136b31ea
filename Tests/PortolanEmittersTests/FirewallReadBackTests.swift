import Foundation
import PortolanAnalysis
import PortolanEmitters
import Testing

/// The workbook as other programs read it: openpyxl and LibreOffice must see the CSV's rows.
/// Needs `pip install openpyxl` and `apt-get install libreoffice-calc-nogui`; disabled without them.
struct FirewallReadBackTests {
    static func sheets() throws -> [(String, FirewallSheet)] {
        [("seeds", FirewallRules.derive(try TableSeeds.products(), inventory: try TableSeeds.inventory())),
         ("hostile", FirewallRules.derive([TableSeeds.hostileProduct()], inventory: TableSeeds.hostileInventory())),
         ("empty", FirewallSheet(rules: []))]
    }

    static let openpyxlScript = """
    import csv, sys, openpyxl
    xlsx, csv_path = sys.argv[1], sys.argv[2]
    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames == ['Read me', 'Perimeter', 'Intra-cluster'], wb.sheetnames
    rows = []
    for ws in wb.worksheets[1:]:
        assert ws.freeze_panes == 'A2', ws.freeze_panes
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith('A1:P'), ws.auto_filter.ref
        assert all(c.font.b for c in ws[1]), 'header not bold'
        assert all(ws.column_dimensions[l].width >= 8 for l in 'ABCDEFGHIJKLMNOP')
        for i, row in enumerate(ws.iter_rows(values_only=True)):
            # A port cell that is one port is a number; the CSV holds its digits.
            row = ['' if v is None else str(v) for v in row]
            row += [''] * (16 - len(row))
            if i == 0 and rows:
                assert row == rows[0], (row, rows[0])
                continue
            rows.append(row)
    with open(csv_path, newline='', encoding='utf-8') as f:
        expected = list(csv.reader(f))
    if rows != expected:
        for a, b in zip(rows, expected):
            if a != b: print('xlsx', a); print('csv ', b); break
        print(len(rows), len(expected)); sys.exit(1)
    print('ok', len(rows))
    """

    @Test(.enabled(if: Python.has("openpyxl"), "needs openpyxl: pip install openpyxl"))
    func openpyxlReadsTheCSVRows() throws {
        for (name, sheet) in try Self.sheets() {
            let folder = try Python.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let xlsx = folder.appendingPathComponent("\(name).xlsx"), csv = folder.appendingPathComponent("\(name).csv")
            try FirewallXLSX.data(sheet).write(to: xlsx)
            try Data(FirewallCSV.render(sheet).utf8).write(to: csv)
            let result = try Python.run(["-c", Self.openpyxlScript, xlsx.path, csv.path])
            #expect(result.status == 0, "\(name): \(result.output)")
            #expect(result.output.hasPrefix("ok \(sheet.rules.count + 1)"), "\(name): \(result.output)")
        }
    }

    static let libreOfficeScript = """
    import csv, glob, os, subprocess, sys
    folder, name = sys.argv[1], sys.argv[2]
    out = os.path.join(folder, 'lo')
    os.makedirs(out, exist_ok=True)
    filt = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'
    subprocess.run(['soffice', '-env:UserInstallation=file://' + os.path.join(folder, 'profile'), '--headless',
                    '--convert-to', filt, '--outdir', out, os.path.join(folder, name + '.xlsx')],
                   check=True, capture_output=True, timeout=180)
    rows = []
    for sheet in ['Perimeter', 'Intra-cluster']:
        with open(os.path.join(out, name + '-' + sheet + '.csv'), newline='', encoding='utf-8') as f:
            part = list(csv.reader(f))
        rows += part if not rows else part[1:]
    with open(os.path.join(folder, name + '.csv'), newline='', encoding='utf-8') as f:
        expected = list(csv.reader(f))
    if rows != expected:
        for a, b in zip(rows, expected):
            if a != b: print('lo ', a); print('csv', b); break
        print(len(rows), len(expected)); sys.exit(1)
    print('ok', len(rows))
    """

    @Test(.enabled(if: Python.hasExecutable("soffice"), "needs LibreOffice: apt-get install libreoffice-calc-nogui"))
    func libreOfficeReadsTheCSVRows() throws {
        for (name, sheet) in try Self.sheets() where name != "empty" {
            let folder = try Python.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            try FirewallXLSX.data(sheet).write(to: folder.appendingPathComponent("\(name).xlsx"))
            try Data(FirewallCSV.render(sheet).utf8).write(to: folder.appendingPathComponent("\(name).csv"))
            let result = try Python.run(["-c", Self.libreOfficeScript, folder.path, name])
            #expect(result.status == 0, "\(name): \(result.output)")
        }
    }
}
