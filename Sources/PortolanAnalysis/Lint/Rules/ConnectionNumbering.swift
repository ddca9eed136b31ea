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
        for row in context.rows where seenDocuments.insert(row.document.path).inserted {
            findings += check(row.document.connections.map {
                LintRow(product: row.product, document: row.document, connection: $0)
            })
        }
        return findings
    }

    /// The rows of one document, in source order. A gap is reported at the row numbered just after it.
    static func check(_ rows: [LintRow]) -> [LintFinding] {
        var findings: [LintFinding] = []
        var firstLine: [Int: Int] = [:]
        var numbered: [(number: Int, row: LintRow)] = []
        var highest = 0
        for row in rows {
            guard let number = Int(row.connection.number.trimmingCharacters(in: .whitespaces)) else {
                findings.append(row.finding(self, .warning, Message.notANumber(row.connection.number)))
                continue
            }
            if let line = firstLine[number] {
                findings.append(row.finding(self, .error, Message.duplicate(number, firstLine: line)))
                continue
            }
            firstLine[number] = row.connection.line
            numbered.append((number, row))
            if number < highest {
                findings.append(row.finding(self, .warning, Message.outOfOrder(number, after: highest)))
            }
            highest = max(highest, number)
        }
        let byNumber = numbered.sorted { $0.number < $1.number }
        var expected = 1
        for (number, row) in byNumber {
            if number > expected {
                findings.append(row.finding(self, .warning, Message.gap(from: expected, to: number - 1, before: number)))
            }
            expected = number + 1
        }
        return findings
    }
}
