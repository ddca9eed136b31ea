/// A row of an "Included services" table: a component that belongs to the document's subject.
public struct IncludedService: Codable, Sendable, Hashable {
    public var name: String
    /// The description as one text: list items joined with single spaces.
    public var description: String
    /// The description's list items, when the cell holds a list (`<ul><li>`); otherwise empty.
    public var items: [String]
    public var line: Int

    public init(name: String, description: String, items: [String] = [], line: Int) {
        self.name = name
        self.description = description
        self.items = items
        self.line = line
    }
}
