import PortolanModel

/// A copied web table loses a cell that spanned several rows, and the row's other cells
/// shift left. The protocol, port and classification cells look like themselves, so they
/// show where the names end and the description starts; the lost cell is reported, never
/// filled with a neighbour's value.
enum Realign {
    struct Result {
        var cells: RowBuilder.Cells
        var diagnostics: [Diagnostic]
    }

    /// `texts`: the row's cells in order, the first being the number. Nil when the cells
    /// hold no protocol, port or classification to align by.
    static func cells(_ texts: [String], line: Int, columnCount: Int) -> Result? {
        guard texts.count >= 2, texts.count < columnCount else { return nil }
        let portIndex = texts.indices.dropFirst().first { isPortCell(texts[$0]) }
        let classIndex = texts.indices.dropFirst().first { Anchor.isClassification(Text.trimmed(texts[$0])) }
        // The protocol stands just before the port (or the classification): a name such as
        // "PostgreSQL" earlier in the row is not the protocol.
        let protocolIndex = [portIndex, classIndex].compactMap { $0 }.min()
            .flatMap { $0 - 1 >= 1 && isProtocolCell(texts[$0 - 1]) ? $0 - 1 : nil }
        let found = [protocolIndex, portIndex, classIndex].compactMap { $0 }
        guard let first = found.min(), let last = found.max() else { return nil }
        let number = Text.trimmed(texts[0])
        let names = Array(texts[1..<first])
        var missing: [String] = []
        var source = "", destination = ""
        switch names.count {
        case 0: missing = ["Source", "Destination"]
        case 1: destination = names[0]; missing = ["Source"]
        default: source = names[0]; destination = names[1...].joined(separator: " ")
        }
        var diagnostics: [Diagnostic] = []
        if !missing.isEmpty {
            diagnostics.append(Diagnostic(.warning, "connection \(number): the row has \(texts.count) cells for \(columnCount) columns; the \(missing.joined(separator: " and ")) cell is missing (a cell spanning several rows is lost when a web table is copied), the other cells were aligned by their content", line: line))
        }
        let cells = RowBuilder.Cells(
            number: number, source: source, destination: destination,
            protocol: protocolIndex.map { texts[$0] } ?? "", port: portIndex.map { texts[$0] } ?? "",
            classification: classIndex.map { texts[$0] } ?? "",
            description: texts[(last + 1)...].joined(separator: " "), line: line)
        return Result(cells: cells, diagnostics: diagnostics)
    }

    static func isProtocolCell(_ text: String) -> Bool {
        let words = Text.words(text)
        return !words.isEmpty && words.count <= 2 && words.allSatisfy(Vocabulary.isProtocol)
    }

    static func isPortCell(_ text: String) -> Bool {
        let trimmed = Text.trimmed(text)
        if trimmed.lowercased().hasPrefix("not known") || trimmed.uppercased() == "N/A" { return true }
        let words = Text.words(trimmed)
        return !words.isEmpty && words.allSatisfy(PortCell.isPortWord)
    }
}
