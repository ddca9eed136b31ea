import PortolanModel

/// Two releases -> what changed. Connections are matched by content (product, source,
/// destination, protocol; case, spacing and punctuation ignored), never by number, because
/// numbers shift when a row is inserted or removed.
public enum Differ {
    public static func diff(old: [Product], new: [Product], inventory: Inventory = .empty) -> ModelDiff {
        var added: [DiffRow] = [], removed: [DiffRow] = []
        var pairs: [ConnectionChange] = []
        var slugs = new.map(\.slug)
        for product in old where !slugs.contains(product.slug) { slugs.append(product.slug) }
        for slug in slugs {
            let before = rows(old.first { $0.slug == slug })
            let after = rows(new.first { $0.slug == slug })
            let matched = match(before, after)
            pairs += matched.pairs
            removed += matched.removed
            added += matched.added
        }
        let oldSheet = FirewallRules.derive(old, inventory: inventory)
        let newSheet = FirewallRules.derive(new, inventory: inventory)
        // A rule is its flow's id in its section: a flow moved between sections is removed and added.
        let oldIDs = Set(oldSheet.rules.map { $0.id + "|" + $0.section.rawValue })
        let newIDs = Set(newSheet.rules.map { $0.id + "|" + $0.section.rawValue })
        let delta = FirewallDelta(toAdd: FirewallSheet(rules: newSheet.rules.filter { !oldIDs.contains($0.id + "|" + $0.section.rawValue) }),
                                  toRemove: FirewallSheet(rules: oldSheet.rules.filter { !newIDs.contains($0.id + "|" + $0.section.rawValue) }))
        return ModelDiff(added: added, removed: removed,
                         changed: pairs.filter { !$0.fields.isEmpty },
                         renumbered: pairs.filter(\.isRenumbered),
                         firewall: delta)
    }

    static func rows(_ product: Product?) -> [DiffRow] {
        guard let product else { return [] }
        return product.documents.flatMap { document in
            document.connections.map { DiffRow(product: product.name, path: document.path, connection: $0) }
        }
    }

    /// What identifies a connection across releases.
    static func key(_ connection: Connection) -> [String] {
        [Names.key(connection.source), Names.key(connection.destination),
         Names.key(connection.protocol ?? "")]
    }

    /// The fields whose content differs.
    static func fields(_ a: Connection, _ b: Connection) -> [String] {
        var fields: [String] = []
        if a.source != b.source { fields.append("source") }
        if a.destination != b.destination { fields.append("destination") }
        if a.protocol != b.protocol { fields.append("protocol") }
        if a.ports.ranges != b.ports.ranges || a.ports.configurable != b.ports.configurable
            || tidy(a.ports.text ?? "") != tidy(b.ports.text ?? "") { fields.append("ports") }
        if a.classification != b.classification { fields.append("classification") }
        if tidy(a.description) != tidy(b.description) { fields.append("description") }
        return fields
    }

    static func tidy(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Pairs the rows of one product: first rows with the same key and the same content, then
    /// rows with the same key in order, then renamed rows (one end differs, everything else the
    /// same). What is left was removed or added.
    static func match(_ before: [DiffRow], _ after: [DiffRow]) -> (pairs: [ConnectionChange], removed: [DiffRow], added: [DiffRow]) {
        var oldLeft = Array(before.indices), newPartner: [Int: Int] = [:]  // new index -> old index
        func pair(where accepts: (DiffRow, DiffRow) -> Bool) {
            for n in after.indices where newPartner[n] == nil {
                if let position = oldLeft.firstIndex(where: { accepts(before[$0], after[n]) }) {
                    newPartner[n] = oldLeft.remove(at: position)
                }
            }
        }
        pair { key($0.connection) == key($1.connection) && fields($0.connection, $1.connection).isEmpty }
        pair { key($0.connection) == key($1.connection) }
        pair { renamed($0.connection, $1.connection) && tidy($0.connection.description) == tidy($1.connection.description) }
        pair { renamed($0.connection, $1.connection) }
        var pairs: [ConnectionChange] = []
        var added: [DiffRow] = []
        for n in after.indices {
            if let o = newPartner[n] {
                pairs.append(ConnectionChange(old: before[o], new: after[n], fields: fields(before[o].connection, after[n].connection)))
            } else {
                added.append(after[n])
            }
        }
        return (pairs, oldLeft.map { before[$0] }, added)
    }

    /// One end renamed: the other end, the protocol, the ports and the classification unchanged.
    static func renamed(_ a: Connection, _ b: Connection) -> Bool {
        let ka = key(a), kb = key(b)
        let sameEnds = (ka[0] == kb[0] ? 1 : 0) + (ka[1] == kb[1] ? 1 : 0)
        return sameEnds == 1 && ka[2] == kb[2] && a.ports.ranges == b.ports.ranges
            && a.classificationKind == b.classificationKind && a.classification == b.classification
    }
}
