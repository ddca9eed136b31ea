// The rule registry: every lint rule, sorted by id. Add a rule here when you add its file.

/// Every lint rule Portolan runs, sorted by id.
public enum LintRules {
    public static var all: [any LintRule.Type] {
        [
            ConnectionNumbering.self,
            CrossProductConflict.self,
            DescriptionMismatch.self,
            MissingCell.self,
            NearDuplicateName.self,
            ReversedDirection.self,
            UnknownValue.self,
            WellKnownPort.self,
        ]
    }

    public static var ids: [String] { all.map { $0.id } }

    /// Each rule's id, made once (`String(describing:)` of a type is slow, and a large table's
    /// findings ask for it on every row).
    private static let idsByType = Dictionary(uniqueKeysWithValues: all.map { (ObjectIdentifier($0), $0.id) })

    /// `rule.id`.
    static func id(of rule: any LintRule.Type) -> String {
        idsByType[ObjectIdentifier(rule)] ?? rule.id
    }

    /// The rule with this id, if any.
    public static func rule(_ id: String) -> (any LintRule.Type)? {
        all.first { $0.id == id }
    }
}

/// A rule's id and documentation, for `--list-rules`, SARIF and the rule reference.
public struct LintRuleDescription: Codable, Sendable, Hashable {
    public var id: String
    public var summary: String
    public var rationale: String

    public init(id: String, summary: String, rationale: String) {
        self.id = id
        self.summary = summary
        self.rationale = rationale
    }
}

extension LintRules {
    /// Every rule's description, sorted by id.
    public static var descriptions: [LintRuleDescription] {
        all.map { LintRuleDescription(id: $0.id, summary: $0.summary, rationale: $0.rationale) }
    }

    /// The pseudo-rule reader diagnostics carry.
    public static let reader = LintRuleDescription(
        id: Linter.readerRule,
        summary: "A problem found while reading the document (not a rule; cannot be silenced).",
        rationale: "The reader keeps going past what it cannot read, so a lint run reports it with the rule findings.")
}
