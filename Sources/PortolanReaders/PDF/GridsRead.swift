import PortolanModel

/// What a paged or structured document (PDF, Word) gives the column interpreter: its tables as
/// grids, its other text as paragraphs in reading order (for the title, subject and intro), and
/// what went wrong, with pages where there are pages.
public struct GridsRead: Sendable, Hashable {
    public var grids: [Grid]
    /// Headings and paragraphs outside the tables, in reading order, each on one line.
    public var paragraphs: [String]
    /// The document's own title where its layout shows one: a Word "Title" or first-level heading,
    /// a PDF's first page's largest line.
    public var title: String?
    public var diagnostics: [Diagnostic]

    public init(grids: [Grid] = [], paragraphs: [String] = [], title: String? = nil, diagnostics: [Diagnostic] = []) {
        self.grids = grids
        self.paragraphs = paragraphs
        self.title = title
        self.diagnostics = diagnostics
    }
}
