import Foundation
import PortolanAnalysis
import PortolanModel

/// One page of the docs site: a product, or the platform view. The CLI fills it (rendering the
/// diagram and the downloads); `StaticSite` only turns it into files.
public struct SitePage: Sendable {
    /// What the page shows: a product or the whole platform, in the one type for either
    /// (`ComponentGraph.View`, as its diagram draws it).
    public var view: ComponentGraph.View
    /// The component a focus page centres on, drawn with every connection touching it (a
    /// platform-wide view, see `FocusPages`); nil on a product's or the platform's own page.
    public var focus: String?
    public var name: String
    /// The page's folder in the site, and its downloads' folder: `<slug>/index.html`.
    public var slug: String
    /// The service the documents describe, as they write it.
    public var subject: String?
    public var intro: [String]
    /// The documents the page was read from, as the user named them.
    public var sources: [String]
    /// What the diagram draws: one edge per table row, with the id the SVG gives it.
    public var graph: ComponentGraph
    /// The diagram as Graphviz rendered it; sanitised before it is inlined.
    public var svg: String
    /// Included services, with the product they belong to on the platform page.
    public var services: [(product: String, service: IncludedService)]
    public var listening: [(product: String, ports: ConnectionTables.Listening)]
    public var ruleCount: Int
    public var findings: [SiteFinding]
    /// Where the findings come from, said on the page ("portolan lint", "the readers").
    public var findingsSource: String
    public var downloads: [SiteDownload]

    public init(view: ComponentGraph.View, focus: String? = nil, name: String, slug: String, subject: String?, intro: [String], sources: [String],
                graph: ComponentGraph, svg: String, services: [(product: String, service: IncludedService)],
                listening: [(product: String, ports: ConnectionTables.Listening)], ruleCount: Int,
                findings: [SiteFinding], findingsSource: String, downloads: [SiteDownload]) {
        self.view = view
        self.focus = focus
        self.name = name
        self.slug = slug
        self.subject = subject
        self.intro = intro
        self.sources = sources
        self.graph = graph
        self.svg = svg
        self.services = services
        self.listening = listening
        self.ruleCount = ruleCount
        self.findings = findings
        self.findingsSource = findingsSource
        self.downloads = downloads
    }

    /// A product's own page (not the platform's, not a focus page).
    public var isProduct: Bool { focus == nil && view == .product }
    /// The platform's own page (not a focus page).
    public var isPlatform: Bool { focus == nil && view == .platform }

    /// Components the diagram draws.
    public var componentCount: Int { graph.nodes.count }
    /// Findings that are warnings or errors.
    public var warningCount: Int { findings.filter { $0.severity >= .warning }.count }
}

/// A lint finding or reader diagnostic as the site shows it.
public struct SiteFinding: Sendable, Hashable {
    public var severity: Severity
    public var message: String
    /// `path:line:col`.
    public var location: String
    /// The lint rule's id, or nil for a reader diagnostic.
    public var rule: String?
    /// The edge id of the connection the finding is about ("conn-12"), when there is one.
    public var edge: String?

    public init(severity: Severity, message: String, location: String, rule: String? = nil, edge: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.rule = rule
        self.edge = edge
    }
}

/// A file offered for download beside a page.
public struct SiteDownload: Sendable, Hashable {
    /// File name in the page's folder ("firewall.xlsx").
    public var file: String
    /// What it is, for the link ("Firewall sheet (XLSX)").
    public var label: String
    /// Its bytes, written beside the page; empty when the caller writes the file itself.
    public var data: Data
    /// Its size in bytes, for the link.
    public var size: Int
    /// The caller writes the file itself (`init(file:label:size:)`): the page only links to it.
    public var writtenByCaller: Bool

    public init(file: String, label: String, data: Data) {
        self.file = file
        self.label = label
        self.data = data
        size = data.count
        writtenByCaller = false
    }

    /// A file the caller writes beside the page itself, so the page need not hold its bytes
    /// (a million rows' model.json and sheets are a gigabyte the page would keep alive).
    public init(file: String, label: String, size: Int) {
        self.file = file
        self.label = label
        data = Data()
        self.size = size
        writtenByCaller = true
    }
}
