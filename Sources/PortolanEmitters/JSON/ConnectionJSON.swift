import PortolanModel

extension JSONBytes {
    /// A connection's object, written directly: the same bytes as its `encode(to:)` through the
    /// generic writer (keys sorted, absent cells `null`, `page` and `attributes` only when
    /// present), without a writer per member: a million rows' model is written three times.
    /// `JSONBytesTests` holds the two equal.
    static func connection(_ row: Connection, depth: Int, into output: Output) throws {
        let inner = depth + 1
        var first = true
        func key(_ name: StaticString) {
            output.append(first ? "{\n" : ",\n")
            first = false
            output.indent(inner)
            output.append("\"")
            output.append(name)
            output.append("\" : ")
        }
        func optional(_ text: String?) {
            if let text { output.string(text) } else { output.null() }
        }
        if !row.attributes.isEmpty {
            key("attributes")
            try write(row.attributes, depth: inner, into: output)
        }
        key("classification")
        optional(row.classification)
        key("column")
        output.integer(row.column)
        key("configurable")
        output.bool(row.ports.configurable)
        key("description")
        output.string(row.description)
        key("destination")
        output.string(row.destination)
        key("line")
        output.integer(row.line)
        key("number")
        output.string(row.number)
        if let page = row.page {
            key("page")
            output.integer(page)
        }
        key("portText")
        optional(row.ports.text)
        key("ports")
        array(row.ports.ranges, depth: inner, into: output) { range, depth in portRange(range, depth: depth, into: output) }
        key("protocol")
        optional(row.protocol)
        key("source")
        output.string(row.source)
        output.append("\n")
        output.indent(depth)
        output.append("}")
    }
}
