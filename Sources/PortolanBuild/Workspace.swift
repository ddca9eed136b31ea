import Foundation
import PortolanAnalysis
import PortolanModel

/// A configuration file beside the documents, loaded: its path (as diagnostics name it), the
/// value parsed from it and what the parser found wrong.
public struct ConfigFile<Value: Sendable>: Sendable {
    public var path: String
    public var value: Value
    public var diagnostics: [Diagnostic]

    public init(path: String, value: Value, diagnostics: [Diagnostic] = []) {
        self.path = path
        self.value = value
        self.diagnostics = diagnostics
    }
}

/// Everything one run reads, already in memory: the documents (each with its reader's
/// diagnostics), the optional alias, inventory and lint files, and what the caller found on the
/// way (a file that could not be read). The library never touches the disk; `previousOutput`
/// is how `build` looks at what an earlier run wrote (to keep a PNG drawn from the same DOT text).
public struct Workspace: Sendable {
    public var model: Model
    public var aliases: ConfigFile<AliasTable>?
    public var inventory: ConfigFile<Inventory>?
    public var lint: ConfigFile<LintConfig>?
    /// The older release, for `diff`.
    public var baseline: Model?
    /// Problems met while gathering the workspace, by path.
    public var problems: [Located]
    /// An earlier output's file by relative path ("cx-contact/connections.png"), or nil.
    public var previousOutput: @Sendable (String) -> Data?

    public init(model: Model, aliases: ConfigFile<AliasTable>? = nil, inventory: ConfigFile<Inventory>? = nil,
                lint: ConfigFile<LintConfig>? = nil, baseline: Model? = nil, problems: [Located] = [],
                previousOutput: @escaping @Sendable (String) -> Data? = { _ in nil }) {
        self.model = model
        self.aliases = aliases
        self.inventory = inventory
        self.lint = lint
        self.baseline = baseline
        self.problems = problems
        self.previousOutput = previousOutput
    }

    /// Parses configuration text into a loaded file (the parsers are pure and never throw).
    public static func aliases(path: String, text: String) -> ConfigFile<AliasTable> {
        let (table, diagnostics) = AliasTable.parse(yaml: text)
        return ConfigFile(path: path, value: table, diagnostics: diagnostics)
    }

    public static func inventory(path: String, text: String) -> ConfigFile<Inventory> {
        let (inventory, diagnostics) = Inventory.parse(text)
        return ConfigFile(path: path, value: inventory, diagnostics: diagnostics)
    }

    public static func lint(path: String, text: String) -> ConfigFile<LintConfig> {
        let (config, diagnostics) = LintConfig.parse(text)
        return ConfigFile(path: path, value: config, diagnostics: diagnostics)
    }
}

/// A diagnostic with the file it is about: printed as `path:line:col: severity: message`.
public struct Located: Sendable, Hashable {
    public var path: String
    public var diagnostic: Diagnostic

    public init(path: String, _ diagnostic: Diagnostic) {
        self.path = path
        self.diagnostic = diagnostic
    }

    public var severity: Severity { diagnostic.severity }
    public var formatted: String { diagnostic.formatted(path: path) }
}
