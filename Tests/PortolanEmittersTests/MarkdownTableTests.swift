import PortolanAnalysis
import PortolanEmitters
import PortolanModel
import Testing

struct MarkdownTableTests {
    /// Cells of a GitHub table row: split on pipes that no backslash escapes.
    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for c in line {
            if escaped { current.append(c); escaped = false; continue }
            if c == "\\" { escaped = true; current.append(c); continue }
            if c == "|" { cells.append(current); current = "" } else { current.append(c) }
        }
        cells.append(current)
        return Array(cells.dropFirst().dropLast())
    }

    static func tableLines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { $0.hasPrefix("|") }
    }

    @Test func hostileCellsStayInTheirColumn() {
        let rows = TableSeeds.hostileNames.map { [$0, "x"] }
        let table = MarkdownTable.render(header: ["Name", "Other"], rows: rows)
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines.count == rows.count + 2)
        for line in lines { #expect(Self.cells(line).count == 2, "\(line)") }
        #expect(!table.contains("<script>"))
        #expect(table.contains("&lt;script&gt;"))
        #expect(table.contains("line one<br>line two<br>line three"))
        #expect(!table.contains("\r"))
        #expect(MarkdownTable.escape("a|b") == "a\\|b")
    }

    @Test func cxContactPage() throws {
        let product = try #require(try TableSeeds.products().first { $0.name == "CX Contact" })
        let page = ConnectionTables.product(product)
        #expect(page.hasPrefix("# CX Contact\n"))
        // 13 connections, 8 included services from the second CX Contact page.
        let lines = Self.tableLines(page)
        let connectionRows = lines.filter { Self.cells($0).count == 7 }
        #expect(connectionRows.count == 13 + 2)
        #expect(connectionRows.contains("| 2 | CX Contact Job Scheduler | SFTP server | TCP | 20, 21, 22 | Egress | A connection for remote authentication on customer-specified SFTP server. |"))
        #expect(page.contains("| List Builder |"))
        let listening = ConnectionTables.listeningPorts(product)
        #expect(listening.first { $0.destination == "SFTP server" }?.ports == ["TCP 20", "TCP 21", "TCP 22"])
        #expect(listening.first { $0.destination == "PostgreSQL" }?.connections == ["7", "13"])
        #expect(listening.first { $0.destination == "CX Contact Backend" }?.ports == ["TCP 3004-3008"])
    }

    @Test func voiceListeningPortsMarkConfigurableAndUnknown() throws {
        let product = try #require(try TableSeeds.products().first { $0.name == "Voice Microservices" })
        let listening = ConnectionTables.listeningPorts(product)
        #expect(listening.first { $0.destination == "Kafka" }?.ports == ["TCP 9092 (configurable)", "TCP 9093 (configurable)"])
        #expect(listening.first { $0.destination == "Object storage" }?.ports == ["TCP N/A"])
        #expect(listening.first { $0.destination == "WebRTC Media Service" }?.ports == ["UDP 5070"])
    }

    @Test func platformTableHasEveryConnectionWithItsProduct() throws {
        let products = try TableSeeds.products()
        let page = ConnectionTables.platform(products)
        let rows = Self.tableLines(page).dropFirst(2)
        #expect(rows.count == 122)
        #expect(rows.allSatisfy { Self.cells($0).count == 8 })
        #expect(rows.filter { $0.hasPrefix("| Genesys Voice Platform |") }.count == 22)
        #expect(rows.filter { $0.hasPrefix("| Voice Microservices |") }.count == 60)
    }

    @Test func hostilePagesKeepTheirShape() {
        let product = TableSeeds.hostileProduct()
        for page in [ConnectionTables.product(product), ConnectionTables.platform([product]),
                     FirewallMarkdown.render(FirewallRules.derive([product]), title: product.name)] {
            #expect(!page.contains("<script>"))
            #expect(!page.contains("\r"))
            let lines = Self.tableLines(page)
            let widths = Set(lines.map { Self.cells($0).count })
            #expect(widths.count <= 3, "\(widths)")
            // The product name cannot start a new heading or break out of the title line.
            #expect(page.split(separator: "\n").filter { $0.hasPrefix("# ") }.count == 1)
        }
    }

    @Test func firewallMarkdownHasBothSections() throws {
        let sheet = FirewallRules.derive(try TableSeeds.products())
        let page = FirewallMarkdown.render(sheet, title: "platform")
        #expect(page.contains("## Perimeter (\(sheet.rules(in: .perimeter).count) rules)"))
        #expect(page.contains("## Intra-cluster (\(sheet.rules(in: .intraCluster).count) rules)"))
        let rows = Self.tableLines(page).filter { !$0.hasPrefix("| Rule ID") && !$0.hasPrefix("| ---") }
        #expect(rows.count == sheet.rules.count)
        #expect(rows.allSatisfy { Self.cells($0).count == FirewallTable.columns.count })
    }
}
