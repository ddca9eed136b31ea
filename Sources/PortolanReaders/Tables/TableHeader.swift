/// Recognises table headers by their words, wherever the table is in a document.
public enum Column: String, Sendable, CaseIterable, Codable {
    case number, source, destination, `protocol`, port, classification, description
    /// A cell that holds both ("443/TCP"), under a header such as "Port/Protocol".
    case portProtocol = "port/protocol"
    /// The client's port: kept as an attribute, never taken as the destination port.
    case sourcePort = "source port"
    /// One "Source/Destination" column; the other side is the table's own product.
    case party = "source/destination"
}

enum TableHeader {
    /// The column a header cell names, or nil. Words, not positions, decide.
    static func column(forCell cell: String) -> Column? {
        let words = Text.words(cleanCell(cell).lowercased())
        guard let first = words.first else { return nil }
        let joined = words.joined(separator: " ")
        if words.contains(where: { $0.hasPrefix("classification") || $0 == "direction" }) { return .classification }
        if first == "data" || first.hasPrefix("description") || first == "purpose" || joined.contains("travels") { return .description }
        if first.hasPrefix("source") || first == "from" || first == "initiator" { return .source }
        if first.hasPrefix("destination") || first == "to" || first == "target" { return .destination }
        if first.hasPrefix("protocol") { return .protocol }
        if first == "port" || first == "ports" || first == "port(s)" { return .port }
        if ["connection", "no", "no.", "#", "number", "id", "conn", "conn."].contains(first) && words.count <= 2 { return .number }
        return nil
    }

    /// Columns of a header row given as cells, or nil when the cells are not a connections header.
    static func connectionColumns(cells: [String]) -> [Column?]? {
        let columns = cells.map(column(forCell:))
        return isConnectionsHeader(columns.compactMap { $0 }) ? columns : nil
    }

    static func isConnectionsHeader(_ found: [Column]) -> Bool {
        let set = Set(found)
        guard set.contains(.source), set.contains(.destination) else { return false }
        return set.intersection([.number, .protocol, .port, .classification]).count >= 2
    }

    /// True for an "Included services" header row given as cells.
    static func isServicesHeader(cells: [String]) -> Bool {
        let lowered = cells.map { cleanCell($0).lowercased() }.filter { !$0.isEmpty }
        guard lowered.count >= 2 else { return false }
        return lowered[0].hasPrefix("included service") && lowered.dropFirst().contains { $0.hasPrefix("description") }
    }

    /// The fields of a header written as plain words on one line ("Connection Source
    /// Destination Protocol Port Classification [Data that travels ...]"), in order, or nil
    /// when the line holds any word that is not a header word (so prose never matches).
    static func wordColumns(line: String) -> [Column]? {
        let words = Text.words(cleanCell(line)).flatMap(unglued)
        var columns: [Column] = []
        var i = 0
        while i < words.count {
            let word = words[i].lowercased().trimmingPunctuation
            if word == "connection", i + 1 < words.count, words[i + 1].lowercased().hasPrefix("classification") {
                columns.append(.classification)
                i += 2
                continue
            }
            guard let column = column(forCell: word) else { return nil }
            columns.append(column)
            if column == .description { break }
            i += 1
        }
        return isConnectionsHeader(columns) && columns.first == .number ? columns : nil
    }

    /// "ConnectionSourceDestination" (header cells copied without separators) split where a
    /// lowercase letter meets a capital; other words unchanged.
    static func unglued(_ word: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var previousLower = false
        for ch in word {
            if ch.isUppercase && previousLower && !current.isEmpty {
                parts.append(current)
                current = ""
            }
            current.append(ch)
            previousLower = ch.isLowercase
        }
        if !current.isEmpty { parts.append(current) }
        // Only when every part is a header word; "FrontEnd" stays one word.
        return parts.count > 1 && parts.allSatisfy({ column(forCell: $0) != nil }) ? parts : [word]
    }

    /// Removes tags, Markdown emphasis and a trailing colon from a header cell.
    static func cleanCell(_ cell: String) -> String {
        Text.collapseSpaces(Text.stripTags(cell).replacingAll("**", with: "").replacingAll("__", with: ""))
    }
}

extension String {
    var trimmingPunctuation: String {
        var s = Substring(self)
        while let l = s.last, ":.,;".contains(l) { s = s.dropLast() }
        return String(s)
    }

    func replacingAll(_ target: String, with replacement: String) -> String {
        // Bytes, not Foundation's `contains`, which costs a locale-aware search per call.
        guard !target.isEmpty, Text.has(self, target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
