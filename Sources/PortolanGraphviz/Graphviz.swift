import CGraphviz
import Foundation

/// The only code that touches the Graphviz C API: DOT text in, laid out and rendered bytes out,
/// in this process (no `dot` subprocess): gvContext, agread (see `GraphReading`), gvLayout,
/// gvRenderData, gvFreeRenderData, agclose. libgvc keeps global state and is not thread-safe, so
/// every call runs under one lock.
public enum Graphviz {
    public enum Format: String, CaseIterable, Sendable {
        case svg, png, pdf
        /// Layout geometry (positions of nodes, edges and labels) for checks.
        case json
    }

    public struct Failure: Error, CustomStringConvertible, Equatable {
        /// What Graphviz said, one message per line, without its "Error:" prefixes.
        public var messages: [String]
        public var stage: String
        /// The DOT text that failed, so the caller can name the row a line of it came from.
        public var dot: String? = nil

        public init(messages: [String], stage: String, dot: String? = nil) {
            self.messages = messages
            self.stage = stage
            self.dot = dot
        }

        public var description: String {
            "graphviz could not \(stage)" + (messages.isEmpty ? "" : ": " + messages.joined(separator: "; "))
        }
    }

    /// The layout engine the graph asks for (`layout=sfdp`), as the `dot` command honours it;
    /// `dot` when it asks for none, or for one Portolan does not use.
    private static func engine(of graph: UnsafeMutablePointer<Agraph_t>) -> String {
        guard let value = withName("layout", { agget(graph, $0) }).map({ String(cString: $0) }),
              ["dot", "sfdp", "neato", "fdp", "twopi"].contains(value) else { return "dot" }
        return value
    }

    /// Lays out DOT text with `dot` (or the engine its `layout` attribute names) and renders it. Warnings Graphviz would print to standard
    /// error are collected and returned instead.
    public static func render(dot: String, format: Format) throws -> (data: Data, warnings: [String]) {
        let (data, warnings) = try render(dot: dot, formats: [format])
        return (data[format]!, warnings)
    }

    /// Lays out DOT text once and renders that one layout in every format asked for, as
    /// `dot -Tsvg -Tpng` does.
    public static func render(dot: String, formats: [Format]) throws -> (data: [Format: Data], warnings: [String]) {
        try locked {
            let graph = try layOut(dot)
            defer { agclose(graph) }
            var data: [Format: Data] = [:]
            for format in formats { data[format] = try renderLaidOut(graph, format: format) }
            return (data, takeMessages())
        }
    }

    /// Loads what the first drawing of a process would otherwise wait for (the layout and render
    /// plugins, fontconfig, the fonts and shapes of `dot`) by laying it out and rendering it as
    /// SVG, as `readableLayout` does.
    public static func prepare(dot: String) {
        _ = try? render(dot: dot, formats: [.svg])
    }

    /// Runs `body` with Graphviz to itself and its messages collected from the start.
    static func locked<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        messages = []
        _ = agreseterrors()
        let previous = agseterrf(collect)
        defer { _ = agseterrf(previous) }
        return try body()
    }

    /// Reads and lays out DOT text; the caller holds the lock and closes the graph.
    /// `decoratable` declares the edge attribute `decorate` (default false) before the layout,
    /// so leader lines can be switched on afterwards without laying the graph out again.
    static func layOut(_ dot: String, decoratable: Bool = false) throws -> UnsafeMutablePointer<Agraph_t> {
        guard Self.context != nil else {
            throw Failure(messages: ["cannot create a Graphviz context"], stage: "start")
        }
        guard let graph = GraphReading.read(dot) else {
            throw Failure(messages: takeMessages(), stage: "read the DOT text", dot: dot)
        }
        if agerrors() > 0 {
            agclose(graph)
            throw Failure(messages: takeMessages(), stage: "read the DOT text", dot: dot)
        }
        if decoratable { _ = withName("decorate") { name in withName("false") { agattr(graph, AGEDGE, name, $0) } } }
        // No gvFreeLayout: in Graphviz 2.43 its dot_cleanup frees some clustered, labelled
        // layouts twice and aborts the process. agclose frees the graph; the layout's own
        // allocations (a few hundred kilobytes per diagram) are left to the end of the process.
        let laidOut = gvLayout(context, graph, engine(of: graph)) == 0
        // dot reports some failures (ranking, routing) as errors yet returns 0; its layout is then
        // unusable and rendering it can corrupt memory, so any error stops here.
        guard laidOut, agerrors() == 0 else {
            agclose(graph)
            throw Failure(messages: takeMessages(), stage: "lay out the graph", dot: dot)
        }
        Detours.apply(graph)
        return graph
    }

    /// Renders a laid-out graph; the caller holds the lock.
    static func renderLaidOut(_ graph: UnsafeMutablePointer<Agraph_t>, format: Format) throws -> Data {
        var result: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        let status = gvRenderData(context, graph, format.rawValue, &result, &length)
        defer { if let result { gvFreeRenderData(result) } }
        guard status == 0, let result else {
            throw Failure(messages: takeMessages(), stage: "render \(format.rawValue)")
        }
        let data = Data(bytes: result, count: Int(length))
        if format == .svg {
            return SVGAttributes.plainHyphens(data)
        }
        return data
    }

    /// Passes a Swift string where cgraph asks for `char *`; cgraph copies what it keeps.
    static func withName<T>(_ name: String, _ body: (UnsafeMutablePointer<CChar>) -> T) -> T {
        name.withCString { body(UnsafeMutablePointer(mutating: $0)) }
    }

    /// Sets `decorate=true` on the edges whose `id` is in `ids` (the graph was laid out `decoratable`).
    static func decorate(_ graph: UnsafeMutablePointer<Agraph_t>, edges ids: Set<String>) {
        guard !ids.isEmpty, let decorate = withName("decorate", { agattr(graph, AGEDGE, $0, nil) }),
              let id = withName("id", { agattr(graph, AGEDGE, $0, nil) }) else { return }
        var node = agfstnode(graph)
        while let current = node {
            var edge = agfstout(graph, current)
            while let out = edge {
                if let value = agxget(out, id), ids.contains(String(cString: value)) {
                    _ = withName("true") { agxset(out, decorate, $0) }
                }
                edge = agnxtout(graph, out)
            }
            node = agnxtnode(graph, current)
        }
    }

    /// Graphviz's version ("2.43.0"), part of a PNG's stamp.
    /// gvcVersion only reads a string the context was made with, so it needs no lock (and this
    /// may be asked from inside a locked call).
    public static let version: String = context.flatMap { gvcVersion($0) }.map { String(cString: $0) } ?? "unknown"

    private static let lock = NSLock()
    /// Created once (plugins load on first use) and used only under `lock`.
    nonisolated(unsafe) private static let context: OpaquePointer? = gvContext()
    /// Messages the error callback collected during the current call; only touched under `lock`.
    nonisolated(unsafe) private static var messages: [String] = []

    private static let collect: agusererrf = { text in
        // Graphviz may hand one message over in pieces ("Error", ": ", "syntax error ...\n"):
        // they are kept as given and put together in `takeMessages`.
        if let text { Graphviz.messages.append(String(cString: text)) }
        return 0
    }

    static func takeMessages() -> [String] {
        var collected = [messages.joined()]
        if messages.isEmpty, let last = aglasterr() {
            let text = String(cString: last).trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { collected.append(text) }
        }
        messages = []
        // "Error: syntax error in line 1 near 'x'" -> "syntax error in line 1 near 'x'"
        return collected.flatMap { $0.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) } }.map { line in
            for prefix in ["Error: ", "Warning: "] where line.hasPrefix(prefix) { return String(line.dropFirst(prefix.count)) }
            return line
        }.filter { !$0.isEmpty }
    }
}
