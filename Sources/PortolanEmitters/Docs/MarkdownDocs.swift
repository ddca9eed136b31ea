import Foundation
import Mustache
import PortolanAnalysis
import PortolanModel

/// The site's pages as a Markdown tree, for teams who publish with MkDocs, Docusaurus or Hugo:
/// `mkdocs.yml`, `pages/index.md`, and `pages/<slug>/index.md` with the page's downloads beside it.
/// Every text from a document is escaped (`MarkdownTable.escape`: no raw HTML, no markup).
/// Pure: the same pages give the same bytes.
public enum MarkdownDocs {
    static let templates = ["mkdocs", "index", "page"]
    static let folder = "MarkdownTemplates"

    public static func files(_ pages: [SitePage], options: StaticSite.Options = StaticSite.Options()) throws -> [String: Data] {
        var files = try indexFiles(pages, options: options)
        for page in pages {
            files.merge(try pageFiles(page)) { first, _ in first }
        }
        return files
    }

    /// `mkdocs.yml` and `pages/index.md`.
    public static func indexFiles(_ pages: [SitePage], options: StaticSite.Options = StaticSite.Options()) throws -> [String: Data] {
        let library = try SiteResources.library(folder: folder, names: templates)
        let nav: [[String: Any]] = [["name": yamlTitle("Overview"), "path": "index.md"]]
            + pages.map { ["name": yamlTitle($0.name), "path": "\($0.slug)/index.md"] }
        return [
            "mkdocs.yml": Data(try library.page("mkdocs", ["siteTitle": yamlTitle(options.title), "nav": nav]).utf8),
            "pages/index.md": Data(try library.page("index", index(pages, options: options)).utf8),
        ]
    }

    /// One page's `pages/<slug>/index.md` and its downloads.
    public static func pageFiles(_ page: SitePage) throws -> [String: Data] {
        var files = [path(page): try pageBytes(page, pieces: nil)]
        files.merge(downloads(page)) { first, _ in first }
        return files
    }

    /// `pageFiles`, but the page's own file (`path(page)`) is handed to `pieces` a few megabytes
    /// at a time as it is made, not returned: the downloads only.
    public static func pageFiles(_ page: SitePage, pieces: (Data) throws -> Void) throws -> [String: Data] {
        _ = try withoutActuallyEscaping(pieces) { try pageBytes(page, pieces: $0) }
        return downloads(page)
    }

    /// Where a page is written: `pages/<slug>/index.md`.
    public static func path(_ page: SitePage) -> String {
        "pages/\(page.slug)/index.md"
    }

    private static func pageBytes(_ page: SitePage, pieces: ((Data) throws -> Void)?) throws -> Data {
        let library = try SiteResources.library(folder: folder, names: templates)
        return try library.pageSplicing("page", context(page), large: ["connectionsTable", "findingsList"], pieces: pieces)
    }

    private static func downloads(_ page: SitePage) -> [String: Data] {
        var files: [String: Data] = [:]
        for download in page.downloads where !download.writtenByCaller {
            files["pages/\(page.slug)/\(download.file)"] = download.data
        }
        return files
    }

    static func index(_ pages: [SitePage], options: StaticSite.Options) -> [String: Any] {
        let products = pages.filter(\.isProduct)
        let platform = pages.first(where: \.isPlatform)
        let rows = pages.map { page in
            [page.name, String(page.graph.edges.count), String(page.componentCount), String(page.ruleCount), String(page.warningCount)]
        }
        return [
            "siteTitle": MarkdownTable.inline(options.title),
            "totals": "\(products.count) products and \(products.map(\.graph.edges.count).reduce(0, +)) connections, read from the architecture documents' connections tables.",
            "hasPlatform": platform != nil,
            "platform": ["path": platform.map { "\($0.slug)/index.md" } ?? ""],
            "productsTable": MarkdownTable.render(header: ["Page", "Connections", "Components", "Firewall rules", "Warnings"], rows: rows),
            "products": products.map { page -> [String: Any] in
                [
                    "name": MarkdownTable.escape(page.name),
                    "path": "\(page.slug)/index.md",
                    "subject": MarkdownTable.escape(page.subject ?? ""),
                    "hasSubject": !(page.subject ?? "").isEmpty,
                    "thumbnail": "\(page.slug)/connections.svg",
                    "hasThumbnail": page.downloads.contains { $0.file == "connections.svg" },
                ]
            },
        ]
    }

    static func context(_ page: SitePage) -> [String: Any] {
        let isPlatform = page.isPlatform
        let connectionHeader = ["#"] + (isPlatform ? ["Product"] : []) + ["Source", "Destination", "Protocol", "Port", "Classification", "Data that travels on it"]
        // Each edge read in place (an edge taken from the array is copied, its texts counted up and down).
        let edges = page.graph.edges
        let connectionRows = edges.indices.lazy.map { index -> [String] in
            let c = edges[index].connection
            return isPlatform
                ? [c.number, edges[index].product, c.source, c.destination, c.protocol ?? "", SiteContexts.portText(c), c.classification ?? "", c.description]
                : [c.number, c.source, c.destination, c.protocol ?? "", SiteContexts.portText(c), c.classification ?? "", c.description]
        }
        let serviceRows = page.services.map { entry -> [String] in
            let description = entry.service.items.isEmpty ? entry.service.description : entry.service.items.map { "• " + $0 }.joined(separator: "\n")
            return (isPlatform ? [entry.product] : []) + [entry.service.name, description]
        }
        let listeningRows = page.listening.map { entry -> [String] in
            (isPlatform ? [entry.product] : []) + [entry.ports.destination, entry.ports.ports.joined(separator: ", "), entry.ports.connections.joined(separator: ", ")]
        }
        let counts = MarkdownTable.render(header: ["Connections", "Components", "Firewall rules", "Warnings"],
                                          rows: [[String(page.graph.edges.count), String(page.componentCount), String(page.ruleCount), String(page.warningCount)]])
        return [
            "name": MarkdownTable.inline(page.name),
            "subject": MarkdownTable.escape(page.subject ?? ""),
            "hasSubject": !(page.subject ?? "").isEmpty,
            "countsTable": counts,
            "intro": page.intro.map(MarkdownTable.inline),
            // Written into the page row by row (`Splice`): a large view has hundreds of thousands.
            "connectionsTable": Splice { MarkdownTable.write(header: connectionHeader, rows: connectionRows, into: $0) },
            "hasServices": !serviceRows.isEmpty,
            "servicesTable": MarkdownTable.render(header: (isPlatform ? ["Product"] : []) + ["Service", "Description"], rows: serviceRows),
            "hasListening": !listeningRows.isEmpty,
            "listeningTable": MarkdownTable.render(header: (isPlatform ? ["Product"] : []) + ["Component", "Ports", "Connections"], rows: listeningRows),
            "findingsSource": MarkdownTable.inline(page.findingsSource),
            "hasFindings": !page.findings.isEmpty,
            // One line per finding, made here rather than by a template section (a large view has
            // hundreds of thousands); each text made visible as the template's values are.
            "findingsList": Splice { data in
                for (index, finding) in page.findings.enumerated() {
                    data.write { out in
                        if index > 0 { out.appendMarkup("\n") }
                        out.appendMarkup("- **")
                        out.appendText(finding.severity.rawValue)
                        out.appendMarkup("** `")
                        appendCode(finding.location, to: &out)
                        out.appendMarkup("`: ")
                        appendVisibleCell(finding.message + (finding.rule.map { " [\($0)]" } ?? ""), to: &out)
                    }
                }
            },
            "downloads": page.downloads.map { download -> [String: Any] in
                ["label": MarkdownTable.escape(download.label), "file": download.file, "size": SiteContexts.size(download.size)]
            },
            "sources": page.sources.map { "`" + ControlCharacters.visible($0, lineBreaks: true).replacingOccurrences(of: "`", with: "'") + "`" }.joined(separator: ", "),
        ]
    }

    /// Appends text for inside a code span: `visible(visible(text, lineBreaks: true)` with each
    /// backtick made an apostrophe`)`. Printable ASCII is copied here byte by byte (no character
    /// to show, a backtick a byte); any other byte leaves the text to the general functions.
    static func appendCode(_ text: String, to out: inout [UInt8]) {
        out.appendEscaped(text, general: { text in
            ControlCharacters.visible(ControlCharacters.visible(text, lineBreaks: true).replacingOccurrences(of: "`", with: "'"))
        }) { byte, _ in
            switch byte {
            case 0x60: .replace("'")
            case 0x20..<0x7F: .keep
            default: .general
            }
        }
    }

    /// Appends `visible(MarkdownTable.escape(text))` (`appendCell` writes no hidden control
    /// character but for the text it leaves to the general functions).
    static func appendVisibleCell(_ text: String, to out: inout [UInt8]) {
        let start = out.count
        MarkdownTable.appendCell(text, to: &out)
        guard out[start...].contains(where: { $0 < 0x20 || $0 >= 0x7F }) else { return }
        let escaped = String(decoding: out[start...], as: UTF8.self)
        out.removeSubrange(start...)
        out.appendText(ControlCharacters.visible(escaped))
    }

    /// A title for `mkdocs.yml` (site name, nav entries): MkDocs' themes put these into the
    /// HTML as they are (nav, `<title>`, page header), so the text is HTML-escaped first, its
    /// control characters shown as code points, then written as a YAML double-quoted scalar.
    static func yamlTitle(_ text: String) -> String {
        YAMLScalar.quoted(HTMLText.escape(ControlCharacters.visible(text, lineBreaks: true)))
    }
}
