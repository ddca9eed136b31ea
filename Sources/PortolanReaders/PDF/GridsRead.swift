import PortolanModel

/// What a paged or structured document (PDF, Word) gives the column interpreter: its tables as
/// grids, its other text as paragraphs in reading order (for the title, subject and intro), and
/// what went wrong, with pages where there are pages.
public struct GridsRead: Sendable, Hashable {
    public var grids: [Grid]
    /// Headings and paragraphs outside the tables, in reading order, each on one line.
    public var paragraphs: [String]
    public var diagnostics: [Diagnostic]

    public init(grids: [Grid] = [], paragraphs: [String] = [], diagnostics: [Diagnostic] = []) {
        self.grids = grids
        self.paragraphs = paragraphs
        self.diagnostics = diagnostics
    }
}
