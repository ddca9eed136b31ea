import ArgumentParser
import Foundation
import PortolanAnalysis
import PortolanBuild
import PortolanEmitters
import PortolanModel

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check connections tables for mistakes before publishing: numbering, missing cells, unknown values, ports, direction, names, conflicts.",
        discussion: """
            Findings print as `path:line:col: severity: message [rule-id]`. The exit code is 1 when an error \
            was found, or a warning with --strict. Findings are silenced in lint.yaml beside the documents \
            (or --config): each silence names a rule, optionally a product and a connection, and a reason. \
            Without a path, the documents of the Input folder are checked.
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

    @OptionGroup var file: OutputFile

    @Argument(help: "Documents or folders of documents (default: the Input folder).")
    var paths: [String] = []

    func run() throws {
        if ruleDocs { return try Run.emit(Data(LintRuleDocs.markdown(LintRules.descriptions).utf8), output: file.output) }
        if listRules {
            let text = format == .text ? LintText.ruleList(LintRules.descriptions) : try LintJSON.ruleList(LintRules.descriptions)
            return try Run.emit(Data(text.utf8), output: file.output)
        }
        var paths = self.paths
        if paths.isEmpty {
            guard Workspaces.isDirectory("Input") else {
                Console.error("portolan: error: name the documents or folders to check (there is no Input folder here to check by default)")
                throw ExitCode.validationFailure
            }
            paths = ["Input"]
        }
        let request = Request(parts: [.lint], scopes: [.platform], lintFormats: [format.rawValue])
        let run = try Run(request) { try $0.load(paths, lint: config, configs: [.lint]) }
        // The findings carry the readers' diagnostics: they print once, in the findings.
        Console.report(run.result.diagnostics.filter { run.workspaces.display[$0.path] == nil }, display: run.workspaces.display)
        let name = ["text": "lint.txt", "json": "lint.json", "sarif": "lint.sarif"][format.rawValue]!
        try Run.emit(run.result.files["platform/\(name)"] ?? Data(), output: file.output)
        let findings = run.result.findings
        let of = { (severity: Severity) in findings.filter { $0.severity == severity }.count }
        let silenced = run.result.silenced
        Console.error("\(count(findings.count, "finding")) (\(count(of(.error), "error")), \(count(of(.warning), "warning")), \(count(of(.note), "note")))"
                      + (silenced > 0 ? "; \(silenced) silenced" : "") + " in \(count(run.workspaces.display.count, "document"))")
        let worst = ([findings.map(\.severity).max(), run.result.worst] as [Severity?]).compactMap { $0 }.max()
        if worst == .error || (strict && worst == .warning) { throw ExitCode(1) }
    }
}
