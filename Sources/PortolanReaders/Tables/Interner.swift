import PortolanModel

/// Equal cells of one table's rows given one storage: a source, protocol or classification
/// that a thousand rows repeat is one string, and a port cell that they repeat is read once
/// and its ranges are one array. Values are what they were; only their copies are shared.
/// Strings of up to 15 UTF-8 bytes are stored inside the `String` itself, so they are left as
/// they are. Rows whose protocol, port cell, classification and page are all
/// equal share one storage of them (`ConnectionSharing`). At most `capacity` distinct values of each kind are kept (a column whose every
/// cell differs would gain nothing from more); later ones are looked up, not added.
struct Interner {
    static let capacity = 4096

    // Keyed by bytes, not by String equality, which holds canonically equivalent spellings
    // equal: each cell keeps the bytes it was written with.
    private var strings: Set<ExactText> = []
    private var ports: [PortKey: PortCell.Parsed] = [:]
    private var attributeLists: Set<[Attribute]> = []
    /// The storage of the cells rows repeat (protocol, port cell, classification, page).
    var connections = ConnectionSharing(capacity: Interner.capacity)

    private struct PortKey: Hashable {
        var written: ExactText
        var starMeansConfigurable: Bool
    }

    /// `text`, or an equal string read before.
    mutating func string(_ text: String) -> String {
        guard text.utf8.count > 15 else { return text }
        let key = ExactText(text)
        if let index = strings.firstIndex(of: key) { return strings[index].text }
        if strings.count < Self.capacity { strings.insert(key) }
        return text
    }

    /// A row's attributes (the cells of columns without a role), or an equal list read before:
    /// a "Type" column whose seven values a thousand rows repeat is seven arrays, not a thousand.
    mutating func attributes(_ list: [Attribute]) -> [Attribute] {
        guard !list.isEmpty else { return list }
        if let index = attributeLists.firstIndex(of: list), attributeLists[index].hasSameBytes(as: list) {
            return attributeLists[index]
        }
        var shared = list
        for i in shared.indices {
            shared[i].name = string(shared[i].name)
            shared[i].value = string(shared[i].value)
        }
        if attributeLists.count < Self.capacity { attributeLists.insert(shared) }
        return shared
    }

    /// `PortCell.parse(written, starMeansConfigurable:)`, read once for equal cells.
    mutating func port(_ written: String, starMeansConfigurable: Bool) -> PortCell.Parsed {
        let key = PortKey(written: ExactText(written), starMeansConfigurable: starMeansConfigurable)
        if let found = ports[key] { return found }
        let parsed = PortCell.parse(written, starMeansConfigurable: starMeansConfigurable)
        if ports.count < Self.capacity { ports[key] = parsed }
        return parsed
    }
}
