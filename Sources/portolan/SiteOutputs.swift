import Foundation
import PortolanAnalysis
import PortolanEmitters
import PortolanModel

/// The docs site and its Markdown twin: gathers each page's parts (diagram rendered in-process,
/// firewall sheet, downloads, findings) and writes what `StaticSite` and `MarkdownDocs` make.
enum SiteOutputs {
    static let findingsNote = "Reader diagnostics: what Portolan noticed while reading the documents (the checks of portolan lint are not shown here yet)."

    /// `build`: `site/` (the HTML site) and `docs/` (the Markdown tree with its `mkdocs.yml`).
    static func build(_ products: [Product], model: Model, input: String, writer: inout OutputWriter) throws {
        let pages = try pages(products, inputs: [input])
        try write(StaticSite.files(pages), under: "site", writer: &writer)
        try write(MarkdownDocs.files(pages), under: "docs", writer: &writer)
    }

    static func write(_ files: [String: Data], under folder: String, writer: inout OutputWriter) throws {
        for path in files.keys.sorted() {
            try writer.write(files[path]!, to: folder.isEmpty ? path : "\(folder)/\(path)")
        }
    }

    /// One page per product, then the platform view.
    static func pages(_ products: [Product], inputs: [String]) throws -> [SitePage] {
        let (aliases, _) = try DiagramFiles.aliases(explicit: nil, inputs: inputs, report: false)
        let inventoryPath = inputs.first(where: DiagramFiles.isDirectory).flatMap { TableOutputs.inventoryPath(input: $0) }
        let inventory = try inventoryPath.map { try TableOutputs.loadInventory($0, products: products, report: false).0 } ?? .empty

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
                sheet: sheet, findings: findings([product], graph: graph),
                tables: ConnectionTables.product(product), model: Model(documents: product.documents)))
        }
        let platform = ComponentGraphs.platform(products, aliases: aliases)
        pages.append(try page(
            kind: .platform, name: "Platform", slug: "platform", subject: nil,
            intro: ["Every product in one diagram. Components that several documents name are drawn once, in the cluster of the product that owns them; edge numbers are the connection numbers of each product's table."],
            sources: products.flatMap { $0.documents.map(\.path) }, graph: platform,
            services: products.flatMap { product in product.services.map { (product.name, $0) } },
            listening: products.flatMap { product in ConnectionTables.listeningPorts(product).map { (product.name, $0) } },
            sheet: FirewallRules.derive(products, inventory: inventory), findings: findings(products, graph: platform),
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

    /// The reader's diagnostics of the products' documents; one on a connection's row links to its edge.
    static func findings(_ products: [Product], graph: ComponentGraph) -> [SiteFinding] {
        products.flatMap { product in
            product.documents.flatMap { document in
                document.diagnostics.map { diagnostic in
                    let row = diagnostic.line.flatMap { line in document.connections.first { $0.line == line } }
                    let edge = row.flatMap { row in
                        graph.edges.first { $0.productSlug == product.slug && $0.connection == row }?.id
                    }
                    let location = diagnostic.line.map { "\(document.path):\($0):\(diagnostic.column ?? 1)" } ?? document.path
                    return SiteFinding(severity: diagnostic.severity, message: diagnostic.message, location: location, edge: edge)
                }
            }
        }
    }
}
