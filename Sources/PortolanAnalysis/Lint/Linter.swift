import Dispatch
import PortolanModel

/// Runs every rule over the products of a run and applies the configuration's silences.
public enum Linter {
    public struct Result: Sendable, Hashable {
        /// Findings left after silencing, in source order.
        public var findings: [LintFinding]
        /// How many findings each silence covered, in the configuration's order.
        public var silenced: [(silence: LintConfig.Silence, count: Int)]

        public static func == (lhs: Result, rhs: Result) -> Bool {
            lhs.findings == rhs.findings && lhs.silenced.map(\.silence) == rhs.silenced.map(\.silence)
                && lhs.silenced.map(\.count) == rhs.silenced.map(\.count)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(findings)
        }

        public var worstSeverity: Severity? { findings.map(\.severity).max() }
    }

    /// All findings of all rules (or of `rules`), in source order, without silences.
    public static func findings(_ products: [Product], rules: [any LintRule.Type] = LintRules.all) -> [LintFinding] {
        let context = LintContext(products: products)
        // The rules are pure functions of the context: each runs on a core of its own, and their
        // findings are put together in the rules' order before sorting, as one after another.
        nonisolated(unsafe) var found = [[LintFinding]](repeating: [], count: rules.count)
        nonisolated(unsafe) let rules = rules
        found.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: rules.count) { index in
                slots[index] = rules[index].check(context)
            }
        }
        // Sorted in place, the rules' own lists let go first: a million rows' half a million
        // findings are not held three times over.
        var all = found.flatMap { $0 }
        found = []
        all.sort(by: LintFinding.sourceOrder)
        return all
    }

    public static func run(_ products: [Product], config: LintConfig = LintConfig()) -> Result {
        let all = findings(products)
        // Nothing to silence: the findings as they are, not copied.
        guard !config.silences.isEmpty else { return Result(findings: all, silenced: []) }
        var kept: [LintFinding] = []
        var counts = Array(repeating: 0, count: config.silences.count)
        for finding in all {
            if let index = config.silences.firstIndex(where: { $0.covers(finding) }) {
                counts[index] += 1
            } else {
                kept.append(finding)
            }
        }
        return Result(findings: kept, silenced: Array(zip(config.silences, counts)))
    }

    /// The reader's empty-cell warnings that `MissingCell` reports again, with a hint.
    static let codesMissingCellReports: Set<String> = ["empty-protocol", "empty-port", "empty-classification"]

    /// Reader diagnostics as findings of the pseudo-rule `reader`, except the empty-cell warnings
    /// `MissingCell` reports with a hint.
    public static func readerFindings(_ model: Model) -> [LintFinding] {
        model.documents.flatMap { document in
            document.diagnostics.filter { !codesMissingCellReports.contains($0.code ?? "") }.map {
                LintFinding(rule: readerRule, severity: $0.severity, message: $0.message, path: document.path,
                            line: $0.line ?? 1, column: $0.column ?? 1, page: $0.page)
            }
        }
    }

    /// The id reader diagnostics carry in lint output.
    public static let readerRule = "reader"
}
