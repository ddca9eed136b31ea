import PortolanModel

/// A connection as one release has it: its product, the file it was read from, and the row.
public struct DiffRow: Codable, Sendable, Hashable {
    public var product: String
    public var path: String
    public var connection: Connection

    public init(product: String, path: String, connection: Connection) {
        self.product = product
        self.path = path
        self.connection = connection
    }
}

/// One connection in both releases, with the fields whose content changed (the number is not
/// a field: a row that only moved is renumbered, not changed).
public struct ConnectionChange: Codable, Sendable, Hashable {
    public var old: DiffRow
    public var new: DiffRow
    /// "source", "destination", "protocol", "ports", "classification", "description", in that order.
    public var fields: [String]

    public var isRenumbered: Bool { old.connection.number != new.connection.number }
}

/// Firewall rules to add and to remove between two releases; rules present in both are left out.
public struct FirewallDelta: Codable, Sendable, Hashable {
    public var toAdd: FirewallSheet
    public var toRemove: FirewallSheet
}

/// What changed between two releases of the documents.
public struct ModelDiff: Codable, Sendable, Hashable {
    public var added: [DiffRow]
    public var removed: [DiffRow]
    /// Connections whose content changed (renumbered or not), in the new release's order.
    public var changed: [ConnectionChange]
    /// Connections whose number changed, content changed or not, in the new release's order.
    public var renumbered: [ConnectionChange]
    public var firewall: FirewallDelta

    public var isEmpty: Bool {
        added.isEmpty && removed.isEmpty && changed.isEmpty && renumbered.isEmpty
    }
}
