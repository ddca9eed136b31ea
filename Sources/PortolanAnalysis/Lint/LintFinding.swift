import PortolanModel

/// One lint finding: which rule, how bad, what, and where (the connection's row, 1-based).
public struct LintFinding: Codable, Sendable, Hashable {
    /// The rule's id: its type name ("MissingCell").
    public var rule: String
    public var severity: Severity
    public var message: String
    public var path: String
    public var line: Int
    public var column: Int
    /// The page, for documents that have pages (PDF); `line` is then the line within the page.
    public var page: Int?
    /// The product the connection belongs to, and its number, when the finding is about a row.
    public var product: String?
    public var connection: String?

    public init(rule: String, severity: Severity, message: String, path: String, line: Int, column: Int,
                page: Int? = nil, product: String? = nil, connection: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.page = page
        self.product = product
        self.connection = connection
    }

    /// `path:line:col: severity: message [rule-id]`; in a PDF `path:page N:line: ...`, as reader diagnostics.
    public var formatted: String {
        if let page { return "\(path):page \(page):\(line): \(severity.rawValue): \(message) [\(rule)]" }
        return "\(path):\(line):\(column): \(severity.rawValue): \(message) [\(rule)]"
    }

    /// Source order: path, line, column, then rule id and message, so output never depends on rule order.
    static func sourceOrder(_ a: LintFinding, _ b: LintFinding) -> Bool {
        (a.path, a.page ?? 0, a.line, a.column, a.rule, a.message) < (b.path, b.page ?? 0, b.line, b.column, b.rule, b.message)
    }
}

/// A connection together with where it comes from: what every rule looks at.
public struct LintRow: Sendable, Hashable {
    /// The product and document, held once for all the rows of a document: rules copy rows
    /// often (a million rows, eight rules), and a copy then retains one reference, not every
    /// field of a product and a document.
    private var origin: Origin
    public var connection: Connection

    final class Origin: Sendable {
        let product: Product
        let document: Document

        init(product: Product, document: Document) {
            self.product = product
            self.document = document
        }
    }

    public var product: Product {
        get { origin.product }
        set { origin = Origin(product: newValue, document: origin.document) }
    }

    public var document: Document {
        get { origin.document }
        set { origin = Origin(product: origin.product, document: newValue) }
    }

    public init(product: Product, document: Document, connection: Connection) {
        self.init(Origin(product: product, document: document), connection)
    }

    /// A row of a document whose origin other rows share.
    init(_ origin: Origin, _ connection: Connection) {
        self.origin = origin
        self.connection = connection
    }

    /// Equal when product, document and connection are (rows of one origin need not compare it).
    public static func == (lhs: LintRow, rhs: LintRow) -> Bool {
        lhs.connection == rhs.connection
            && (lhs.origin === rhs.origin || (lhs.origin.product == rhs.origin.product && lhs.origin.document == rhs.origin.document))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(origin.product)
        hasher.combine(origin.document)
        hasher.combine(connection)
    }

    /// A finding about this row.
    func finding(_ rule: any LintRule.Type, _ severity: Severity, _ message: String) -> LintFinding {
        LintFinding(rule: LintRules.id(of: rule), severity: severity, message: message, path: document.path,
                    line: connection.line, column: connection.column, page: connection.page,
                    product: product.name, connection: connection.number)
    }
}

/// A lint rule: a pure function from the products of a run to findings. The type name is the id.
public protocol LintRule {
    /// One line: what the rule finds.
    static var summary: String { get }
    /// Why it matters, for the rule documentation.
    static var rationale: String { get }
    static func check(_ context: LintContext) -> [LintFinding]
}

extension LintRule {
    public static var id: String { String(describing: self) }
}
