import ArgumentParser
import Foundation
import PortolanAnalysis
import PortolanEmitters
import PortolanGraphviz
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
        // libgvc is not thread-safe, so one thread does all the Graphviz work: it loads Graphviz's
        // plugins and fonts while the documents are read, then draws each view (layouts, SVG, PNG)
        // while this thread makes and writes everything else.
        let output = self.output
        let drawn = Handover<[View]>()
        defer { drawn.give([]) }
        let drawings = Produced<Drawing> { add in
            Graphviz.prepare(dot: DiagramFiles.warmUpDOT)
            for view in Self.drawingOrder(drawn.wait()) {
                add(Result {
                    try DiagramFiles.draw(view.graph, formats: DiagramFiles.formats,
                                          reusePNG: DiagramFiles.previousPNG(in: "\(output)/\(view.slug)"))
                })
            }
        }

        let model = try Inputs.model([input])
        let worst = Inputs.report(model)
        let products = Products.group(model)
        let (aliases, _) = try DiagramFiles.aliases(explicit: nil, inputs: [input], report: true)
        let inventory = try TableOutputs.inventoryPath(input: input).map {
            try TableOutputs.loadInventory($0, products: products, report: true).0
        } ?? .empty
        let views = View.all(products, aliases: aliases)
        drawn.give(views)
        clock.lap("read")

        var writer = OutputWriter(root: output)
        var tables: [(files: [String: Data], ruleCount: Int)] = []
        for (index, view) in views.enumerated() {
            if view.kind == .product {
                let product = view.products[0]
                Console.error("[\(index + 1)/\(products.count)] \(product.name): \(product.connections.count) connections, \(product.services.count) included services")
            }
            let made = try view.tableFiles(inventory: inventory)
            try writer.write(made.files, under: view.slug)
            tables.append(made)
        }
        clock.lap("tables and firewall sheets")
        DiagramFiles.reportLookAlikes(views.last!.graph)
        let findings = LintOutputs.findings(products, inputs: [input], report: true)
        try LintOutputs.write(findings, products: products, writer: &writer)
        clock.lap("lint")

        // Each view's diagram files and site pages are written as soon as Graphviz has drawn it.
        let links = views.map { SiteLink(name: $0.name, slug: $0.slug) }
        let focusLinks = FocusPages.links(platform: views.last!.graph)
        var pages: [SitePage?] = Array(repeating: nil, count: views.count)
        var notes: [[String]] = Array(repeating: [], count: views.count)
        let order = Self.drawingOrder(Array(views.indices))
        for (position, index) in order.enumerated() {
            let (view, made) = (views[index], tables[index])
            let drawing = try drawings.result(at: position)
            notes[index] = drawing.notes
            try writer.write(drawing.namedFiles, under: view.slug)
            let page = SiteOutputs.page(view, tables: made, drawing: drawing, lint: findings)
            let (html, markdown) = try both({ try StaticSite.pageFiles(page, all: links, focus: focusLinks) }, { try MarkdownDocs.pageFiles(page) })
            try writer.write(html, under: "site")
            try writer.write(markdown, under: "docs")
            pages[index] = page
        }
        for note in notes.joined() { Console.error(note) }
        clock.lap("diagrams and pages (as Graphviz draws them)")
        // The landscape (at the output root, and the site index's picture) and a focus page per component.
        let landscape = try DiagramFiles.landscape(views.last!.graph)
        try writer.write(landscape, under: "")
        for page in try DiagramFiles.focusPages(views.last!.graph) {
            try writer.write(try StaticSite.pageFiles(page, all: links, focus: focusLinks), under: "site")
        }
        clock.lap("landscape and focus pages")
        try writer.write(try StaticSite.indexFiles(pages.compactMap { $0 }, landscape: landscape["landscape.svg"].map { String(decoding: $0, as: UTF8.self) }),
                         under: "site")
        try writer.write(try MarkdownDocs.indexFiles(pages.compactMap { $0 }), under: "docs")
        clock.lap("site index")
        let warnings = model.documents.flatMap(\.diagnostics).filter { $0.severity == .warning }.count
        Console.error("read \(model.documents.count) documents (\(products.count) products, \(model.documents.map(\.connections.count).reduce(0, +)) connections, \(warnings) reader warnings, \(findings.count) lint findings: see platform/lint.txt); wrote \(writer.written.count - writer.unchanged) files to \(output)/ (\(writer.unchanged) more were already up to date)")
        if worst == .error { throw ExitCode(1) }
    }
}

extension Build {
    /// The platform first: it is the largest drawing and its page the largest to make, so this
    /// thread makes that page while Graphviz draws the products, and only a small page is left
    /// when Graphviz is done.
    static func drawingOrder<T>(_ views: [T]) -> [T] {
        guard let last = views.last else { return [] }
        return [last] + views.dropLast()
    }
}
