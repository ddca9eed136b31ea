import ArgumentParser
import Foundation
import PortolanAnalysis
import PortolanEmitters
import PortolanModel

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check connections tables for mistakes before publishing: numbering, missing cells, unknown values, ports, direction, names, conflicts.",
        discussion: """
            Findings print as `path:line:col: severity: message [rule-id]`. The exit code is 1 when an error \
            was found, or a warning with --strict. Findings are silenced in lint.yaml beside the documents \
            (or --config): each silence names a rule, optionally a product and a connection, and a reason.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, sarif }

    @Option(help: "Output format: text, json or sarif (SARIF 2.1.0).")
    var format: Format = .text

    @Flag(help: "Fail (exit 1) on warnings too.")
    var strict = false

    @Flag(help: "Print the rules with their ids and one-line descriptions, and exit.")
    var listRules = false

    @Flag(help: ArgumentHelp("Print the rule reference (the README's Lint rules section) as Markdown, and exit.", visibility: .hidden))
    var ruleDocs = false

    @Option(help: "Lint configuration (YAML silences). Default: lint.yaml in the first folder given.")
    var config: String?

    @Option(help: "File to write (default: standard output).")
    var output: String?

    @Argument(help: "Documents or folders of documents.")
    var paths: [String] = []

    static let configFileName = "lint.yaml"

    func validate() throws {
        if paths.isEmpty && !listRules && !ruleDocs { throw ValidationError("name at least one document or folder") }
    }

    func run() throws {
        if ruleDocs {
            try TableOutputs.emit(Data(LintRuleDocs.markdown(LintRules.descriptions).utf8), output: output)
            return
        }
        if listRules {
            let text = format == .text ? LintText.ruleList(LintRules.descriptions) : try LintJSON.ruleList(LintRules.descriptions)
            try TableOutputs.emit(Data(text.utf8), output: output)
            return
        }
        let model = try Inputs.model(paths)
        let (loaded, configPath, configWorst) = try loadConfig()
        let result = Linter.run(Products.group(model), config: loaded)
        let findings = (Linter.readerFindings(model) + result.findings).sorted {
            ($0.path, $0.line, $0.column, $0.rule, $0.message) < ($1.path, $1.line, $1.column, $1.rule, $1.message)
        }
        let text: String
        switch format {
        case .text: text = LintText.render(findings)
        case .json: text = try LintJSON.render(findings)
        case .sarif: text = try LintSARIF.render(findings, rules: LintRules.descriptions)
        }
        try TableOutputs.emit(Data(text.utf8), output: output)
        if let configPath {
            for (silence, count) in result.silenced where count == 0 {
                Console.error(Diagnostic(.note, "this silence of \(silence.rule) matched no finding; remove it if the problem is fixed",
                                         line: silence.line).formatted(path: configPath))
            }
        }
        let count = { (severity: Severity) in findings.filter { $0.severity == severity }.count }
        let silenced = result.silenced.map(\.count).reduce(0, +)
        Console.error("\(findings.count) findings (\(count(.error)) errors, \(count(.warning)) warnings, \(count(.note)) notes)"
                      + (silenced > 0 ? "; \(silenced) silenced" : "") + " in \(model.documents.count) documents")
        let worst = [findings.map(\.severity).max(), configWorst].compactMap { $0 }.max()
        if worst == .error || (strict && worst == .warning) { throw ExitCode(1) }
    }

    /// The configuration: --config (which must exist), else lint.yaml in the first folder given, else none.
    /// Its diagnostics print as `path:line:col: severity: message`.
    func loadConfig() throws -> (LintConfig, String?, Severity?) {
        guard let file = try Inputs.configFile(explicit: config, named: Self.configFileName, inputs: paths, what: "lint configuration") else {
            return (LintConfig(), nil, nil)
        }
        let (config, diagnostics) = LintConfig.parse(file.text)
        for diagnostic in diagnostics { Console.error(diagnostic.formatted(path: file.path)) }
        return (config, file.path, diagnostics.map(\.severity).max())
    }
}
