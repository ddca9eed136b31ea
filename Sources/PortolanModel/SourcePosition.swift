/// Where something was written: 1-based line and column; for paged documents (PDF) the page,
/// with `line` counted within the page.
///
/// Every grid cell and every connection holds one, so it is stored in 12 bytes (three 32-bit
/// numbers, the page's absence as a value no page has) instead of the 25 that `Int`, `Int` and
/// `Int?` take: a 100,000-row table's grid is 13 MB smaller. Values beyond 32 bits are clamped
/// (no document has two billion lines).
public struct SourcePosition: Sendable, Hashable, Comparable {
    private var storedLine: Int32
    private var storedColumn: Int32
    private var storedPage: Int32

    private static let noPage = Int32.min

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    public var page: Int? {
        get { storedPage == Self.noPage ? nil : Int(storedPage) }
        set { storedPage = newValue.map { max(Int32(clamping: $0), Self.noPage + 1) } ?? Self.noPage }
    }

    public init(line: Int, column: Int = 1, page: Int? = nil) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
        storedPage = page.map { max(Int32(clamping: $0), Self.noPage + 1) } ?? Self.noPage
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.page ?? 0, lhs.line, lhs.column) < (rhs.page ?? 0, rhs.line, rhs.column)
    }
}
