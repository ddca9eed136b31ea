import Foundation
import PortolanAnalysis
import PortolanModel

/// The values the templates show, as dictionaries of strings, flags and lists. Every text from a
/// document goes in as plain text; the templates' `{{…}}` escapes it. Only the sanitised SVG is
/// inserted raw (`{{{svg}}}`).
enum SiteContexts {
    static func index(_ pages: [SitePage], landscape: String? = nil, options: StaticSite.Options) -> [String: Any] {
        let products = pages.filter(\.isProduct)
        let platform = pages.first(where: \.isPlatform)
        return [
            "title": options.title,
            "siteTitle": options.title,
            "root": "",
            "isIndex": true,
            "nav": nav(pages.map(SiteLink.init), current: nil, root: ""),
            "products": products.map { summary($0) },
            "hasPlatform": platform != nil,
            "sources": allSources(pages),
            "hasSources": !allSources(pages).isEmpty,
            "platform": platform.map { summary($0) } ?? [:],
            "landscape": landscape.map(InlineSVG.sanitise) ?? "",
            "hasLandscape": landscape != nil,
            "totals": [
                "products": products.count,
                "connections": products.map(\.graph.edges.count).reduce(0, +),
            ],
        ]
    }

    static func allSources(_ pages: [SitePage]) -> [String] {
        var seen: Set<String> = []
        return pages.flatMap(\.sources).filter { seen.insert($0).inserted }
    }

    static func summary(_ page: SitePage) -> [String: Any] {
        [
            "name": page.name,
            "subject": page.subject ?? "",
            "hasSubject": !(page.subject ?? "").isEmpty,
            "href": "\(page.slug)/index.html",
            "thumbnail": "\(page.slug)/connections.svg",
            "hasThumbnail": page.downloads.contains { $0.file == "connections.svg" },
            "connections": page.graph.edges.count,
            "components": page.componentCount,
            "rules": page.ruleCount,
            "warnings": page.warningCount,
            "hasWarnings": page.warningCount > 0,
        ]
    }

    static func nav(_ pages: [SiteLink], current: String?, root: String) -> [[String: Any]] {
        pages.map { page in
            ["name": page.name, "href": "\(root)\(page.slug)/index.html", "current": page.slug == current]
        }
    }

    static func page(_ page: SitePage, all pages: [SiteLink], focus: [String: String] = [:], options: StaticSite.Options) -> [String: Any] {
        let isPlatform = page.view == .platform
        let root = String(repeating: "../", count: StaticSite.folderDepth(page))
        // Node names by id, made once: a large view has hundreds of thousands of rows.
        let nameOf = Dictionary(page.graph.nodes.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        func focusHref(_ id: String) -> String {
            guard let name = nameOf[id], let slug = focus[name] else { return "" }
            return "\(root)\(slug).html"
        }
        let services: [[String: Any]] = page.services.map { entry in
            [
                "product": entry.product,
                "name": entry.service.name,
                "description": entry.service.description,
                "items": entry.service.items,
                "hasItems": !entry.service.items.isEmpty,
            ]
        }
        // The listening ports as HTML (`SiteRows`): each lists the numbers of every row that reaches it.
        let listening = Splice { data in
            let edgeOf = edgeLookup(page.graph)
            // An entry's numbers are all of one product: its numbers looked up once an entry.
            var product: String?, numbers: [String: String]?
            SiteRows.listening(page.listening, isPlatform: isPlatform, edge: { entryProduct, number in
                if entryProduct != product { (product, numbers) = (entryProduct, edgeOf[entryProduct]) }
                return numbers?[number]
            }, into: data)
        }
        let downloads: [[String: Any]] = page.downloads.map { download in
            ["href": download.file, "label": download.label, "file": download.file, "size": size(download.size)]
        }
        return [
            "title": "\(page.name) · \(options.title)",
            "siteTitle": options.title,
            "root": root,
            "isPlatform": isPlatform,
            "isFocus": page.focus != nil,
            "kindName": page.focus != nil ? "Focus view" : page.view == .platform ? "Platform view" : "Product",
            "hasDownloads": !page.downloads.isEmpty,
            "nav": nav(pages, current: page.slug, root: root),
            "name": page.name,
            "subject": page.subject ?? "",
            "hasSubject": !(page.subject ?? "").isEmpty,
            "intro": page.intro,
            "hasIntro": !page.intro.isEmpty,
            "sources": page.sources,
            "hasSources": !page.sources.isEmpty,
            "svg": InlineSVG.sanitise(page.svg),
            "counts": summary(page),
            // The rows and findings are made as HTML by `SiteRows` (a large view has hundreds of thousands).
            "rowsHTML": Splice { SiteRows.rows(page.graph, isPlatform: isPlatform, focusHref: focusHref, into: $0) },
            "services": services,
            "hasServices": !services.isEmpty,
            "listeningHTML": listening,
            "hasListening": !page.listening.isEmpty,
            "findingsHTML": Splice { SiteRows.findings(page.findings, into: $0) },
            "hasFindings": !page.findings.isEmpty,
            "findingsSource": page.findingsSource,
            "downloads": downloads,
        ]
    }

    /// The first edge of each connection number, by product. A view's edges come a product at a
    /// time, so each product's numbers are gathered apart (one number hashed per edge, not two
    /// texts); read from the last edge back, the first edge of a number is written last.
    static func edgeLookup(_ graph: ComponentGraph) -> [String: [String: String]] {
        var lookup: [String: [String: String]] = [:]
        var product: String?
        var numbers: [String: String] = [:]
        // Read in place: an edge taken from the array is copied, each of its texts counted up and down.
        graph.edges.withUnsafeBufferPointer { edges in
            for index in edges.indices.reversed() {
                if edges[index].product != product {
                    if let product { lookup[product] = numbers }
                    product = edges[index].product
                    numbers = lookup.removeValue(forKey: edges[index].product) ?? [:]
                }
                numbers[edges[index].connection.number] = edges[index].id
            }
        }
        if let product { lookup[product] = numbers }
        return lookup
    }

    static func portText(_ connection: Connection) -> String {
        if let text = connection.ports.text, !text.isEmpty { return text }
        return connection.ports.ranges.map(\.description).joined(separator: ", ")
    }

    /// "820 bytes", "12.4 KB", "1.9 MB": decimal units, one decimal, deterministic.
    static func size(_ bytes: Int) -> String {
        if bytes < 1000 { return "\(bytes) bytes" }
        let units = ["KB", "MB", "GB"]
        var value = Double(bytes) / 1000
        var unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }
}
