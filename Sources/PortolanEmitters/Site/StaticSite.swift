import Foundation
import Mustache
import PortolanAnalysis
import PortolanModel

/// The docs site: an index of the products, one page per product and one for the platform,
/// each with its diagram inline, its table, and its downloads beside it. Plain static files
/// with relative links only, so the folder opens from disk and from any static host.
/// Pure: the same pages give the same bytes.
public enum StaticSite {
    public struct Options: Sendable, Hashable {
        /// The site's name, in every page's header and title.
        public var title: String

        public init(title: String = "Portolan architecture") {
            self.title = title
        }
    }

    static let templates = ["index", "page", "header", "footer"]

    /// Relative path -> bytes: `index.html`, `site.css`, `site.js`, and for each page
    /// `<slug>/index.html` with its downloads beside it.
    /// `landscape` is the landscape drawing's SVG for the index; `focus` the focus pages (see
    /// `FocusPages`), to which every component name on a page links.
    public static func files(_ pages: [SitePage], landscape: String? = nil, focus: [SitePage] = [],
                             options: Options = Options()) throws -> [String: Data] {
        var files = try indexFiles(pages, landscape: landscape, options: options)
        let links = pages.map(SiteLink.init)
        let focusLinks = FocusPages.links(focus)
        for page in pages + focus {
            files.merge(try pageFiles(page, all: links, focus: focusLinks, options: options)) { first, _ in first }
        }
        return files
    }

    /// `index.html`, `site.css` and `site.js`.
    public static func indexFiles(_ pages: [SitePage], landscape: String? = nil, options: Options = Options()) throws -> [String: Data] {
        let library = try SiteResources.library(folder: "Templates", names: templates)
        return [
            "index.html": Data(try library.page("index", SiteContexts.index(pages, landscape: landscape, options: options)).utf8),
            "site.css": try SiteResources.data(folder: "Templates", name: "site", extension: "css"),
            "site.js": try SiteResources.data(folder: "Templates", name: "site", extension: "js"),
        ]
    }

    /// Where a page is written: `<slug>/index.html`, a focus page `focus-<id>.html` beside the
    /// index (it has no downloads to keep in a folder).
    public static func path(_ page: SitePage) -> String {
        page.focus != nil ? "\(page.slug).html" : "\(page.slug)/index.html"
    }

    /// How many folders deep the page's file is.
    static func folderDepth(_ page: SitePage) -> Int {
        path(page).split(separator: "/").count - 1
    }

    /// One page's `<slug>/index.html` and its downloads; `all` names every page, for the navigation.
    /// A page can be made as soon as its own diagram is drawn.
    /// `focus` maps component names to their focus page's slug (`FocusPages.links`), for the links.
    public static func pageFiles(_ page: SitePage, all: [SiteLink], focus: [String: String] = [:],
                                 options: Options = Options()) throws -> [String: Data] {
        var files = [path(page): try pageBytes(page, all: all, focus: focus, options: options, pieces: nil)]
        files.merge(downloads(page)) { first, _ in first }
        return files
    }

    /// `pageFiles`, but the page's own file (`path(page)`) is handed to `pieces` a few megabytes
    /// at a time as it is made (a million rows' page is 940 MB), not returned: the downloads only.
    public static func pageFiles(_ page: SitePage, all: [SiteLink], focus: [String: String] = [:],
                                 options: Options = Options(), pieces: (Data) throws -> Void) throws -> [String: Data] {
        _ = try withoutActuallyEscaping(pieces) { try pageBytes(page, all: all, focus: focus, options: options, pieces: $0) }
        return downloads(page)
    }

    private static func pageBytes(_ page: SitePage, all: [SiteLink], focus: [String: String], options: Options,
                                  pieces: ((Data) throws -> Void)?) throws -> Data {
        let library = try SiteResources.library(folder: "Templates", names: templates)
        let context = SiteContexts.page(page, all: all, focus: focus, options: options)
        return try library.pageSplicing("page", context, large: ["rowsHTML", "listeningHTML", "findingsHTML"], pieces: pieces)
    }

    /// The files beside a page that the caller did not write.
    private static func downloads(_ page: SitePage) -> [String: Data] {
        var files: [String: Data] = [:]
        for download in page.downloads where !download.writtenByCaller {
            files["\(page.slug)/\(download.file)"] = download.data
        }
        return files
    }
}

/// A page as the navigation names it.
public struct SiteLink: Sendable, Hashable {
    public var name: String
    public var slug: String

    public init(name: String, slug: String) {
        self.name = name
        self.slug = slug
    }

    public init(_ page: SitePage) {
        self.init(name: page.name, slug: page.slug)
    }
}
