import ArgumentParser
import Foundation
import PortolanAnalysis
import PortolanEmitters
import PortolanModel

struct Site: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the docs site: an index, a page per product and one for the platform, with diagrams, tables and downloads.",
        discussion: """
            Plain static files with relative links: open index.html from disk or put the folder on any static host. \
            With --markdown, the same pages as a Markdown tree with an mkdocs.yml, for MkDocs, Docusaurus or Hugo.
            """)

    @Option(help: "Folder to write the site into; Portolan replaces only the files it writes.")
    var output: String

    @Option(help: "Folder to write the Markdown pages and mkdocs.yml into.")
    var markdown: String?

    @Argument(help: "Documents or folders of documents.")
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one document or folder") }
    }

    func run() throws {
        let model = try Inputs.model(paths)
        let worst = Inputs.report(model)
        let products = Products.group(model)
        let pages = try SiteOutputs.pages(products, inputs: paths)
        var writer = OutputWriter(root: output)
        let platform = pages.last { $0.kind == .platform }?.graph
        let landscape = try platform.map { try DiagramFiles.landscape($0)["landscape.svg"].map { String(decoding: $0, as: UTF8.self) } } ?? nil
        let focus = try platform.map(DiagramFiles.focusPages) ?? []
        try writer.write(StaticSite.files(pages, landscape: landscape, focus: focus), under: "")
        Console.error("wrote the site (\(pages.count) pages, \(writer.written.count) files) to \(output)/; open \(output)/index.html")
        if let markdown {
            var docs = OutputWriter(root: markdown)
            try docs.write(MarkdownDocs.files(pages), under: "")
            Console.error("wrote the Markdown pages (\(docs.written.count) files) to \(markdown)/")
        }
        if worst == .error { throw ExitCode(1) }
    }
}
