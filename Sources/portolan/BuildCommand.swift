import ArgumentParser
import Foundation
import PortolanBuild

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read every document in the input folder and regenerate the output folder.",
        discussion: """
            Writes a folder per product and one for the whole platform (diagrams as DOT, SVG and PNG, \
            tables, firewall sheets, NetworkPolicies, model, lint findings), the site in site/ and its \
            Markdown twin in docs/. A PNG already in the output folder is kept when the DOT text beside \
            it is unchanged and its stamp says it was drawn from that text by this Graphviz version.
            """)

    @Option(help: "Folder of documents, with its aliases.yaml, inventory.yaml and lint.yaml.")
    var input: String = "Input"

    @Option(help: "Folder to write into; Portolan replaces only the files it writes.")
    var output: String = "Output"

    @OptionGroup var site: SiteTitle

    @Flag(help: "Print how long each step took.")
    var timings = false

    func run() throws {
        let output = self.output
        // Taken first, so a second build into this folder waits before it reads what this one writes.
        let lock = try OutputLock(folder: output)
        defer { lock.release() }
        // Each group of files is written as soon as it is made, while Graphviz draws the rest.
        // A page too large to hold whole is written piece by piece as it is made.
        let writer = OutputWriter(root: output)
        let run = try Run(.everything(title: site.title), deliver: { files in
            try writer.check(Array(files.keys))
            try writer.write(files, under: "")
        }, stream: writer.stream, check: { folders in
            // Every folder checked before the first file is written (a linked folder is refused).
            try writer.check(folders.map { "\($0)/-" })
        }) { workspaces in
            var workspace = try workspaces.load([input])
            workspace.previousOutput = { FileManager.default.contents(atPath: "\(output)/\($0)") }
            return workspace
        }
        run.report()
        let result = run.result
        for (index, view) in result.views.enumerated() where view.scope == .product {
            Console.error("[\(index + 1)/\(result.views.count - 1)] \(view.name): \(count(view.connections, "connection")), \(count(view.services, "included service"))")
        }
        let (written, unchanged) = (writer.written.count - writer.unchanged, writer.unchanged)
        if timings { run.printTimings() }
        let documents = run.workspaces.display.count
        let connections = result.views.last.map(\.connections) ?? 0
        let warnings = result.diagnostics.filter { $0.severity == .warning }.count
        Console.error("read \(count(documents, "document")) (\(count(result.views.count - 1, "product")), \(count(connections, "connection")), \(count(warnings, "warning")), \(count(result.findings.count, "lint finding")): see platform/lint.txt); wrote \(count(written, "file")) to \(output)/ (\(unchanged) more \(unchanged == 1 ? "was" : "were") already up to date)")
        try run.exit()
    }
}
