import PortolanModel

/// Decides whether a row of cells is the header of a connections table or of an "Included
/// services" table, with the user's `columns:` mapping first and the vocabulary after it.
/// Layout recognisers ask it where tables start; the column interpreter asks it what each
/// column is.
public struct HeaderMatcher: Sendable {
    public var mapping: ColumnMapping

    public init(mapping: ColumnMapping = ColumnMapping()) {
        self.mapping = mapping
    }

    /// The role of each header cell, or nil where neither the mapping nor the vocabulary knows it.
    func roles(_ cells: [String]) -> [Column?] {
        cells.map { cell in mapping.role(for: cell) ?? HeaderVocabulary.role(cell) }
    }

    /// The roles when the cells are a connections header, else nil.
    func connectionRoles(_ cells: [String]) -> [Column?]? {
        let roles = roles(cells)
        return Self.isConnections(roles.compactMap { $0 }) ? roles : candidateRoles(cells)
    }

    /// A header that may be a connections table once the heading above it is read: ports and
    /// at most one side ("Protocol | Port | Source | Description" under "Inbound rules for X").
    func candidateRoles(_ cells: [String]) -> [Column?]? {
        // A header names columns; a cell holding a port number is data.
        if cells.contains(where: { $0.contains(where: \.isNumber) && ContentTyping.isPortValue($0) }) { return nil }
        let roles = roles(cells)
        let named = Set(roles.compactMap { $0 })
        // Both sides named and more columns: the cells may say which is the port.
        if named.contains(.source), named.contains(.destination), cells.count >= 3 { return roles }
        // Most of a header's cells name columns; a data row's mostly do not.
        let filled = cells.indices.filter { !Text.isBlank(cells[$0]) }
        guard filled.filter({ roles[$0] != nil }).count * 5 >= filled.count * 3 else { return nil }
        let set = Set(roles.compactMap { $0 })
        guard !set.isDisjoint(with: [.port, .portProtocol]), set.contains(.protocol) || !set.isDisjoint(with: [.source, .destination]) else { return nil }
        return roles
    }

    /// Two named sides (or one party column) and something that says how they talk.
    static func isConnections(_ found: [Column]) -> Bool {
        let set = Set(found)
        let sides = (set.contains(.source) && set.contains(.destination)) || set.contains(.party)
        guard sides else { return false }
        if !set.isDisjoint(with: [.port, .portProtocol]) { return true }
        return set.intersection([.number, .protocol, .classification]).count >= 2
    }

    /// An "Included services" header: "Included service(s) | Description", or "Service |
    /// Description" / "Component | Purpose" under a heading that says "Included services".
    func isServices(_ cells: [String], context: [String]) -> Bool {
        if TableHeader.isServicesHeader(cells: cells) { return true }
        let keys = cells.map(HeaderVocabulary.key).filter { !$0.isEmpty }
        guard keys.count == 2 else { return false }
        let names: Set<String> = ["service", "services", "component", "components", "name", "included service", "included services", "microservice"]
        let texts: Set<String> = ["description", "purpose", "function", "details", "role", "what it does"]
        guard names.contains(keys[0]), texts.contains(keys[1]) else { return false }
        return context.suffix(3).contains { $0.lowercased().contains("included service") }
    }
}
