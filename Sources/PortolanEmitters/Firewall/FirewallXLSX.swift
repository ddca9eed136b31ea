import Foundation
import PortolanAnalysis

/// The firewall request sheet as a workbook: one sheet per section, the same cells as the CSV.
public enum FirewallXLSX {
    public static func workbook(_ sheet: FirewallSheet) -> XLSXWorkbook {
        XLSXWorkbook(sheets: FirewallSection.allCases.map { section in
            XLSXSheet(name: sheetName(section), rows: FirewallTable.spreadsheetRows(FirewallTable.rows(sheet, section: section)))
        })
    }

    public static func data(_ sheet: FirewallSheet) throws -> Data {
        try XLSXWriter.data(workbook(sheet))
    }

    public static func sheetName(_ section: FirewallSection) -> String {
        switch section {
        case .perimeter: "Perimeter"
        case .intraCluster: "Intra-cluster"
        }
    }
}
