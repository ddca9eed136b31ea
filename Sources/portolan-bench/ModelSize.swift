import PortolanModel

/// A lower bound on the memory a document's connections hold once read: the array of
/// connections, each string stored out of line (Swift keeps up to 15 UTF-8 bytes inline), each
/// port range array and attribute array, with malloc's 16-byte rounding. A string or port range
/// array that several connections share (the reader's `Interner`) is counted once.
enum ModelSize {
    static func bytes(_ connections: [Connection]) -> Int {
        var total = MemoryLayout<Connection>.stride * connections.capacity
        var seen: Set<UnsafeRawPointer> = []
        func heap(_ payload: Int) -> Int { (payload + 16 + 15) / 16 * 16 }
        func string(_ s: String?) -> Int {
            guard let s, s.utf8.count > 15 else { return 0 }
            if let storage = s.utf8.withContiguousStorageIfAvailable({ $0.baseAddress.map(UnsafeRawPointer.init) }) ?? nil,
               !seen.insert(storage).inserted { return 0 }
            return heap(32 + s.utf8.count + 1 - 16)
        }
        var storages: Set<ObjectIdentifier> = []
        for c in connections {
            total += string(c.number) + string(c.source) + string(c.destination) + string(c.description)
            if !c.attributes.isEmpty, let storage = c.attributes.withUnsafeBufferPointer({ $0.baseAddress.map(UnsafeRawPointer.init) }),
               seen.insert(storage).inserted {
                total += heap(32 + c.attributes.count * MemoryLayout<Attribute>.stride - 16)
                for a in c.attributes { total += string(a.name) + string(a.value) }
            }
            // The cells rows repeat: one storage for the rows that share it (an object's 16-byte
            // header, two optional strings, the port cell, a long number, the page).
            guard storages.insert(c.repeatedCellsStorage).inserted else { continue }
            total += heap(16 + 16 + 16 + 32 + 16 + 4) + string(c.protocol) + string(c.classification) + string(c.ports.text)
            if !c.ports.ranges.isEmpty, let storage = c.ports.ranges.withUnsafeBufferPointer({ $0.baseAddress.map(UnsafeRawPointer.init) }),
               seen.insert(storage).inserted {
                total += heap(32 + c.ports.ranges.count * MemoryLayout<PortRange>.stride - 16)
            }
        }
        return total
    }
}
