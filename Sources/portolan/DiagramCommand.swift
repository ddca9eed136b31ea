import ArgumentParser
import Foundation
import PortolanAnalysis
import PortolanEmitters
import PortolanGraphviz
import PortolanModel

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
    enum View: String, ExpressibleByArgument, CaseIterable { case product, platform }

    @Option(help: "Output format: dot, svg, png or pdf.")
    var format: Format = .svg

    @Option(help: "product: one diagram per product; platform: all products in one diagram.")
    var view: View = .product

    @Option(help: "File for one diagram, or folder for several (<product-slug>.<format>). Without it, one diagram goes to standard output.")
    var output: String?

    @Option(help: "Alias file (YAML: canonical name -> other names). Default: aliases.yaml in the first folder given.")
    var aliases: String?

    @Argument(help: "Documents or folders of documents.")
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one document or folder") }
    }

    func run() throws {
        let model = try Inputs.model(paths)
        var worst = Inputs.report(model)
        let products = Products.group(model)
        let (table, aliasWorst) = try DiagramFiles.aliases(explicit: aliases, inputs: paths, report: true)
        worst = [worst, aliasWorst].compactMap { $0 }.max()

        if output == nil, view == .product, products.count > 1 {
            throw ValidationError("\(products.count) products make \(products.count) diagrams: name a folder with --output, or use --view platform")
        }
        let graphs: [(slug: String, graph: ComponentGraph)]
        switch view {
        case .product:
            graphs = products.map { ($0.slug, ComponentGraphs.product($0, among: products, aliases: table)) }
        case .platform:
            graphs = [("platform", ComponentGraphs.platform(products, aliases: table))]
        }
        DiagramFiles.reportLookAlikes(ComponentGraphs.platform(products, aliases: table))

        var outputs: [(slug: String, data: Data)] = []
        for (slug, graph) in graphs {
            outputs.append((slug, try DiagramFiles.render(graph, format: format.rawValue)))
        }
        if let output {
            let isFolder = outputs.count > 1 || output.hasSuffix("/") || DiagramFiles.isDirectory(output)
            if isFolder {
                var writer = OutputWriter(root: output)
                for (slug, data) in outputs { try writer.write(data, to: "\(slug).\(format.rawValue)") }
                Console.error("wrote \(writer.written.count) diagram\(writer.written.count == 1 ? "" : "s") to \(output)/")
            } else if let (_, data) = outputs.first {
                let url = URL(fileURLWithPath: output)
                var writer = OutputWriter(root: url.deletingLastPathComponent().path)
                try writer.write(data, to: url.lastPathComponent)
            }
        } else if let (_, data) = outputs.first {
            FileHandle.standardOutput.write(data)
        }
        if worst == .error { throw ExitCode(1) }
    }
}

/// Diagram steps shared by `diagram` and `build`: reading the alias file, rendering, writing.
enum DiagramFiles {
    static let aliasFileName = "aliases.yaml"

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Reads the alias file: `explicit` (which must exist), else `aliases.yaml` in the first
    /// folder of `inputs`, else none. Diagnostics print as `path:line:col: severity: message`.
    static func aliases(explicit: String?, inputs: [String], report: Bool) throws -> (AliasTable, Severity?) {
        guard let file = try Inputs.configFile(explicit: explicit, named: aliasFileName, inputs: inputs, what: "alias file") else {
            return (AliasTable(), nil)
        }
        let (table, diagnostics) = AliasTable.parse(yaml: file.text)
        if report { for diagnostic in diagnostics { Console.error(diagnostic.formatted(path: file.path)) } }
        return (table, diagnostics.map(\.severity).max())
    }

    /// Notes for names that look alike but were not merged, so the user can decide on an alias.
    static func reportLookAlikes(_ platform: ComponentGraph) {
        for pair in LookAlikes.find(platform.nodes.map(\.name)) {
            Console.error("note: not merged, but look alike: \"\(pair.first)\" and \"\(pair.second)\" (\(pair.reason)); if they are one component, list one under the other in \(aliasFileName)")
        }
    }

    /// DOT text as is; other formats rendered in-process by Graphviz. Graphviz warnings print as notes.
    /// The DOT text is the first layout choice whose edge labels stand apart (see
    /// `ConnectionDiagram.Options` and `Graphviz.readableLayout`), so the DOT and the drawings
    /// made from it always agree.
    static func dot(_ graph: ComponentGraph) throws -> String {
        // `build` asks for the same diagram for its files and for the site: lay it out once.
        let key = ConnectionDiagram.dot(graph)
        if let known = chosenLayouts[key] { return known }
        let chosen = try chooseLayout(graph)
        chosenLayouts[key] = chosen
        return chosen
    }

    /// Layouts chosen and drawings made in this run, by their input text (the CLI is single-threaded).
    nonisolated(unsafe) private static var chosenLayouts: [String: String] = [:]
    nonisolated(unsafe) private static var rendered: [String: Data] = [:]

    private static func chooseLayout(_ graph: ComponentGraph) throws -> String {
        do {
            let candidates = ConnectionDiagram.Options.candidates(connections: graph.edges.count)
            if candidates.allSatisfy({ $0.engine == .sfdp }) {
                Console.error("\(graph.title): note: \(graph.edges.count) connections are more than \(ConnectionDiagram.Options.overviewAbove): drawn as an overview (sfdp, no boxes, straight lines), which takes a second where dot takes minutes or fails; each product's diagram keeps its boxes")
            }
            let (dot, collisions) = try Graphviz.readableLayout(candidates: candidates.count) { index, leaders in
                var options = candidates[index]
                options.leaders = leaders
                return ConnectionDiagram.dot(graph, options: options)
            }
            if candidates.allSatisfy({ $0.engine == .sfdp }) {
                if !collisions.isEmpty {
                    Console.error("\(graph.title): note: \(collisions.count) pairs of edge labels overlap in the overview; the product diagrams are the readable ones")
                }
            } else {
                for (first, second) in collisions {
                    Console.error("\(graph.title): warning: the labels of \(first.edge) and \(second.edge) overlap in every layout tried")
                }
            }
            return dot
        } catch let failure as Graphviz.Failure {
            throw Inputs.Failure(description: "\(graph.title): error: \(failure.description)")
        }
    }

    /// DOT text as is; other formats rendered in-process by Graphviz. Graphviz warnings print as warnings.
    static func render(_ dot: String, format: String, title: String) throws -> Data {
        guard let graphvizFormat = Graphviz.Format(rawValue: format) else { return Data(dot.utf8) }
        let key = format + "\u{0}" + dot
        if let known = rendered[key] { return known }
        do {
            let (data, warnings) = try Graphviz.render(dot: dot, format: graphvizFormat)
            for warning in warnings { Console.error("\(title): warning: graphviz: \(warning)") }
            rendered[key] = data
            return data
        } catch let failure as Graphviz.Failure {
            throw Inputs.Failure(description: "\(title): error: \(failure.description)")
        }
    }

    static func render(_ graph: ComponentGraph, format: String) throws -> Data {
        try render(try dot(graph), format: format, title: graph.title)
    }

    /// `build`: `<slug>/connections.{dot,svg,png}` for one graph.
    static func write(_ graph: ComponentGraph, folder: String, writer: inout OutputWriter) throws {
        let text = try dot(graph)
        for format in ["dot", "svg", "png"] {
            try writer.write(try render(text, format: format, title: graph.title), to: "\(folder)/connections.\(format)")
        }
    }

    /// `build`, per product (the alias file is read from the input folder; its diagnostics print once, with the platform).
    static func writeProduct(_ product: Product, among products: [Product], input: String, writer: inout OutputWriter) throws {
        let (table, _) = try aliases(explicit: nil, inputs: [input], report: false)
        try write(ComponentGraphs.product(product, among: products, aliases: table), folder: product.slug, writer: &writer)
    }

    /// `build`, the platform view; prints the alias file's diagnostics and the look-alike notes.
    static func writePlatform(_ products: [Product], input: String, writer: inout OutputWriter) throws {
        let (table, _) = try aliases(explicit: nil, inputs: [input], report: true)
        let platform = ComponentGraphs.platform(products, aliases: table)
        reportLookAlikes(platform)
        try write(platform, folder: "platform", writer: &writer)
    }
}
