import Foundation
import PortolanAnalysis
import PortolanEmitters
import PortolanGraphviz
import PortolanModel

/// A site page (and its Markdown twin) from a view's files, its drawing and the run's findings.
enum Pages {
    static let findingsNote = "What portolan lint finds in the documents (its rules and the reader's diagnostics), after the silences of lint.yaml."

    /// A view's page from its table files, its drawing and the run's lint findings (those about
    /// the view's products go on the page).
    static func page(_ view: View, tables: (files: [String: Data], ruleCount: Int), drawing: Drawing, lint: [LintFinding]) -> SitePage {
        page(view, files: tables.files.merging(drawing.namedFiles) { first, _ in first }, ruleCount: tables.ruleCount,
             findings: findings(lint, of: view.products, graph: view.graph))
    }

    /// What a page offers for download, from its folder's files, in this order.
    static let downloads: [(file: String, label: String)] = [
        ("connections.svg", "Diagram (SVG)"),
        ("connections.png", "Diagram (PNG)"),
        ("connections.dot", "Diagram source (Graphviz DOT)"),
        ("firewall.xlsx", "Firewall sheet (Excel, XLSX)"),
        ("firewall.csv", "Firewall sheet (CSV)"),
        ("firewall.md", "Firewall sheet (Markdown)"),
        ("connections.md", "Connections and included services (Markdown)"),
        ("networkpolicies.yaml", "Kubernetes NetworkPolicies (YAML)"),
        ("ciliumnetworkpolicies.yaml", "Cilium NetworkPolicies with FQDN egress (YAML)"),
        ("terraform/aws/firewall.tf", "AWS security group rules (Terraform)"),
        ("terraform/azure/firewall.tf", "Azure network security rules (Terraform)"),
        ("terraform/gcp/firewall.tf", "GCP firewall rules (Terraform)"),
        ("model.json", "Connection model (JSON)"),
    ]

    /// A view's page; `files` are its folder's files by name (the downloads come from them).
    private static func page(_ view: View, files: [String: Data], ruleCount: Int, findings: [SiteFinding]) -> SitePage {
        let products = view.products
        let intro = view.scope == .platform
            ? ["Every product in one diagram. Components that several documents name are drawn once, in the cluster of the product that owns them; edge numbers are the connection numbers of each product's table."]
            : products.flatMap { $0.documents.flatMap(\.intro) }
        return SitePage(
            kind: SitePage.Kind(view.scope), name: view.name, slug: view.slug,
            subject: view.scope == .platform ? nil : products.flatMap { $0.documents.compactMap(\.subject) }.first,
            intro: intro, sources: products.flatMap { $0.documents.map(\.path) }, graph: view.graph,
            svg: String(decoding: files["connections.svg"] ?? Data(), as: UTF8.self),
            services: products.flatMap { product in product.services.map { (product.name, $0) } },
            listening: products.flatMap { product in ConnectionTables.listeningPorts(product).map { (product.name, $0) } },
            ruleCount: ruleCount, findings: findings, findingsSource: findingsNote,
            downloads: downloads.map { SiteDownload(file: $0.file, label: $0.label, data: files[$0.file] ?? Data()) })
    }

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
