import PortolanModel
import PortolanReaders
import Yams

/// The lint configuration (`Input/lint.yaml`): findings silenced per rule, optionally per
/// product and connection, each with the reason it is accepted.
///
/// ```yaml
/// silence:
///   - rule: WellKnownPort
///     product: Genesys Pulse
///     connection: 2
///     reason: Redis listens on 6380 (TLS) in this deployment.
/// ```
public struct LintConfig: Sendable, Hashable {
    public struct Silence: Sendable, Hashable {
        public var rule: String
        public var product: String?
        public var connection: String?
        public var reason: String
        /// Where the entry starts in the file (1-based).
        public var line: Int

        public init(rule: String, product: String? = nil, connection: String? = nil, reason: String, line: Int = 0) {
            self.rule = rule
            self.product = product
            self.connection = connection
            self.reason = reason
            self.line = line
        }

        /// True when the silence covers the finding: same rule, and the product and connection when given.
        public func covers(_ finding: LintFinding) -> Bool {
            guard finding.rule == rule else { return false }
            if let product, Slug.make(product) != finding.product.map(Slug.make) { return false }
            if let connection, connection != finding.connection { return false }
            return true
        }
    }

    public var silences: [Silence]

    public init(silences: [Silence] = []) {
        self.silences = silences
    }

    /// Reads the YAML text; entries with an unknown rule or no reason are left out with an error.
    public static func parse(_ text: String) -> (LintConfig, [Diagnostic]) {
        let (config, diagnostics) = read(text)
        return (config, diagnostics.map(\.visible))
    }

    private static func read(_ text: String) -> (LintConfig, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let composed = YAMLTree.compose(text, syntaxPrefix: "not valid YAML: ")
        diagnostics = composed.diagnostics
        if composed.root == nil, !diagnostics.isEmpty { return (LintConfig(), diagnostics) }
        let root = composed.root
        guard let root, let mapping = root.mapping else {
            if root == nil { return (LintConfig(), []) }
            return (LintConfig(), [Diagnostic(.error, "expected a mapping with a 'silence' list", line: line(root))])
        }
        var silences: [Silence] = []
        for (key, value) in mapping {
            guard key.string == "silence" else {
                diagnostics.append(Diagnostic(.warning, "unknown key '\(key.string ?? "")' (expected 'silence')", line: line(key)))
                continue
            }
            guard let entries = value.sequence else {
                diagnostics.append(Diagnostic(.error, "'silence' must be a list", line: line(value)))
                continue
            }
            for entry in entries {
                let (silence, problems) = self.silence(entry)
                diagnostics += problems
                if let silence { silences.append(silence) }
            }
        }
        return (LintConfig(silences: silences), diagnostics)
    }

    static func silence(_ node: Node) -> (Silence?, [Diagnostic]) {
        let at = line(node)
        let column = node.mark?.column
        guard let mapping = node.mapping else {
            return (nil, [Diagnostic(.error, "a silence is a mapping with rule, reason and optional product and connection", line: at)])
        }
        var fields: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for (key, value) in mapping {
            let name = key.string ?? ""
            guard ["rule", "product", "connection", "reason"].contains(name) else {
                diagnostics.append(Diagnostic(.warning, "unknown key '\(name)' in a silence (expected rule, product, connection, reason)", line: line(key)))
                continue
            }
            // A plain ~ or null is YAML's empty value, not the text "~".
            fields[name] = value.null == nil ? value.string.map { $0.trimmingCharacters(in: .whitespaces) } : nil
        }
        guard let rule = fields["rule"], !rule.isEmpty else {
            return (nil, diagnostics + [Diagnostic(.error, "a silence needs a rule", line: at, column: column)])
        }
        guard LintRules.rule(rule) != nil else {
            let hint = ProtocolWords.closest(to: rule, among: LintRules.ids).map { "; did you mean '\($0)'?" } ?? ""
            return (nil, diagnostics + [Diagnostic(.error, "unknown rule '\(rule)'\(hint)", line: at, column: column)])
        }
        guard let reason = fields["reason"], !reason.isEmpty else {
            return (nil, diagnostics + [Diagnostic(.error, "the silence of \(rule) needs a reason", line: at, column: column)])
        }
        return (Silence(rule: rule, product: fields["product"], connection: fields["connection"], reason: reason, line: at ?? 0), diagnostics)
    }

    static func line(_ node: Node?) -> Int? {
        node?.mark.map { $0.line }
    }
}
