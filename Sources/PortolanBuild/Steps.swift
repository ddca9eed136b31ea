import Foundation
import PortolanAnalysis
import PortolanEmitters
import PortolanModel

/// The build's smaller steps, each adding its files and diagnostics to the result.
struct Steps {
    let workspace: Workspace

    /// What gathering the workspace met, then each configuration file's diagnostics, then the
    /// documents' (the baseline's first, for `diff`).
    func gathered() -> [Located] {
        var located = workspace.problems
        located += workspace.aliases.map { file in file.diagnostics.map { Located(path: file.path, $0) } } ?? []
        located += workspace.inventory.map { file in file.diagnostics.map { Located(path: file.path, $0) } } ?? []
        located += workspace.lint.map { file in file.diagnostics.map { Located(path: file.path, $0) } } ?? []
        for document in (workspace.baseline?.documents ?? []) + workspace.model.documents {
            located += document.diagnostics.map { Located(path: document.path, $0) }
        }
        return located
    }

    func parse(_ request: Request, model: Model, into result: inout BuildResult) throws {
        guard request.parts.contains(.parse) else { return }
        if request.modelFormat == "yaml" {
            result.files["model.yaml"] = Data(try YAMLModel.emit(model).utf8)
        } else {
            result.files["model.json"] = try ModelSerialization.jsonData(model)
        }
    }

    func diff(_ request: Request, products: [Product], inventory: Inventory, into result: inout BuildResult) throws {
        guard request.parts.contains(.diff), let baseline = workspace.baseline else { return }
        let diff = Differ.diff(old: Products.group(baseline), new: products, inventory: inventory)
        result.diff = diff
        let data: Data
        switch request.diffFormat {
        case "json": data = Data(try DiffJSON.render(diff).utf8)
        case "csv": data = Data(DiffCSV.render(diff).utf8)
        case "xlsx": data = try DiffXLSX.data(diff)
        default: data = Data(DiffMarkdown.render(diff, old: request.diffLabels.old, new: request.diffLabels.new).utf8)
        }
        result.files["diff.\(request.diffFormat)"] = data
    }

    typealias LintRun = (findings: [LintFinding], silenced: [(silence: LintConfig.Silence, count: Int)])

    /// Every lint finding (needed by the lint files and the pages), if the request needs them;
    /// pure, so it can run beside the graphs.
    func lintRun(_ request: Request, products: [Product]) -> LintRun? {
        guard request.parts.contains(.lint) || request.makesPages else { return nil }
        return LintFiles.run(Model(documents: products.flatMap(\.documents)), products: products,
                             config: workspace.lint?.value ?? LintConfig())
    }

    /// The lint run's findings into the result; silences that matched nothing are notes on the
    /// configuration file.
    func lint(_ run: LintRun?, request: Request, into result: inout BuildResult) -> [LintFinding] {
        guard let run else { return [] }
        result.findings = run.findings
        result.silenced = run.silenced.map(\.count).reduce(0, +)
        // A rule's error (a connection numbered twice) fails every command that lints, as it
        // fails `lint`; the readers' own findings are already among the documents' diagnostics.
        for finding in run.findings where finding.severity == .error && finding.rule != Linter.readerRule {
            result.diagnostics.append(Located(path: finding.path, Diagnostic(.error, "\(finding.message) [\(finding.rule)]",
                                                                           line: finding.line, column: finding.column)))
        }
        if request.parts.contains(.lint), let file = workspace.lint {
            for (silence, count) in run.silenced where count == 0 {
                result.diagnostics.append(Located(path: file.path, Diagnostic(.note,
                    "this silence of \(silence.rule) matched no finding; remove it if the problem is fixed", line: silence.line)))
            }
        }
        return run.findings
    }
}

/// Wall-clock time per step, kept in the result for `--timings`.
struct Clock {
    private var last = DispatchTime.now().uptimeNanoseconds
    private let start = DispatchTime.now().uptimeNanoseconds

    mutating func lap(_ step: String, into result: inout BuildResult) {
        let now = DispatchTime.now().uptimeNanoseconds
        result.timings.append((step, Double(now - last) / 1e9))
        last = now
    }

    /// A step whose time was counted in pieces (each view's tables, each view's page).
    mutating func lap(_ step: String, seconds: Double, into result: inout BuildResult) {
        result.timings.append((step, seconds))
        last = DispatchTime.now().uptimeNanoseconds
    }

    static var now: UInt64 { DispatchTime.now().uptimeNanoseconds }

    static func seconds(since start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

    /// The order `--timings` lists the steps in: the pipeline's, whatever order they ran in
    /// (lint and the views' graphs run side by side, each its own lap).
    static let listed = ["products and views", "tables and firewall sheets", "lint",
                         "diagrams and pages (as Graphviz draws them)", "landscape and focus pages", "site index"]

    func finish(into result: inout BuildResult) {
        let place = { (step: String) in Self.listed.firstIndex(of: step) ?? Self.listed.count }
        result.timings = result.timings.enumerated().sorted { (place($0.element.step), $0.offset) < (place($1.element.step), $1.offset) }.map(\.element)
        result.timings.append(("total", Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
    }
}
