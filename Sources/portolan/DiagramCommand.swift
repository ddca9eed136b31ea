import ArgumentParser
import Foundation
import PortolanBuild

struct Diagram: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw the connections of documents: one diagram per product, or the whole platform.",
        discussion: """
            One component may be written several ways. Names are merged by the alias file \
            (aliases.yaml in the first folder given, or --aliases: a canonical name -> its other names) \
            and by these rules only:
              - the same letters and digits ignoring case, spaces and punctuation \
            ("MCP pool multi-AZ" = "MCP pool multi A-Z");
              - a trailing version when the bare name is also written ("Redis 6.x" = "Redis");
              - the product's name followed by one of its included services \
            ("CX Contact List Builder" = "List Builder");
              - an abbreviation a name declares in parentheses, in the same product \
            ("CX Contact UI" = "User Interface (UI)").
            Names that look alike but were not merged are printed as notes, to be checked and added \
            to the alias file.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case dot, svg, png, pdf }

    @Option(help: "Output format: dot, svg, png or pdf.")
    var format: Format = .svg

    enum View: String, ExpressibleByArgument, CaseIterable { case product, platform, landscape }

    @Option(help: "product: one diagram per product; platform: all products in one diagram; landscape: one node per product, connections aggregated.")
    var view: View = .product

    @Option(help: "One component and every connection that touches it in any product, with its neighbours only.")
    var focus: String?

    @Option(help: "File for one diagram, or folder for several (<product-slug>.<format>). Without it, one diagram goes to standard output.")
    var output: String?

    @Option(help: "Alias file (YAML: canonical name -> other names). Default: aliases.yaml in the first folder given.")
    var aliases: String?

    @OptionGroup var documents: DocumentPaths

    func run() throws {
        var request = Request(parts: [.diagrams], scopes: [view == .product ? .product : .platform], diagramFormats: [format.rawValue])
        if focus != nil || view == .landscape {
            request.parts = focus != nil ? [.focus] : [.landscape]
            request.focus = focus
        }
        let run = try Run(request) { try $0.load(documents.paths, aliases: aliases, configs: [.aliases]) }
        run.report()
        if let top = request.parts.first(where: { $0 == .focus || $0 == .landscape }) {
            guard let data = run.result.files["\(top == .focus ? "focus" : "landscape").\(format.rawValue)"] else { return try run.exit() }
            try Run.emit(data, output: output)
            return try run.exit()
        }
        let diagrams = run.result.views.map { ($0.slug, run.result.files["\($0.slug)/connections.\(format.rawValue)"] ?? Data()) }
        if output == nil, diagrams.count > 1 {
            Console.error("portolan: error: \(count(diagrams.count, "product")) make \(count(diagrams.count, "diagram")): name a folder with --output, or use --view platform")
            throw ExitCode.validationFailure
        }
        if let output, diagrams.count > 1 || output.hasSuffix("/") || Workspaces.isDirectory(output) {
            let files = Dictionary(uniqueKeysWithValues: diagrams.map { ("\($0.0).\(format.rawValue)", $0.1) })
            let (written, unchanged) = try Run.write(files, to: output)
            Console.error("wrote \(count(written + unchanged, "diagram")) to \(output)/")
        } else if let (_, data) = diagrams.first {
            try Run.emit(data, output: output)
        }
        try run.exit()
    }
}

