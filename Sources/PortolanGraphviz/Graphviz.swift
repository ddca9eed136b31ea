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

        public var description: String {
            "graphviz could not \(stage)" + (messages.isEmpty ? "" : ": " + messages.joined(separator: "; "))
        }
    }

    /// The layout engine the graph asks for (`layout=sfdp`), as the `dot` command honours it;
    /// `dot` when it asks for none, or for one Portolan does not use.
    private static func engine(of graph: UnsafeMutablePointer<Agraph_t>) -> String {
        guard let value = agget(graph, strdup("layout")).map({ String(cString: $0) }),
              ["dot", "sfdp", "neato", "fdp"].contains(value) else { return "dot" }
        return value
    }

    /// Lays out DOT text with `dot` (or the engine its `layout` attribute names) and renders it. Warnings Graphviz would print to standard
    /// error are collected and returned instead.
    public static func render(dot: String, format: Format) throws -> (data: Data, warnings: [String]) {
        lock.lock()
        defer { lock.unlock() }
        messages = []
        _ = agreseterrors()
        let previous = agseterrf(collect)
        defer { _ = agseterrf(previous) }

        guard let context = Self.context else {
            throw Failure(messages: ["cannot create a Graphviz context"], stage: "start")
        }
        guard let graph = GraphReading.read(dot) else {
            throw Failure(messages: takeMessages(), stage: "read the DOT text")
        }
        defer { agclose(graph) }
        if agerrors() > 0 {
            throw Failure(messages: takeMessages(), stage: "read the DOT text")
        }
        // No gvFreeLayout: in Graphviz 2.43 its dot_cleanup frees some clustered, labelled
        // layouts twice and aborts the process. agclose frees the graph; the layout's own
        // allocations (a few hundred kilobytes per diagram) are left to the end of the process.
        let laidOut = gvLayout(context, graph, engine(of: graph)) == 0
        // dot reports some failures (ranking, routing) as errors yet returns 0; its layout is then
        // unusable and rendering it can corrupt memory, so any error stops here.
        guard laidOut, agerrors() == 0 else {
            throw Failure(messages: takeMessages(), stage: "lay out the graph")
        }
        var result: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        let status = gvRenderData(context, graph, format.rawValue, &result, &length)
        defer { if let result { gvFreeRenderData(result) } }
        guard status == 0, let result else {
            throw Failure(messages: takeMessages(), stage: "render \(format.rawValue)")
        }
        var data = Data(bytes: result, count: Int(length))
        if format == .svg {
            data = Data(SVGAttributes.plainHyphens(String(decoding: data, as: UTF8.self)).utf8)
        }
        return (data, takeMessages())
    }

    private static let lock = NSLock()
    /// Created once (plugins load on first use) and used only under `lock`.
    nonisolated(unsafe) private static let context: OpaquePointer? = gvContext()
    /// Messages the error callback collected during the current call; only touched under `lock`.
    nonisolated(unsafe) private static var messages: [String] = []

    private static let collect: agusererrf = { text in
        if let text {
            let message = String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)
            if !message.isEmpty { Graphviz.messages.append(message) }
        }
        return 0
    }

    private static func takeMessages() -> [String] {
        var collected = messages
        if collected.isEmpty, let last = aglasterr() {
            let text = String(cString: last).trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { collected.append(text) }
        }
        messages = []
        // "Error: syntax error in line 1 near 'x'" -> "syntax error in line 1 near 'x'"
        return collected.flatMap { $0.split(separator: "\n").map(String.init) }.map { line in
            for prefix in ["Error: ", "Warning: "] where line.hasPrefix(prefix) { return String(line.dropFirst(prefix.count)) }
            return line
        }.filter { !$0.isEmpty }
    }
}
