import Foundation
import PortolanAnalysis
import PortolanModel
import Testing
@testable import PortolanEmitters

/// The docs site's pages: escaping, relative links that all resolve, byte-identical output.
@Suite struct SiteTests {
    static let hostile = "<script>alert('x')</script> \"quoted\" & javascript:alert(1)"

    /// A page per seed product and the platform page, with a stand-in SVG whose edges carry the graph's ids.
    static func pages(_ products: [Product]) -> [SitePage] {
        var pages = products.map { product -> SitePage in
            let graph = ComponentGraphs.product(product, among: products, aliases: AliasTable())
            return page(.product, name: product.name, slug: product.slug, subject: product.documents.first?.subject,
                        intro: product.documents.flatMap(\.intro), graph: graph, product: product)
        }
        let platform = ComponentGraphs.platform(products, aliases: AliasTable())
        pages.append(page(.platform, name: "Platform", slug: "platform", subject: nil, intro: [], graph: platform, product: nil))
        return pages
    }

    static func page(_ view: ComponentGraph.View, name: String, slug: String, subject: String?, intro: [String],
                     graph: ComponentGraph, product: Product?) -> SitePage {
        let edges = graph.edges.map { "<g id=\"\($0.id)\" class=\"edge connection\"><title>\($0.id)</title><text>\($0.connection.number)</text></g>" }
        let svg = "<?xml version=\"1.0\"?>\n<!-- \(slug) -->\n<svg width=\"10pt\" height=\"10pt\">\(edges.joined())</svg>\n"
        let findings = graph.edges.prefix(1).map {
            SiteFinding(severity: .warning, message: hostile, location: "Input/x.txt:3:1", rule: "MissingCell", edge: $0.id)
        }
        return SitePage(view: view, name: name, slug: slug, subject: subject, intro: intro,
                        sources: product?.documents.map(\.path) ?? [], graph: graph, svg: svg,
                        services: product?.services.map { (name, $0) } ?? [],
                        listening: product.map { p in ConnectionTables.listeningPorts(p).map { (p.name, $0) } } ?? [],
                        ruleCount: 3, findings: findings, findingsSource: "From portolan lint.",
                        downloads: [SiteDownload(file: "connections.svg", label: "Diagram (SVG)", data: Data(svg.utf8)),
                                    SiteDownload(file: "firewall.csv", label: "Firewall sheet (CSV)", data: Data("a,b\n".utf8))])
    }

    static func hostileProducts() -> [Product] {
        let h = hostile
        let document = Document(
            path: "hostile.txt", title: h, subject: h, intro: [h, "</p><script>x()</script>"],
            connections: [
                Connection(number: "1", source: h, destination: "<img src=x onerror=alert(1)>", protocol: "<b>HTTP</b>",
                           ports: PortSpec(ranges: [PortRange(443)], text: "443\"><script>"), classification: "Ingress\" onclick=\"x",
                           description: "</td></tr></table><script>y()</script>", line: 3),
                Connection(number: "2\"><x", source: "A", destination: h, protocol: "TCP", ports: PortSpec(ranges: [PortRange(80)], text: "80"),
                           classification: "Egress", description: "[link](javascript:alert(1))", line: 4),
            ],
            services: [IncludedService(name: h, description: "<em>d</em>", items: ["<li>x</li>"], line: 5)])
        return Products.group(Model(documents: [document]))
    }

    static func text(_ files: [String: Data], _ path: String) -> String {
        String(decoding: files[path] ?? Data(), as: UTF8.self)
    }

    @Test func hostileTextsAreEscapedEverywhere() throws {
        let files = try StaticSite.files(Self.pages(Self.hostileProducts()))
        let htmlPaths = files.keys.filter { $0.hasSuffix(".html") }.sorted()
        #expect(htmlPaths.count == 3)
        for path in htmlPaths {
            let html = Self.text(files, path)
            // Our one script, nothing else; no handler, no javascript: link, no raw markup from the document.
            #expect(html.components(separatedBy: "<script").count == 2, "\(path)")
            // No event-handler attribute inside any tag (escaped text may say "onerror=").
            #expect(html.range(of: #"<[^>]*\son[a-z]+\s*="#, options: [.regularExpression, .caseInsensitive]) == nil, "\(path)")
            #expect(!html.contains("<img src=x"), "\(path)")
            #expect(!html.contains("<b>HTTP"), "\(path)")
            #expect(!html.contains("<em>d"), "\(path)")
            #expect(html.range(of: #"(href|src)="\s*javascript:"#, options: [.regularExpression, .caseInsensitive]) == nil, "\(path)")
        }
        let product = Self.text(files, "\(Slug.make(Self.hostile))/index.html")
        #expect(product.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;quoted&quot; &amp; javascript:alert(1)"))
        #expect(product.contains("&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;y()&lt;/script&gt;"))
        #expect(product.contains("Ingress&quot; onclick=&quot;x"))
    }

    @Test func inlineSVGLosesEverythingThatRuns() {
        let svg = """
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            <!-- Generated by graphviz --><svg onload="alert(1)" width="1pt"><g id="conn&#45;1" class="edge" ONCLICK='x()'>
            <a xlink:href="javascript:alert(1)" xlink:title="&lt;script&gt;"><text>&lt;script&gt;</text></a>
            <script>alert(2)</script><foreignObject><div>x</div></foreignObject><a href=javascript:y>t</a></g></svg>
            """
        let clean = InlineSVG.sanitise(svg)
        #expect(clean.hasPrefix("<svg width=\"1pt\">"))
        #expect(!clean.contains("<!--"))
        #expect(!clean.lowercased().contains("script>"))
        #expect(!clean.lowercased().contains("onclick"))
        #expect(!clean.contains("onload"))
        #expect(!clean.contains("javascript:"))
        #expect(!clean.contains("foreignObject"))
        #expect(clean.contains("<g id=\"conn-1\" class=\"edge\">"))
        #expect(clean.contains("<text>&lt;script&gt;</text>"))
        #expect(clean.contains("xlink:title=\"&lt;script&gt;\""))
    }

    @Test func everyLinkIsRelativeAndResolves() throws {
        let products = try TableSeeds.products()
        let files = try StaticSite.files(Self.pages(products))
        #expect(files["index.html"] != nil && files["site.css"] != nil && files["site.js"] != nil)
        let reference = try NSRegularExpression(pattern: #"\s(?:href|src)="([^"]*)""#)
        var checked = 0
        for path in files.keys.sorted() where path.hasSuffix(".html") {
            let html = Self.text(files, path)
            let ids = Set(try NSRegularExpression(pattern: #"\sid="([^"]+)""#)
                .matches(in: html, range: NSRange(html.startIndex..., in: html))
                .map { String(html[Range($0.range(at: 1), in: html)!]) })
            for match in reference.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let link = String(html[Range(match.range(at: 1), in: html)!])
                checked += 1
                #expect(!link.hasPrefix("/") && !link.contains("://") && !link.hasPrefix("javascript:"), "\(path): \(link)")
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                if parts[0].isEmpty {
                    #expect(ids.contains(parts[1]), "\(path): \(link) names no element")
                    continue
                }
                let folder = path.split(separator: "/").dropLast().map(String.init)
                var resolved = folder
                for component in parts[0].split(separator: "/") {
                    if component == ".." { resolved = Array(resolved.dropLast()) } else { resolved.append(String(component)) }
                }
                #expect(files[resolved.joined(separator: "/")] != nil, "\(path): \(link) does not resolve")
            }
        }
        #expect(checked > 100)
        // Every table row has an edge id the diagram draws.
        for page in Self.pages(products) {
            let html = Self.text(files, "\(page.slug)/index.html")
            for edge in page.graph.edges {
                #expect(html.contains("<tr id=\"row-\(edge.id)\" data-edge=\"\(edge.id)\">"))
                #expect(html.contains("<g id=\"\(edge.id)\" class=\"edge connection\">"))
            }
        }
    }

    @Test func sameInputSameBytesAndNothingMachineSpecific() throws {
        let products = try TableSeeds.products()
        let first = try StaticSite.files(Self.pages(products))
        let second = try StaticSite.files(Self.pages(products))
        #expect(first == second)
        let docs = try MarkdownDocs.files(Self.pages(products))
        #expect(docs == (try MarkdownDocs.files(Self.pages(products))))
        let home = FileManager.default.currentDirectoryPath
        for (path, data) in first.merging(docs, uniquingKeysWith: { a, _ in a }) where !path.hasSuffix(".png") {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains(home), "\(path) names the working folder")
            #expect(text.range(of: #"\b20[0-9]{2}-[01][0-9]-[0-3][0-9]"#, options: .regularExpression) == nil, "\(path) has a date")
        }
    }

    @Test func markdownTreeEscapesAndQuotes() throws {
        let files = try MarkdownDocs.files(Self.pages(Self.hostileProducts()))
        let config = Self.text(files, "mkdocs.yml")
        // MkDocs copies nav titles into its pages as HTML: the title is HTML-escaped, then YAML-quoted.
        #expect(config.contains("  - \"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;quoted&quot; &amp; javascript:alert(1)\": "))
        #expect(!config.contains("<script"))
        #expect(config.contains("docs_dir: pages"))
        let page = Self.text(files, "pages/\(Slug.make(Self.hostile))/index.md")
        #expect(!page.contains("<script"))
        #expect(page.range(of: #"(?<!\\)\]\(javascript:"#, options: .regularExpression) == nil)
        #expect(page.contains("&lt;script&gt;alert('x')&lt;/script&gt;"))
        #expect(files["pages/index.md"] != nil)
        #expect(files["pages/platform/index.md"] != nil)
    }

    /// The index shows the landscape; every component name on a page links to its focus page,
    /// which lists exactly the rows touching the component, relative to its own folder.
    @Test func landscapeOnTheIndexAndFocusPagesLinked() throws {
        let products = try TableSeeds.products()
        let pages = Self.pages(products)
        let platform = try #require(pages.last?.graph)
        let focus = FocusPages.graphs(platform).map { slug, graph in
            FocusPages.page(slug: slug, graph: graph, svg: "<svg><g id=\"x\"></g></svg>")
        }
        let landscape = "<svg width=\"10pt\"><g id=\"diagram-landscape\" class=\"graph\"><g id=\"land-cx-contact\" class=\"node landscape product\"><a xlink:href=\"javascript:x()\"><text>CX Contact</text></a></g></g></svg>"
        let files = try StaticSite.files(pages, landscape: landscape, focus: focus)
        let index = Self.text(files, "index.html")
        #expect(index.contains("<figure class=\"diagram landscape\" id=\"diagram-figure\""))
        #expect(index.contains("<g id=\"land-cx-contact\" class=\"node landscape product\">"))
        #expect(!index.contains("javascript:"))
        #expect(index.contains("Open the full platform drawing"))
        // One focus page per component some row touches; Redis is one of them.
        let touched = Set(platform.edges.flatMap { [$0.from, $0.to] })
        #expect(focus.count == touched.count)
        let redis = Self.text(files, "focus-redis.html")
        let redisRows = platform.edges.filter { platform.node($0.from)?.name == "Redis" || platform.node($0.to)?.name == "Redis" }
        #expect(!redisRows.isEmpty)
        #expect(redis.components(separatedBy: "<tr id=\"row-").count - 1 == redisRows.count)
        #expect(redis.contains("<link rel=\"stylesheet\" href=\"site.css\">"))
        #expect(redis.contains("<p class=\"kicker\">Focus view</p>"))
        #expect(!redis.contains("id=\"downloads\""))
        // The CX Contact page: row 5 is CX Contact -> Redis; both names link to their focus pages.
        let cx = Self.text(files, "cx-contact/index.html")
        #expect(cx.contains("<a class=\"focus-link\" href=\"../focus-redis.html\" title=\"Every connection of this component\">Redis</a>"))
        #expect(cx.contains("<a class=\"focus-link\" href=\"../focus-cx-contact.html\""))
        // Every focus link of every page resolves to a page of the site.
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            let folder = path.split(separator: "/").dropLast().map(String.init)
            for match in html.matches(of: /class="focus-link" href="([^"]+)"/) {
                var parts = folder
                for piece in match.1.split(separator: "/") {
                    if piece == ".." { parts.removeLast() } else { parts.append(String(piece)) }
                }
                #expect(files[parts.joined(separator: "/")] != nil, "\(path): \(match.1)")
            }
        }
    }

    @Test func sizesAreDecimalAndStable() {
        #expect(SiteContexts.size(999) == "999 bytes")
        #expect(SiteContexts.size(1000) == "1.0 KB")
        #expect(SiteContexts.size(40_835) == "40.8 KB")
        #expect(SiteContexts.size(1_933_984) == "1.9 MB")
    }
}
