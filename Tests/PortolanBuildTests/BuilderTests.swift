import Foundation
import PortolanBuild
import PortolanModel
import PortolanReaders
import Testing

/// The entry point in memory: a workspace in, named files and every diagnostic out.
@Suite struct BuilderTests {
    static let table = """
        From the point of view of Billing as a service in the network.

        Connection\tSource\tDestination\tProtocol\tPort\tClassification\tData that travels on this connection
        1\tBrowser\tBilling API\tHTTPS\t443\tIngress\tInvoices.
        2\tBilling API\tPostgreSQL\tTCP\t5432\tIntra-cluster\tInvoice records.

        """

    static func workspace(aliases: String? = nil) -> Workspace {
        let read = FileReader.read(path: "docs/billing.txt", bytes: Array(table.utf8))
        return Workspace(model: Model(documents: read.documents),
                         aliases: aliases.map { Workspace.aliases(path: "docs/aliases.yaml", text: $0) })
    }

    @Test func aCommandGetsOnlyWhatItAsksFor() throws {
        let result = try Builder(Request(parts: [.tables], scopes: [.platform])).run(Self.workspace())
        #expect(result.files.keys.sorted() == ["platform/connections.md"])
        #expect(result.views.map(\.slug) == ["platform"])
        #expect(result.worst == nil)
        let firewall = try Builder(Request(parts: [.firewall], scopes: [.product])).run(Self.workspace())
        #expect(firewall.files.keys.sorted() == ["billing/firewall.csv", "billing/firewall.json", "billing/firewall.md", "billing/firewall.xlsx",
                                                 "billing/terraform/aws/firewall.tf", "billing/terraform/azure/firewall.tf", "billing/terraform/gcp/firewall.tf"])
    }

    /// `firewall` and `netpol` read the platform's sheet from the result; a build (pages) does
    /// not keep it, so a million rows' sheet is not held through every page.
    @Test func onlyACommandWithoutPagesKeepsThePlatformSheet() throws {
        let firewall = try Builder(Request(parts: [.firewall], scopes: [.platform])).run(Self.workspace())
        // The table's two rows: Browser to Billing API on 443, Billing API to PostgreSQL on 5432.
        #expect(firewall.platformSheet?.rules.count == 2)
        #expect(try Builder(.everything()).run(Self.workspace()).platformSheet == nil)
    }

    @Test func everythingIsWhatBuildWrites() throws {
        let result = try Builder(.everything()).run(Self.workspace())
        // Per view: 3 diagram files, connections.md, 4 firewall sheets, 3 Terraform files, core
        // and Cilium policies, model, lint.txt; the platform adds lint.sarif.
        #expect(result.files.keys.filter { $0.hasPrefix("billing/") }.count == 15)
        #expect(result.files.keys.filter { $0.hasPrefix("platform/") }.count == 16)
        // The landscape at the top, and a focus page per component on the site.
        #expect(result.files["landscape.svg"] != nil)
        #expect(result.files.keys.contains { $0.hasPrefix("site/focus-") })
        #expect(result.files["site/index.html"] != nil)
        #expect(result.files["docs/mkdocs.yml"] != nil)
        #expect(result.files["site/billing/index.html"] != nil)
        #expect(result.timings.map(\.step).last == "total")
    }

    @Test func thePagesDownloadsAreTheViewsFilesWithTheirSizes() throws {
        let result = try Builder(.everything()).run(Self.workspace())
        for slug in ["billing", "platform"] {
            for file in ["model.json", "firewall.xlsx", "connections.md", "terraform/gcp/firewall.tf", "connections.svg"] {
                let data = try #require(result.files["\(slug)/\(file)"])
                #expect(result.files["site/\(slug)/\(file)"] == data)
                #expect(result.files["docs/pages/\(slug)/\(file)"] == data)
            }
            // The link shows the file's size (in kilobytes of 1,000, to a tenth), though the page
            // is made without its bytes.
            let model = try #require(result.files["\(slug)/model.json"]).count
            #expect(model > 1000 && model < 100_000)
            let tenths = Int((Double(model) / 100).rounded())
            let page = String(decoding: try #require(result.files["site/\(slug)/index.html"]), as: UTF8.self)
            #expect(page.contains("<code>model.json</code>, \(tenths / 10).\(tenths % 10) KB"))
            let markdown = String(decoding: try #require(result.files["docs/pages/\(slug)/index.md"]), as: UTF8.self)
            #expect(markdown.contains("\(tenths / 10).\(tenths % 10) KB"))
        }
    }

    @Test func aBrokenAliasFileIsAnErrorOfTheBuild() throws {
        let result = try Builder(.everything()).run(Self.workspace(aliases: "Redis: [\n"))
        #expect(result.worst == .error)
        #expect(result.diagnostics.first?.formatted.hasPrefix("docs/aliases.yaml:2:1: error: the alias file is not valid YAML") == true)
        // The files are made all the same.
        #expect(result.files["billing/connections.svg"] != nil)
    }

    @Test func theSameWorkspaceGivesTheSameBytes() throws {
        let first = try Builder(.everything()).run(Self.workspace())
        let second = try Builder(.everything()).run(Self.workspace())
        #expect(first.files == second.files)
    }
}
