import PortolanModel

extension WrappedTable {
    /// A row's anchor spot in 32 bits, kept between learning the names and giving the row, so
    /// the row's lines are not searched again: the line in the row (under 40), the window's
    /// start and end in it (under 4,096) and whether the window has a protocol and a
    /// classification (its other words are the port's, `Anchor.match` takes them in `order`).
    enum PackedSpot {
        /// No spot kept: the row is searched again.
        static let none = UInt32.max

        static func pack(_ spot: AnchorSpot) -> UInt32 {
            let (line, anchor) = spot
            guard line < 40, anchor.end < 4096, anchor.start <= anchor.end else { return none }
            return UInt32(line) << 26 | UInt32(anchor.start) << 14 | UInt32(anchor.end) << 2
                | (anchor.protocol == nil ? 0 : 2) | (anchor.classification == nil ? 0 : 1)
        }

        /// The spot `pack` kept, made again from the row's words (the same row it was packed from).
        static func unpack(_ code: UInt32, in row: Row, order: [Column]) -> AnchorSpot {
            let line = Int(code >> 26), start = Int(code >> 14 & 0xFFF), end = Int(code >> 2 & 0xFFF)
            let hasProtocol = code & 2 != 0, hasClassification = code & 1 != 0
            let words = row.lines[line].words
            var anchor = Anchor(start: start, end: end, protocol: nil, portWords: [], classification: nil)
            let portCount = end - start - (hasProtocol ? 1 : 0) - (hasClassification ? 1 : 0)
            var i = start
            for column in order {
                switch column {
                case .protocol where hasProtocol:
                    anchor.protocol = words[i]
                    i += 1
                case .port where portCount > 0:
                    anchor.portWords = Array(words[i..<(i + portCount)])
                    i += portCount
                case .classification where hasClassification:
                    anchor.classification = words[i]
                    i += 1
                default:
                    break
                }
            }
            return (line, anchor)
        }
    }
}
