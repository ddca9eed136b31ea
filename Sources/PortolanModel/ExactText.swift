extension String {
    /// The same UTF-8 bytes: stricter than `==`, which holds canonically equivalent spellings equal.
    public func hasSameBytes(as other: String) -> Bool {
        // The same representation is the same string: a short one's bytes live in it, a long
        // one's storage is shared (the readers give equal cells one). Else the bytes decide.
        if unsafeBitCast(self, to: (UInt64, UInt64).self) == unsafeBitCast(other, to: (UInt64, UInt64).self) { return true }
        guard utf8.count == other.utf8.count else { return false }
        let contiguous = utf8.withContiguousStorageIfAvailable { a in other.utf8.withContiguousStorageIfAvailable { b in a.elementsEqual(b) } }
        return (contiguous ?? nil) ?? utf8.elementsEqual(other.utf8)
    }
}

/// A text whose equality and hash are its UTF-8 bytes: a key under which canonically equivalent
/// spellings ("Caf\u{E9}", "Cafe\u{301}") are different, as the document wrote them.
public struct ExactText: Hashable, Sendable {
    public let text: String

    public init(_ text: String) { self.text = text }

    public static func == (lhs: ExactText, rhs: ExactText) -> Bool { lhs.text.hasSameBytes(as: rhs.text) }

    public func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

extension Array<Attribute> {
    /// Names and values with the same UTF-8 bytes, in the same order.
    public func hasSameBytes(as other: [Attribute]) -> Bool {
        guard count == other.count else { return false }
        // One storage (the reader's shared lists): the same bytes.
        if withUnsafeBufferPointer({ mine in other.withUnsafeBufferPointer { mine.baseAddress == $0.baseAddress } }) { return true }
        return elementsEqual(other) { $0.name.hasSameBytes(as: $1.name) && $0.value.hasSameBytes(as: $1.value) }
    }
}

extension Optional<String> {
    /// Both nil, or the same UTF-8 bytes.
    public func hasSameBytes(as other: String?) -> Bool {
        switch (self, other) {
        case (nil, nil): true
        case let (a?, b?): a.hasSameBytes(as: b)
        default: false
        }
    }
}

/// What the rows of one table share: each distinct combination of repeated cells (protocol,
/// port cell, classification, page) is stored once, so a thousand rows
/// on "TCP 443 Egress" hold one storage. `capacity` combinations are always kept, and more while
/// they pay: while the rows that found a stored one are at least as many as those stored (a
/// table whose every row differs would only hold a second copy of each in the table).
public struct ConnectionSharing: Sendable {
    /// By the cells' hash: a storage is 8 bytes here, not a copy of its cells. Two combinations
    /// with one hash (rare) share nothing: the later one gets a storage of its own.
    private var storages: [Int: RepeatedCells] = [:]
    private var found = 0
    private let capacity: Int

    public init(capacity: Int = 4096) { self.capacity = capacity }

    mutating func storage(_ cells: RepeatedCells.Cells) -> RepeatedCells {
        let key = cells.quickHash
        if let stored = storages[key] {
            guard stored.cells.hasSameBytes(as: cells) else { return RepeatedCells(cells) }
            found += 1
            return stored
        }
        let made = RepeatedCells(cells)
        if storages.count < capacity || found >= storages.count { storages[key] = made }
        return made
    }
}
