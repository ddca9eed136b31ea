import PortolanAnalysis
import PortolanModel
import Testing
@testable import PortolanBuild

/// The reader's findings merged into the rules' (already in place order) give the list a full
/// sort gives, the reader's first among equals; rules' findings out of that order are sorted.
@Suite struct LintFilesTests {
    static func finding(_ rule: String, _ path: String, _ line: Int, _ column: Int = 1, _ message: String = "m",
                        severity: Severity = .warning) -> LintFinding {
        LintFinding(rule: rule, severity: severity, message: message, path: path, line: line, column: column)
    }

    @Test func readerFindingsAreMergedInPlace() {
        let rules = [Self.finding("WellKnownPort", "a.txt", 3), Self.finding("WellKnownPort", "a.txt", 7),
                     Self.finding("MissingCell", "a.txt", 7, 2), Self.finding("UnknownValue", "b.txt", 1)]
        // One before every rule finding, one equal to a rule finding but for its severity, one
        // between, one after all: given out of order.
        let reader = [Self.finding("reader", "c.txt", 9), Self.finding("WellKnownPort", "a.txt", 7, severity: .note),
                      Self.finding("reader", "a.txt", 1), Self.finding("reader", "a.txt", 5)]
        let merged = LintFiles.merged(reader, rules)
        #expect(merged.map { "\($0.path):\($0.line):\($0.column) \($0.rule) \($0.severity)" } == [
            "a.txt:1:1 reader warning", "a.txt:3:1 WellKnownPort warning", "a.txt:5:1 reader warning",
            "a.txt:7:1 WellKnownPort note", "a.txt:7:1 WellKnownPort warning", "a.txt:7:2 MissingCell warning",
            "b.txt:1:1 UnknownValue warning", "c.txt:9:1 reader warning",
        ])
        #expect(merged == (reader + rules).sorted(by: LintFiles.listedBefore))
    }

    @Test func rulesOutOfPlaceOrderAreSorted() {
        // A PDF's findings are in page order first: line 2 of page 2 after line 9 of page 1.
        let rules = [Self.finding("WellKnownPort", "a.pdf", 9), Self.finding("WellKnownPort", "a.pdf", 2)]
        let merged = LintFiles.merged([Self.finding("reader", "a.pdf", 5)], rules)
        #expect(merged.map(\.line) == [2, 5, 9])
    }
}
