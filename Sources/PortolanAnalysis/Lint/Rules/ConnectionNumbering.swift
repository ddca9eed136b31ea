import PortolanModel

/// Connection numbers of each document run 1, 2, 3, ... with no gaps, repeats or reversals.
public enum ConnectionNumbering: LintRule {
    public static let summary = "Connection numbers run 1, 2, 3, ... in each document: no gaps, duplicates or rows out of order."
    public static let rationale = """
        The numbers are the labels on the diagram's arrows and the references people use in tickets \
        ("CX Contact #5"). A repeated number makes a reference ambiguous (an error); a gap or a row \
        out of order usually means a row was deleted, added or moved without renumbering.
        """

    enum Message {
        static func notANumber(_ number: String) -> String {
            "connection number '\(number)' is not a number"
        }
        static func duplicate(_ number: Int, firstLine: Int) -> String {
            "connection \(number) is numbered twice (first at line \(firstLine))"
        }
        static func outOfOrder(_ number: Int, after previous: Int) -> String {
            "connection \(number) comes after connection \(previous); rows should be in number order"
        }
        static func gap(from: Int, to: Int, before number: Int) -> String {
            from == to ? "connection \(from) is missing (the next row is \(number))"
                       : "connections \(from)-\(to) are missing (the next row is \(number))"
        }
    }

    public static func check(_ context: LintContext) -> [LintFinding] {
        var findings: [LintFinding] = []
        var seenDocuments: Set<String> = []
        // The documents the rows come from, in row order; a second document at a path already seen is not checked.
        for product in context.products {
            for document in product.documents where !document.connections.isEmpty && seenDocuments.insert(document.path).inserted {
                findings += check(document.connections, product: product, document: document)
            }
        }
        return findings
    }

    /// The rows of one document, in source order. A gap is reported at the row numbered just after it.
    static func check(_ rows: [LintRow]) -> [LintFinding] {
        guard let first = rows.first else { return [] }
        return check(rows.map(\.connection), product: first.product, document: first.document)
    }

    /// One document's connections: the rows are made only for the findings.
    static func check(_ connections: [Connection], product: Product, document: Document) -> [LintFinding] {
        func finding(_ index: Int, _ severity: Severity, _ message: String) -> LintFinding {
            LintRow(product: product, document: document, connection: connections[index]).finding(self, severity, message)
        }
        var findings: [LintFinding] = []
        var firstLine: [Int: Int] = [:]
        var numbered: [(number: Int, index: Int)] = []
        var highest = 0
        var inOrder = true
        for (index, connection) in connections.enumerated() {
            guard let number = number(connection.number) else {
                findings.append(finding(index, .warning, Message.notANumber(connection.number)))
                continue
            }
            if let line = firstLine.updateValue(connection.line, forKey: number) {
                firstLine[number] = line
                findings.append(finding(index, .error, Message.duplicate(number, firstLine: line)))
                continue
            }
            numbered.append((number, index))
            if number < highest {
                inOrder = false
                findings.append(finding(index, .warning, Message.outOfOrder(number, after: highest)))
            }
            highest = max(highest, number)
        }
        // Numbers never repeat here, so rows that never went backwards are in number order already.
        let byNumber = inOrder ? numbered : numbered.sorted { $0.number < $1.number }
        var expected = 1
        for (number, index) in byNumber {
            if number > expected {
                findings.append(finding(index, .warning, Message.gap(from: expected, to: number - 1, before: number)))
            }
            expected = number + 1
        }
        return findings
    }

    /// The number a cell writes, spaces around it ignored: `Int` of the cell trimmed of
    /// `CharacterSet.whitespaces`, without asking Foundation to trim a cell that starts and
    /// ends with an ASCII character other than space and tab (nothing to trim).
    static func number(_ cell: String) -> Int? {
        if let first = cell.utf8.first, let last = cell.utf8.last,
           first < 0x80, last < 0x80, first != 0x20, first != 0x09, last != 0x20, last != 0x09 {
            return Int(cell)
        }
        return Int(cell.trimmingCharacters(in: .whitespaces))
    }
}
