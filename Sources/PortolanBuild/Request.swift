import PortolanAnalysis
import PortolanEmitters

/// What a command asks the build for. `build` asks for everything; the other commands ask for
/// one part of one kind of view and differ from `build` in nothing else.
public struct Request: Sendable {
    /// The files a view's folder can hold.
    public enum Part: Hashable, Sendable, CaseIterable {
        /// `connections.md`: connections, included services, listening ports.
        case tables
        /// `firewall.csv`, `firewall.xlsx`, `firewall.md`, `firewall.json`.
        case firewall
        /// `networkpolicies.yaml`.
        case policies
        /// `model.json`.
        case model
        /// `connections.<format>` for each of `diagramFormats`.
        case diagrams
        /// `lint.txt` per product; `lint.txt` and `lint.sarif` (and `lint.json` on request) for the platform.
        case lint
        /// The static site under `site/`.
        case site
        /// The Markdown tree with `mkdocs.yml` under `docs/`.
        case docs
        /// `model.json` or `model.yaml` (`modelFormat`) of the whole workspace, at the top.
        case parse
        /// `diff.<diffFormat>` at the top: the baseline against the documents.
        case diff
        /// `landscape.<format>` at the top for each of `diagramFormats`: one node per product,
        /// connections aggregated (the site's index shows it whenever the site is made).
        case landscape
        /// `focus.<format>` at the top for each of `diagramFormats`: the component `focus` names
        /// and every connection that touches it (the site makes a focus page per component).
        case focus
    }

    public var parts: Set<Part>
    /// Which views: each product, the platform, or both.
    public var scopes: Set<Scope>
    public var diagramFormats: [String]
    public var lintFormats: [String]
    /// The site's and the Markdown tree's name.
    public var title: String
    /// The platform firewall sheet's Markdown title: the products' names (as `firewall` has it)
    /// instead of "platform".
    public var sheetTitledByProducts = false

    /// "json" or "yaml", for `.parse`.
    public var modelFormat = "json"
    /// "md", "json", "csv" or "xlsx", for `.diff`; the Markdown report names the releases `diffLabels`.
    public var diffFormat = "md"
    public var diffLabels = (old: "old", new: "new")
    /// The component that `.focus` draws, as a document writes it.
    public var focus: String?

    public init(parts: Set<Part>, scopes: Set<Scope> = [.product, .platform],
                diagramFormats: [String] = ["dot", "svg", "png"], lintFormats: [String] = ["text", "sarif"],
                title: String = StaticSite.Options().title) {
        self.parts = parts
        self.scopes = scopes
        self.diagramFormats = diagramFormats
        self.lintFormats = lintFormats
        self.title = title
    }

    /// What `portolan build` writes.
    public static func everything(title: String = StaticSite.Options().title) -> Request {
        Request(parts: [.tables, .firewall, .policies, .model, .diagrams, .landscape, .lint, .site, .docs], title: title)
    }

    var drawsDiagrams: Bool { !parts.isDisjoint(with: [.diagrams, .site, .docs, .landscape, .focus]) }
    var makesPages: Bool { !parts.isDisjoint(with: [.site, .docs]) }
}
