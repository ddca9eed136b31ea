import ArgumentParser
import Foundation
import PortolanBuild

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

    @OptionGroup var site: SiteTitle
    @OptionGroup var documents: DocumentPaths

    func run() throws {
        let request = Request(parts: markdown == nil ? [.site] : [.site, .docs], title: site.title)
        let run = try Run(request) { try $0.load(documents.paths) }
        run.report()
        let pages = run.result.views.count
        let (written, unchanged) = try Run.write(run.result.files(under: "site"), to: output)
        Console.error("wrote the site (\(count(pages, "page")), \(count(written + unchanged, "file"))) to \(output)/; open \(output)/index.html")
        if let markdown {
            let (written, unchanged) = try Run.write(run.result.files(under: "docs"), to: markdown)
            Console.error("wrote the Markdown pages (\(count(written + unchanged, "file"))) to \(markdown)/")
        }
        try run.exit()
    }
}
