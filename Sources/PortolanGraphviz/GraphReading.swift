@preconcurrency import CGraphviz
import Foundation

/// Reads DOT text into a cgraph graph whose object ids follow the text, not the heap.
///
/// cgraph's default id discipline uses the address of a name's string as its id, and `dot`
/// (2.43) walks subgraphs, and so clusters, in id order. The first layout in a process gets
/// addresses in allocation order; later ones reuse freed memory, so the same DOT text could be
/// laid out differently depending on what the process did before. Here a named object's id is
/// its position among the names in the text (even numbers, as cgraph expects) and anonymous
/// objects count up on their own (odd numbers), so every layout of the same text is the same.
enum GraphReading {
    static func read(_ dot: String) -> UnsafeMutablePointer<Agraph_t>? {
        let reader = Reader(Array(dot.utf8))
        // cgraph counts lines across reads, and its lexer keeps what a failed read left in its
        // buffer; its messages ("syntax error in line N") must count from this text's first
        // line, so the buffer is flushed and the count starts again here.
        aglexbad()
        agreadline(1)
        return withExtendedLifetime(reader) {
            var discipline = Agdisc_t(mem: &AgMemDisc, id: &ids, io: &io)
            return agread(Unmanaged.passUnretained(reader).toOpaque(), &discipline)
        }
    }

    /// The text being read; cgraph pulls it line by line.
    final class Reader {
        let bytes: [UInt8]
        var offset = 0

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
        }
    }

    /// Names of one graph in first-seen order; the id of the n-th name (from 1) is 2n.
    final class Names {
        var index: [String: UInt64] = [:]
        var strings: [UnsafeMutablePointer<CChar>] = []
        var anonymous: UInt64 = 1

        deinit { strings.forEach { free($0) } }
    }

    // Graphviz keeps pointers to these for as long as a graph lives; they are only used under
    // Graphviz's lock.
    nonisolated(unsafe) static var io = Agiodisc_t(
        afread: { channel, buffer, size in
            guard let channel, let buffer, size > 1 else { return 0 }
            let reader = Unmanaged<Reader>.fromOpaque(channel).takeUnretainedValue()
            var count = 0
            while reader.offset < reader.bytes.count, count < Int(size) - 1 {
                let byte = reader.bytes[reader.offset]
                buffer[count] = CChar(bitPattern: byte)
                count += 1
                reader.offset += 1
                if byte == UInt8(ascii: "\n") { break }
            }
            return Int32(count)
        },
        // Portolan never writes graphs back out through cgraph.
        putstr: { _, _ in 0 },
        flush: { _ in 0 })

    nonisolated(unsafe) static var ids = Agiddisc_t(
        open: { _, _ in UnsafeMutableRawPointer(Unmanaged.passRetained(Names()).toOpaque()) },
        map: { state, _, name, id, create in
            guard let state, let id else { return 0 }
            let names = Unmanaged<Names>.fromOpaque(state).takeUnretainedValue()
            guard let name else {
                id.pointee = names.anonymous
                names.anonymous += 2
                return 1
            }
            let key = String(cString: name)
            if let known = names.index[key] {
                id.pointee = known
                return 1
            }
            guard create != 0, let copy = strdup(name) else { return 0 }
            names.strings.append(copy)
            let assigned = UInt64(2 * names.strings.count)
            names.index[key] = assigned
            id.pointee = assigned
            return 1
        },
        alloc: { _, _, _ in 0 },
        free: { _, _, _ in },
        print: { state, _, id in
            guard let state, id % 2 == 0, id > 0 else { return nil }
            let names = Unmanaged<Names>.fromOpaque(state).takeUnretainedValue()
            let position = Int(id / 2) - 1
            return position < names.strings.count ? names.strings[position] : nil
        },
        close: { state in
            guard let state else { return }
            Unmanaged<Names>.fromOpaque(state).release()
        },
        idregister: { _, _, _ in })
}
