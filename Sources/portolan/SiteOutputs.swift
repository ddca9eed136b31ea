import Foundation
import PortolanAnalysis
import PortolanEmitters
import PortolanModel

/// The docs site and its Markdown twin: gathers each page's parts (diagram rendered in-process,
/// firewall sheet, downloads, findings) and writes what `StaticSite` and `MarkdownDocs` make.
enum SiteOutputs {
    static let findingsNote = "What portolan lint finds in the documents (its rules and the reader's diagnostics), after the silences of lint.yaml."

    /// `build`: `site/` (the HTML site) and `docs/` (the Markdown tree with its `mkdocs.yml`).
    static func build(_ products: [Product], input: String, findings: [LintFinding], writer: inout OutputWriter) throws {
        let pages = try pages(products, inputs: [input], findings: findings)
        try write(StaticSite.files(pages), under: "site", writer: &writer)
        try write(MarkdownDocs.files(pages), under: "docs", writer: &writer)
    }

    static func write(_ files: [String: Data], under folder: String, writer: inout OutputWriter) throws {
        for path in files.keys.sorted() {
            try writer.write(files[path]!, to: folder.isEmpty ? path : "\(folder)/\(path)")
        }
    }

    /// One page per product, then the platform view.
    static func pages(_ products: [Product], inputs: [String], findings precomputed: [LintFinding]? = nil) throws -> [SitePage] {
        let (aliases, _) = try DiagramFiles.aliases(explicit: nil, inputs: inputs, report: false)
        let inventoryPath = inputs.first(where: DiagramFiles.isDirectory).flatMap { TableOutputs.inventoryPath(input: $0) }
        let inventory = try inventoryPath.map { try TableOutputs.loadInventory($0, products: products, report: false).0 } ?? .empty

        let lint = precomputed ?? LintOutputs.findings(products, inputs: inputs, report: false)
        var pages: [SitePage] = []
        for product in products {
            let graph = ComponentGraphs.product(product, among: products, aliases: aliases)
            let sheet = FirewallRules.derive([product], inventory: inventory)
            let subjects = product.documents.compactMap(\.subject)
            pages.append(try page(
                kind: .product, name: product.name, slug: product.slug, subject: subjects.first,
                intro: product.documents.flatMap(\.intro), sources: product.documents.map(\.path), graph: graph,
                services: product.services.map { (product.name, $0) },
                listening: ConnectionTables.listeningPorts(product).map { (product.name, $0) },
                sheet: sheet, findings: findings(lint, of: [product], graph: graph),
                tables: ConnectionTables.product(product), model: Model(documents: product.documents)))
        }
        let platform = ComponentGraphs.platform(products, aliases: aliases)
        pages.append(try page(
            kind: .platform, name: "Platform", slug: "platform", subject: nil,
            intro: ["Every product in one diagram. Components that several documents name are drawn once, in the cluster of the product that owns them; edge numbers are the connection numbers of each product's table."],
            sources: products.flatMap { $0.documents.map(\.path) }, graph: platform,
            services: products.flatMap { product in product.services.map { (product.name, $0) } },
            listening: products.flatMap { product in ConnectionTables.listeningPorts(product).map { (product.name, $0) } },
            sheet: FirewallRules.derive(products, inventory: inventory), findings: findings(lint, of: products, graph: platform),
            tables: ConnectionTables.platform(products), model: Model(documents: products.flatMap(\.documents))))
        return pages
    }

    static func page(kind: SitePage.Kind, name: String, slug: String, subject: String?, intro: [String],
                     sources: [String], graph: ComponentGraph,
                     services: [(product: String, service: IncludedService)],
                     listening: [(product: String, ports: ConnectionTables.Listening)],
                     sheet: FirewallSheet, findings: [SiteFinding], tables: String, model: Model) throws -> SitePage {
        let svg = try DiagramFiles.render(graph, format: "svg")
        let downloads = [
            SiteDownload(file: "connections.svg", label: "Diagram (SVG)", data: svg),
            SiteDownload(file: "connections.png", label: "Diagram (PNG)", data: try DiagramFiles.render(graph, format: "png")),
            SiteDownload(file: "connections.dot", label: "Diagram source (Graphviz DOT)", data: try DiagramFiles.render(graph, format: "dot")),
            SiteDownload(file: "firewall.xlsx", label: "Firewall sheet (Excel, XLSX)", data: try FirewallXLSX.data(sheet)),
            SiteDownload(file: "firewall.csv", label: "Firewall sheet (CSV)", data: Data(FirewallCSV.render(sheet).utf8)),
            SiteDownload(file: "firewall.md", label: "Firewall sheet (Markdown)", data: Data(FirewallMarkdown.render(sheet, title: kind == .platform ? "platform" : name).utf8)),
            SiteDownload(file: "connections.md", label: "Connections and included services (Markdown)", data: Data(tables.utf8)),
            SiteDownload(file: "networkpolicies.yaml", label: "Kubernetes NetworkPolicies (YAML)", data: Data(NetworkPolicies.render(sheet).utf8)),
            SiteDownload(file: "model.json", label: "Connection model (JSON)", data: Data(try ModelSerialization.json(model).utf8)),
        ]
        return SitePage(kind: kind, name: name, slug: slug, subject: subject, intro: intro, sources: sources, graph: graph,
                        svg: String(decoding: svg, as: UTF8.self), services: services, listening: listening,
                        ruleCount: sheet.rules.count, findings: findings, findingsSource: findingsNote, downloads: downloads)
    }

    /// Every finding of `portolan lint` over the run: the rules' findings after the silences of
    /// `lint.yaml` (in the first folder given), and the reader's diagnostics. The configuration's
    /// own diagnostics are `lint`'s to print.
    /// The findings about these products' documents; one about a connection links to its edge.
    static func findings(_ all: [LintFinding], of products: [Product], graph: ComponentGraph) -> [SiteFinding] {
        var result: [SiteFinding] = []
        for finding in all {
            guard let product = products.first(where: { product in
                finding.product.map { $0 == product.name } ?? product.documents.contains { $0.path == finding.path }
            }) else { continue }
            let document = product.documents.first { $0.path == finding.path }
            let row = finding.connection.flatMap { number in product.connections.first { $0.number == number } }
                ?? document?.connections.first { $0.line == finding.line }
            let edge = row.flatMap { row in graph.edges.first { $0.productSlug == product.slug && $0.connection == row }?.id }
            result.append(SiteFinding(severity: finding.severity, message: finding.message,
                                      location: "\(finding.path):\(finding.line):\(finding.column)",
                                      rule: finding.rule, edge: edge))
        }
        return result
    }
}
