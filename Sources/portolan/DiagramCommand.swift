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
    enum View: String, ExpressibleByArgument, CaseIterable { case product, platform, landscape }

    @Option(help: "Output format: dot, svg, png or pdf.")
    var format: Format = .svg

    @Option(help: "product: one diagram per product; platform: all products in one diagram; landscape: one node per product, connections aggregated.")
    var view: View = .product

    @Option(help: "One component and every connection that touches it in any product, with its neighbours only.")
    var focus: String?

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

        if view == .landscape || focus != nil {
            let platform = ComponentGraphs.platform(products, aliases: table)
            let dot: String
            if let focus {
                guard let graph = ComponentGraphs.focus(focus, in: platform) else {
                    let names = ComponentGraphs.focusNames(in: platform)
                    let guess = names.min { NameKey.editDistance($0.lowercased(), focus.lowercased()) < NameKey.editDistance($1.lowercased(), focus.lowercased()) }
                    throw ValidationError("no component is called \"\(focus)\"" + (guess.map { "; did you mean \"\($0)\"?" } ?? ""))
                }
                let drawing = try DiagramFiles.draw(graph, formats: [format.rawValue])
                drawing.printNotes()
                try DiagramFiles.writeOne(drawing.data(format.rawValue), to: output)
                if worst == .error { throw ExitCode(1) }
                return
            }
            let landscape = Landscape(platform: platform)
            let readable = try Graphviz.readableLayout(candidates: LandscapeDiagram.spacings.count, formats: { _ in
                format == .dot ? [] : [Graphviz.Format(rawValue: format.rawValue)!]
            }, dot: { index, _ in LandscapeDiagram.dot(landscape, spacing: LandscapeDiagram.spacings[index]) })
            dot = readable.dot
            let data = format == .dot ? Data(dot.utf8) : readable.drawings[Graphviz.Format(rawValue: format.rawValue)!] ?? Data()
            try DiagramFiles.writeOne(data, to: output)
            if worst == .error { throw ExitCode(1) }
            return
        }
        if output == nil, view == .product, products.count > 1 {
            throw ValidationError("\(products.count) products make \(products.count) diagrams: name a folder with --output, or use --view platform")
        }
        let graphs: [(slug: String, graph: ComponentGraph)]
        switch view {
        case .product:
            graphs = products.map { ($0.slug, ComponentGraphs.product($0, among: products, aliases: table)) }
        case .platform, .landscape:
            graphs = [("platform", ComponentGraphs.platform(products, aliases: table))]
        }
        DiagramFiles.reportLookAlikes(ComponentGraphs.platform(products, aliases: table))

        var outputs: [(slug: String, data: Data)] = []
        for (slug, graph) in graphs {
            let drawing = try DiagramFiles.draw(graph, formats: [format.rawValue])
            drawing.printNotes()
            outputs.append((slug, drawing.data(format.rawValue)))
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
    /// What `build` and `site` draw of each view.
    static let formats = ["dot", "svg", "png"]

    /// The landscape of the platform (see `Landscape`), laid out at the spacing that scores best:
    /// its files by name ("landscape.dot", ".svg", ".png").
    static func landscape(_ platform: ComponentGraph) throws -> [String: Data] {
        let landscape = Landscape(platform: platform)
        let readable = try Graphviz.readableLayout(candidates: LandscapeDiagram.spacings.count, formats: { _ in [.svg, .png] },
                                                   dot: { index, _ in LandscapeDiagram.dot(landscape, spacing: LandscapeDiagram.spacings[index]) })
        var files = ["landscape.dot": Data(readable.dot.utf8)]
        files["landscape.svg"] = readable.drawings[.svg]
        files["landscape.png"] = readable.drawings[.png].flatMap {
            PNGStamp.stamped($0, digest: PNGStamp.digest(dot: readable.dot, graphviz: Graphviz.version))
        }
        return files
    }

    /// The site's focus pages: one per component a connection touches, each drawn (SVG only).
    static func focusPages(_ platform: ComponentGraph) throws -> [SitePage] {
        try FocusPages.graphs(platform).map { slug, graph in
            let drawing = try draw(graph, formats: ["svg"], firstOnly: true)
            return FocusPages.page(slug: slug, graph: graph, svg: String(decoding: drawing.data("svg"), as: UTF8.self))
        }
    }

    /// One diagram to a file, or to standard output without one.
    static func writeOne(_ data: Data, to output: String?) throws {
        guard let output else {
            FileHandle.standardOutput.write(data)
            return
        }
        let url = URL(fileURLWithPath: output)
        var writer = OutputWriter(root: url.deletingLastPathComponent().path)
        try writer.write(data, to: url.lastPathComponent)
    }

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

    /// Lays a diagram out (the first layout choice whose edge labels stand apart, see
    /// `ConnectionDiagram.Options` and `Graphviz.readableLayout`) and renders that one layout in
    /// each format asked for ("dot" is the chosen DOT text), so the DOT and the drawings made from
    /// it always agree. Safe to call from any thread: Graphviz runs under its own lock.
    /// `reusePNG` is offered the chosen DOT text and the PNG stamp's digest and may return a PNG
    /// drawn from the same text before (see `PNGStamp`).
    /// `firstOnly` lays out only the first candidate (the focus pages: one small drawing per
    /// component, which on a large platform would otherwise cost minutes).
    static func draw(_ graph: ComponentGraph, formats: [String], firstOnly: Bool = false,
                     reusePNG: (_ dot: String, _ digest: String) -> Data? = { _, _ in nil }) throws -> Drawing {
        var notes: [String] = []
        let candidates = Array(ConnectionDiagram.Options.candidates(for: graph).prefix(firstOnly ? 1 : .max))
        let overview = candidates.allSatisfy { $0.engine == .sfdp }
        if overview {
            notes.append("\(graph.title): note: \(graph.edges.count) connections are more than \(ConnectionDiagram.Options.overviewAbove): drawn as an overview (sfdp, no boxes, straight lines), which takes a second where dot takes minutes or fails; each product's diagram is still laid out by dot")
        }
        var reused: Data?
        let readable: Graphviz.Readable
        do {
            readable = try Graphviz.readableLayout(candidates: candidates.count, formats: { chosen in
                var wanted = formats.compactMap(Graphviz.Format.init(rawValue:))
                if wanted.contains(.png), let png = reusePNG(chosen, PNGStamp.digest(dot: chosen, graphviz: Graphviz.version)) {
                    reused = png
                    wanted.removeAll { $0 == .png }
                }
                return wanted
            }, dot: { index, leaders in
                var options = candidates[index]
                options.leaders = leaders
                return ConnectionDiagram.dot(graph, options: options)
            })
        } catch let failure as Graphviz.Failure {
            let lines = DiagramFailure.diagnostics(messages: failure.messages, stage: failure.stage, dot: failure.dot, graph: graph)
            throw Inputs.Failure(description: lines.joined(separator: "\n"))
        }
        if overview {
            if !readable.collisions.isEmpty {
                notes.append("\(graph.title): note: \(readable.collisions.count) pairs of edge labels overlap in the overview; the product diagrams are the readable ones")
            }
        } else {
            for (first, second) in readable.collisions {
                notes.append("\(graph.title): warning: the labels of \(first.edge) and \(second.edge) overlap in every layout tried")
            }
        }
        notes += readable.warnings.map { "\(graph.title): warning: graphviz: \($0)" }
        var files: [String: Data] = [:]
        for format in formats {
            switch format {
            case "dot": files[format] = Data(readable.dot.utf8)
            case "png":
                let digest = PNGStamp.digest(dot: readable.dot, graphviz: Graphviz.version)
                guard let png = reused ?? readable.drawings[.png].flatMap({ PNGStamp.stamped($0, digest: digest) }) else {
                    throw Inputs.Failure(description: "\(graph.title): error: graphviz made no PNG")
                }
                files[format] = png
            default: files[format] = readable.drawings[Graphviz.Format(rawValue: format)!]
            }
        }
        return Drawing(files: files, notes: notes)
    }

    /// A small diagram made the way every diagram is (a cluster, a datastore, an external party,
    /// three protocol families, the legend), for Graphviz to lay out and draw once while the
    /// documents are read: it then has its plugins, fonts and shapes loaded for the first real one.
    static var warmUpDOT: String {
        func row(_ number: String, _ source: String, _ destination: String, _ proto: String, _ port: Int, _ kind: String) -> Connection {
            Connection(number: number, source: source, destination: destination, protocol: proto,
                       ports: PortSpec(ranges: [PortRange(port)]), classification: kind, description: "", line: 1)
        }
        let document = Document(path: "warm-up", subject: "Warm Up", connections: [
            row("1", "Browser", "Warm Up Ingress", "HTTPS", 443, "Ingress"),
            row("2", "Warm Up Service", "Redis", "TCP", 6379, "Egress"),
            row("3", "Warm Up Service", "Media server", "RTP", 5004, "Egress"),
        ])
        let products = Products.group(Model(documents: [document]))
        return ConnectionDiagram.dot(ComponentGraphs.product(products[0], among: products, aliases: AliasTable()))
    }

    /// `build`: a PNG of the same DOT text in the output folder, when the DOT file beside it is
    /// that text and its stamp matches; nil otherwise.
    static func previousPNG(in folder: String) -> (_ dot: String, _ digest: String) -> Data? {
        { dot, digest in
            guard let previous = FileManager.default.contents(atPath: folder + "/connections.dot"), previous == Data(dot.utf8),
                  let png = FileManager.default.contents(atPath: folder + "/connections.png"),
                  PNGStamp.digest(of: png) == digest else { return nil }
            return png
        }
    }
}

/// A diagram laid out once: the chosen DOT text and its drawings by format ("dot", "svg", "png",
/// "pdf"), with what the layout choice and Graphviz said, for the caller to print in order.
struct Drawing: Sendable {
    var files: [String: Data]
    var notes: [String]

    func data(_ format: String) -> Data { files[format] ?? Data() }

    /// The files as `build` names them in a view's folder: `connections.<format>`.
    var namedFiles: [String: Data] {
        Dictionary(uniqueKeysWithValues: files.map { ("connections.\($0.key)", $0.value) })
    }

    func printNotes() {
        for note in notes { Console.error(note) }
    }
}
