import Foundation
import PortolanAnalysis
import PortolanEmitters
import PortolanGraphviz
import PortolanModel

/// A site page (and its Markdown twin) from a view's files, its drawing and the run's findings.
enum Pages {
    static let findingsNote = "What portolan lint finds in the documents (its rules and the reader's diagnostics), after the silences of lint.yaml."

    /// A view's page from the sizes of its table files (which the builder writes beside the
    /// page itself, `besidePages`), its drawing and the run's lint findings (those about the
    /// view's products go on the page).
    static func page(_ view: View, tables: (sizes: [String: Int], ruleCount: Int), drawing: Drawing, lint: [LintFinding]) -> SitePage {
        page(view, files: drawing.namedFiles, sizes: tables.sizes, ruleCount: tables.ruleCount,
             findings: findings(lint, of: view.products, graph: view.graph))
    }

    /// A view's table files that its site and docs pages offer, by their paths beside the pages:
    /// written with the tables, so the page need not hold them.
    static func besidePages(_ tables: [String: Data], slug: String, site: Bool, docs: Bool) -> [String: Data] {
        var files: [String: Data] = [:]
        for (file, data) in tables {
            for path in besidePaths(file, slug: slug, site: site, docs: docs) { files[path] = data }
        }
        return files
    }

    /// Where a view's table file is copied beside its pages (nowhere if the pages do not offer it).
    static func besidePaths(_ file: String, slug: String, site: Bool, docs: Bool) -> [String] {
        guard downloads.contains(where: { $0.file == file }) else { return [] }
        return (site ? ["site/\(slug)/\(file)"] : []) + (docs ? ["docs/pages/\(slug)/\(file)"] : [])
    }

    /// Every folder under a view's own that its files go into ("terraform/aws").
    static var subfolders: [String] {
        Array(Set(downloads.compactMap { download -> String? in
            let parts = download.file.split(separator: "/").dropLast()
            return parts.isEmpty ? nil : parts.joined(separator: "/")
        })).sorted()
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

    /// A view's page; `files` are its drawing's files by name and `sizes` those of its table
    /// files (the downloads come from them).
    private static func page(_ view: View, files: [String: Data], sizes: [String: Int], ruleCount: Int, findings: [SiteFinding]) -> SitePage {
        let products = view.products
        let intro = view.scope == .platform
            ? ["Every product in one diagram. Components that several documents name are drawn once, in the cluster of the product that owns them; edge numbers are the connection numbers of each product's table."]
            : products.flatMap { $0.documents.flatMap(\.intro) }
        return SitePage(
            view: view.scope, name: view.name, slug: view.slug,
            subject: view.scope == .platform ? nil : products.flatMap { $0.documents.compactMap(\.subject) }.first,
            intro: intro, sources: products.flatMap { $0.documents.map(\.path) }, graph: view.graph,
            svg: String(decoding: files["connections.svg"] ?? Data(), as: UTF8.self),
            services: products.flatMap { product in product.services.map { (product.name, $0) } },
            listening: products.flatMap { product in ConnectionTables.listeningPorts(product).map { (product.name, $0) } },
            ruleCount: ruleCount, findings: findings, findingsSource: findingsNote,
            downloads: downloads.map { download in
                if let data = files[download.file] { return SiteDownload(file: download.file, label: download.label, data: data) }
                if let size = sizes[download.file] { return SiteDownload(file: download.file, label: download.label, size: size) }
                return SiteDownload(file: download.file, label: download.label, data: Data())
            })
    }

    /// The findings about these products' documents; one about a connection links to its edge.
    static func findings(_ all: [LintFinding], of products: [Product], graph: ComponentGraph) -> [SiteFinding] {
        // Indexes made once (a large platform has thousands of findings and of edges): the first
        // product of a name or holding a document, the first row of a number or starting on a
        // line, the first edge of a product's row.
        var productByName: [String: Int] = [:], productByPath: [String: Int] = [:]
        for (index, product) in products.enumerated() {
            if productByName[product.name] == nil { productByName[product.name] = index }
            for document in product.documents where productByPath[document.path] == nil { productByPath[document.path] = index }
        }
        // The rows' indexes and the edges' side by side: a large view's are a million entries
        // each, made while the other core would wait. Neither throws (`both` only hands on what
        // its work throws), so `try?` drops nothing.
        guard let ((rowByNumber, rowByLine), edges) = try? both({ FindingIndex.rows(products) }, { FindingIndex.edges(graph) }) else { return [] }
        func row(_ place: FindingIndex.Place) -> Connection { products[place.product].documents[place.document].connections[place.row] }
        var result: [SiteFinding] = []
        result.reserveCapacity(all.count)
        // Findings read in place (`withUnsafeBufferPointer`): an element taken from an array is
        // copied, each of its texts counted up and down.
        all.withUnsafeBufferPointer { all in
            for finding in all.indices {
                let path = all[finding].path, line = all[finding].line
                guard let index = all[finding].product.map({ productByName[$0] }) ?? productByPath[path] else { continue }
                let inDocument = products[index].documents.contains { $0.path == path } ? rowByLine[path]?[line] : nil
                let place = all[finding].connection.flatMap { rowByNumber[index][$0] } ?? inDocument
                result.append(SiteFinding(severity: all[finding].severity, message: all[finding].message,
                                          location: "\(path):\(line):\(all[finding].column)",
                                          rule: all[finding].rule, edge: place.flatMap { edges.edge(products[index].slug, row($0), in: graph) }))
            }
        }
        return result
    }
}

/// The indexes `Pages.findings` finds a finding's row and edge by. Rows and edges are held by
/// their place, not copied (a large view has a million), and read in place.
private enum FindingIndex {
    struct Place: Sendable { var product: Int, document: Int, row: Int }

    /// The first row of each connection number, by product, and of each line, by document path.
    /// Read from the last row back, so the first row of a number or line is written last (one
    /// hash a row, not a look-up and then an insert).
    static func rows(_ products: [Product]) -> (byNumber: [[String: Place]], byLine: [String: [Int: Place]]) {
        var rowByNumber: [[String: Place]] = []
        var rowByLine: [String: [Int: Place]] = [:]
        for index in products.indices.reversed() {
            let product = products[index]
            // Room made once (a million rows would otherwise grow each index twenty times).
            var byNumber = [String: Place](minimumCapacity: product.documents.reduce(0) { $0 + $1.connections.count })
            for documentIndex in product.documents.indices.reversed() {
                let path = product.documents[documentIndex].path
                let rows = product.documents[documentIndex].connections
                var byLine = rowByLine.removeValue(forKey: path) ?? Dictionary(minimumCapacity: rows.count)
                for rowIndex in rows.indices.reversed() {
                    let place = Place(product: index, document: documentIndex, row: rowIndex)
                    byLine[rows[rowIndex].line] = place
                    byNumber[rows[rowIndex].number] = place
                }
                rowByLine[path] = byLine
            }
            rowByNumber.append(byNumber)
        }
        return (rowByNumber.reversed(), rowByLine)
    }

    struct Key: Hashable, Sendable { var slug: String; var number: String; var line: Int; var column: Int }

    /// The first edge of each (product, row): found by the row's number and place, then
    /// compared whole (hashing every row's every cell costs more than the rest together).
    /// Most places hold one row; the edges of another row at the same place wait in `moreAt`.
    struct Edges: Sendable {
        var firstAt: [Key: Int]
        var moreAt: [Key: [Int]] = [:]

        func edge(_ slug: String, _ row: Connection, in graph: ComponentGraph) -> String? {
            let key = Key(slug: slug, number: row.number, line: row.line, column: row.column)
            guard let first = firstAt[key] else { return nil }
            return graph.edges.withUnsafeBufferPointer { edges in
                if edges[first].connection == row { return edges[first].id }
                return moreAt[key]?.first { edges[$0].connection == row }.map { edges[$0].id }
            }
        }
    }

    static func edges(_ graph: ComponentGraph) -> Edges {
        graph.edges.withUnsafeBufferPointer { edges in
            var index = Edges(firstAt: Dictionary(minimumCapacity: edges.count))
            for edge in edges.indices {
                let connection = edges[edge].connection
                let key = Key(slug: edges[edge].productSlug, number: connection.number, line: connection.line, column: connection.column)
                guard let first = index.firstAt[key] else {
                    index.firstAt[key] = edge
                    continue
                }
                if edges[first].connection != connection, !(index.moreAt[key]?.contains { edges[$0].connection == connection } ?? false) {
                    index.moreAt[key, default: []].append(edge)
                }
            }
            return index
        }
    }
}
