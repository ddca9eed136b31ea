import ArgumentParser
import Foundation
import PortolanAnalysis
import PortolanEmitters
import PortolanModel

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read every document in the input folder and regenerate the output folder.",
        discussion: """
            Writes a folder per product and one for the whole platform (diagrams as DOT, SVG and PNG, \
            tables, firewall sheets, NetworkPolicies, model, lint findings), the site in site/ and its \
            Markdown twin in docs/. A PNG already in the output folder is kept when the DOT text beside \
            it is unchanged and its stamp says it was drawn from that text by this Graphviz version.
            """)

    @Option(help: "Folder of documents.")
    var input: String = "Input"

    @Option(help: "Folder to write into; Portolan replaces only the files it writes.")
    var output: String = "Output"

    @Flag(help: "Print how long each step took.")
    var timings = false

    func run() throws {
        var clock = Stopwatch(enabled: timings)
        defer { clock.report() }
        let model = try Inputs.model([input])
        let worst = Inputs.report(model)
        let products = Products.group(model)
        let (aliases, _) = try DiagramFiles.aliases(explicit: nil, inputs: [input], report: true)
        let inventory = try TableOutputs.inventoryPath(input: input).map {
            try TableOutputs.loadInventory($0, products: products, report: true).0
        } ?? .empty
        let views = View.all(products, aliases: aliases)
        clock.lap("read")

        // libgvc is not thread-safe, so one thread does all the Graphviz work (layouts, SVG, PNG)
        // while this one makes and writes everything else.
        let output = self.output
        let drawings = Background {
            try views.map { view in
                try DiagramFiles.draw(view.graph, formats: DiagramFiles.formats,
                                      reusePNG: DiagramFiles.previousPNG(in: "\(output)/\(view.slug)"))
            }
        }
        var writer = OutputWriter(root: output)
        var tables: [(files: [String: Data], ruleCount: Int)] = []
        for (index, view) in views.enumerated() {
            if view.kind == .product {
                let product = view.products[0]
                Console.error("[\(index + 1)/\(products.count)] \(product.name): \(product.connections.count) connections, \(product.services.count) included services")
            }
            let made = try view.tableFiles(inventory: inventory)
            for name in made.files.keys.sorted() { try writer.write(made.files[name]!, to: "\(view.slug)/\(name)") }
            tables.append(made)
        }
        clock.lap("tables and firewall sheets")
        DiagramFiles.reportLookAlikes(views.last!.graph)
        let findings = LintOutputs.findings(products, inputs: [input], report: true)
        try LintOutputs.write(findings, products: products, writer: &writer)
        clock.lap("lint")

        let drawn = try drawings.value()
        clock.lap("diagrams (waiting for Graphviz)")
        var pages: [SitePage] = []
        for (view, (drawing, made)) in zip(views, zip(drawn, tables)) {
            drawing.printNotes()
            let files = drawing.namedFiles
            for name in files.keys.sorted() { try writer.write(files[name]!, to: "\(view.slug)/\(name)") }
            pages.append(SiteOutputs.page(view, files: made.files.merging(files) { first, _ in first }, ruleCount: made.ruleCount,
                                          findings: SiteOutputs.findings(findings, of: view.products, graph: view.graph)))
        }
        try SiteOutputs.write(pages, writer: &writer)
        clock.lap("site")
        let warnings = model.documents.flatMap(\.diagnostics).filter { $0.severity == .warning }.count
        Console.error("read \(model.documents.count) documents (\(products.count) products, \(model.documents.map(\.connections.count).reduce(0, +)) connections, \(warnings) reader warnings, \(findings.count) lint findings: see platform/lint.txt); wrote \(writer.written.count) files to \(output)/")
        if worst == .error { throw ExitCode(1) }
    }
}

/// Work started on a thread of its own (with room for deep C recursion); `value()` waits for it.
final class Background<T: Sendable>: @unchecked Sendable {
    private var result: Result<T, Error>?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () throws -> T) {
        let thread = Thread { [self] in
            result = Result(catching: work)
            done.signal()
        }
        thread.stackSize = 64 << 20
        thread.start()
    }

    func value() throws -> T {
        done.wait()
        done.signal()
        return try result!.get()
    }
}
