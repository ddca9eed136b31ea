/// How bad a finding is. The CLI's exit code follows the worst severity it printed.
public enum Severity: String, Codable, Sendable, Comparable, CaseIterable {
    case note, warning, error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A finding about a document, with the position it refers to (1-based line and column).
public struct Diagnostic: Codable, Sendable, Hashable {
    public var severity: Severity
    public var message: String
    public var line: Int?
    public var column: Int?
    /// The page, for documents that have pages (PDF); `line` is then the line within the page.
    public var page: Int?
    /// A stable name for the kind of finding ("empty-protocol"), for tools that act on it
    /// without reading the message; nil for findings no one needs to tell apart.
    public var code: String?

    public init(_ severity: Severity, _ message: String, line: Int? = nil, column: Int? = nil,
                page: Int? = nil, code: String? = nil) {
        self.severity = severity
        self.message = message
        self.line = line
        self.column = column
        self.page = page
        self.code = code
    }

    /// `path:line:col: severity: message`, the form compilers and editors understand.
    public func formatted(path: String) -> String {
        var location = path
        if let page {
            location += ":page \(page)"
            if let line { location += ":\(line)" }
            return "\(location): \(severity.rawValue): \(message)"
        }
        if let line {
            location += ":\(line)"
            location += ":\(column ?? 1)"
        }
        return "\(location): \(severity.rawValue): \(message)"
    }

    /// By line and column, keeping the order of findings at the same position (stable).
    public static func sortedByPosition(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted {
            ($0.element.page ?? 0, $0.element.line ?? 0, $0.element.column ?? 0, $0.offset)
                < ($1.element.page ?? 0, $1.element.line ?? 0, $1.element.column ?? 0, $1.offset)
        }.map(\.element)
    }
}
