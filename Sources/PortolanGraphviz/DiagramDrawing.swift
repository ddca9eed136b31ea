import Foundation
import PortolanAnalysis
import PortolanEmitters
import PortolanModel

/// A diagram laid out once: the chosen DOT text and its drawings by format ("dot", "svg", "png",
/// "pdf"), with what the layout choice and Graphviz said about it (`subject` is the diagram's title).
public struct Drawing: Sendable {
    public var subject: String
    public var files: [String: Data]
    public var notes: [Diagnostic]

    public func data(_ format: String) -> Data { files[format] ?? Data() }

    /// The files as a view's folder names them: `connections.<format>`.
    public var namedFiles: [String: Data] {
        Dictionary(uniqueKeysWithValues: files.map { ("connections.\($0.key)", $0.value) })
    }
}

/// Graphviz could not draw a diagram: what it said, at the documents and rows the failing DOT
/// lines were made from (see `DiagramFailure`); `subject` is the diagram's title.
public struct DrawingFailure: Error, CustomStringConvertible {
    public var subject: String
    public var located: [(path: String, diagnostic: Diagnostic)]

    public init(subject: String, message: String) {
        self.subject = subject
        located = [(subject, Diagnostic(.error, message))]
    }

    public init(subject: String, located: [(path: String, diagnostic: Diagnostic)]) {
        self.subject = subject
        self.located = located
    }

    public var description: String { located.map { $0.diagnostic.formatted(path: $0.path) }.joined(separator: "\n") }
}

/// Layout choice, PNG reuse and the warm-up diagram: how a component graph becomes drawings.
public enum DiagramDrawing {
    /// What `build` and `site` draw of each view.
    public static let formats = ["dot", "svg", "png"]

    /// Lays a diagram out (the first layout choice whose edge labels stand apart, see
    /// `ConnectionDiagram.Options` and `Graphviz.readableLayout`) and renders that one layout in
    /// each format asked for ("dot" is the chosen DOT text), so the DOT and the drawings made from
    /// it always agree. Safe to call from any thread: Graphviz runs under its own lock.
    /// `reusePNG` is offered the chosen DOT text and the PNG stamp's digest and may return a PNG
    /// drawn from the same text before (see `PNGStamp`).
    /// `firstOnly` lays out only the first candidate (the focus pages: one small drawing per
    /// component, which on a large platform would otherwise cost minutes).
    public static func draw(_ graph: ComponentGraph, formats: [String], firstOnly: Bool = false,
                            reusePNG: (_ dot: String, _ digest: String) -> Data? = { _, _ in nil }) throws -> Drawing {
        var notes: [Diagnostic] = []
        let candidates = Array(ConnectionDiagram.Options.candidates(for: graph).prefix(firstOnly ? 1 : .max))
        let overview = candidates.allSatisfy { $0.engine == .sfdp }
        if overview {
            notes.append(Diagnostic(.note, "\(graph.edges.count) connections are more than \(ConnectionDiagram.Options.overviewAbove): drawn as an overview (sfdp, no boxes, straight lines), which takes a second where dot takes minutes or fails; each product's diagram is still laid out by dot"))
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
            throw DrawingFailure(subject: graph.title, located: DiagramFailure.located(
                messages: failure.messages, stage: failure.stage, dot: failure.dot, graph: graph))
        }
        if overview {
            if !readable.collisions.isEmpty {
                notes.append(Diagnostic(.note, "\(readable.collisions.count) pairs of edge labels overlap in the overview; the product diagrams are the readable ones"))
            }
        } else {
            for (first, second) in readable.collisions {
                notes.append(Diagnostic(.warning, "the labels of \(first.edge) and \(second.edge) overlap in every layout tried"))
            }
        }
        notes += readable.warnings.map { Diagnostic(.warning, "graphviz: \($0)") }
        var files: [String: Data] = [:]
        for format in formats {
            switch format {
            case "dot": files[format] = Data(readable.dot.utf8)
            case "png":
                let digest = PNGStamp.digest(dot: readable.dot, graphviz: Graphviz.version)
                guard let png = reused ?? readable.drawings[.png].flatMap({ PNGStamp.stamped($0, digest: digest) }) else {
                    throw DrawingFailure(subject: graph.title, message: "graphviz made no PNG")
                }
                files[format] = png
            default: files[format] = readable.drawings[Graphviz.Format(rawValue: format)!]
            }
        }
        return Drawing(subject: graph.title, files: files, notes: notes)
    }

    /// A small diagram made the way every diagram is (a cluster, a datastore, an external party,
    /// three protocol families, the legend), for Graphviz to lay out and draw once while the
    /// documents are read: it then has its plugins, fonts and shapes loaded for the first real one.
    public static var warmUpDOT: String {
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


    /// PNG reuse for `build`: the PNG drawn before (`previousPNG`, with the DOT text it was drawn
    /// beside, `previousDOT`) when that text is the one chosen now and the PNG's stamp matches.
    public static func reuse(previousDOT: Data?, previousPNG: Data?) -> (_ dot: String, _ digest: String) -> Data? {
        { dot, digest in
            guard let previousDOT, previousDOT == Data(dot.utf8), let previousPNG,
                  PNGStamp.digest(of: previousPNG) == digest else { return nil }
            return previousPNG
        }
    }

    /// The landscape of the platform (see `Landscape`), laid out at the spacing that scores best:
    /// its files by name ("landscape.dot", ".svg", ".png"). Safe from any thread (Graphviz's lock).
    public static func landscape(_ platform: ComponentGraph, formats: [Graphviz.Format] = [.svg, .png]) throws -> [String: Data] {
        let landscape = Landscape(platform: platform)
        let readable: Graphviz.Readable
        do {
            readable = try Graphviz.readableLayout(candidates: LandscapeDiagram.spacings.count, formats: { _ in formats },
                                                   dot: { index, _ in LandscapeDiagram.dot(landscape, spacing: LandscapeDiagram.spacings[index]) })
        } catch let failure as Graphviz.Failure {
            throw DrawingFailure(subject: "Landscape", located: DiagramFailure.located(
                messages: failure.messages, stage: failure.stage, dot: failure.dot, graph: platform))
        }
        var files = ["landscape.dot": Data(readable.dot.utf8)]
        for format in formats where format != .png { files["landscape.\(format.rawValue)"] = readable.drawings[format] }
        if formats.contains(.png) {
            files["landscape.png"] = readable.drawings[.png].flatMap {
                PNGStamp.stamped($0, digest: PNGStamp.digest(dot: readable.dot, graphviz: Graphviz.version))
            }
        }
        return files
    }

    /// The site's focus pages: one per component a connection touches, each drawn (SVG only).
    public static func focusPages(_ platform: ComponentGraph) throws -> [SitePage] {
        try FocusPages.graphs(platform).map { slug, graph in
            let drawing = try draw(graph, formats: ["svg"], firstOnly: true)
            return FocusPages.page(slug: slug, graph: graph, svg: String(decoding: drawing.data("svg"), as: UTF8.self))
        }
    }
}
