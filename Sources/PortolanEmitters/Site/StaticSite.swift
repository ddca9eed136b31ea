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
    public static func files(_ pages: [SitePage], options: Options = Options()) throws -> [String: Data] {
        let library = try SiteResources.library(folder: "Templates", names: templates)
        var files: [String: Data] = [:]
        files["index.html"] = Data(try library.page("index", SiteContexts.index(pages, options: options)).utf8)
        files["site.css"] = try SiteResources.data(folder: "Templates", name: "site", extension: "css")
        files["site.js"] = try SiteResources.data(folder: "Templates", name: "site", extension: "js")
        for page in pages {
            files["\(page.slug)/index.html"] = Data(try library.page("page", SiteContexts.page(page, all: pages, options: options)).utf8)
            for download in page.downloads {
                files["\(page.slug)/\(download.file)"] = download.data
            }
        }
        return files
    }
}
