import PortolanModel

/// Pieces of the direct writers (`connection`, `firewallSheet`): objects, arrays and port
/// ranges laid out as the generic writer lays them out.
extension JSONBytes {
    /// An array whose first line is placed and whose closing bracket is `depth` levels down, as
    /// the generic writer writes one (an empty one is a blank line between its brackets); each
    /// element is written at `depth + 1`.
    static func array<T>(_ elements: [T], depth: Int, into output: Output, element: (T, Int) throws -> Void) rethrows {
        output.append("[\n")
        for (index, value) in elements.enumerated() {
            if index > 0 { output.append(",\n") }
            output.indent(depth + 1)
            try element(value, depth + 1)
        }
        output.append("\n")
        output.indent(depth)
        output.append("]")
    }

    /// An object's members written in the order given (their keys' sorted order); `depth` is
    /// the object's closing bracket's.
    struct Members {
        let output: Output
        let depth: Int
        var first = true

        init(output: Output, depth: Int) {
            self.output = output
            self.depth = depth
        }

        /// A key of plain letters (nothing to escape).
        mutating func key(_ name: StaticString) {
            output.append(first ? "{\n" : ",\n")
            first = false
            output.indent(depth + 1)
            output.append(0x22)
            output.append(name)
            output.append("\" : ")
        }

        func end() {
            output.append(first ? "{\n\n" : "\n")
            output.indent(depth)
            output.append("}")
        }
    }

    /// `{ "from" : 443, "to" : 443 }` over lines, closing bracket `depth` levels down.
    static func portRange(_ range: PortRange, depth: Int, into output: Output) {
        var members = Members(output: output, depth: depth)
        members.key("from")
        output.integer(range.from)
        members.key("to")
        output.integer(range.to)
        members.end()
    }
}
