import Foundation
import PortolanAnalysis
import PortolanEmitters
import PortolanGraphviz
import PortolanModel
import PortolanReaders
import Testing
import PortolanTestSupport

/// The seeds and the diagram pipeline the build runs (`DiagramDrawing` in Sources/PortolanGraphviz).
enum DiagramSeeds {
    static let input = Repository.root + "/Input"

    static func products() throws -> [Product] {
        let names = try FileManager.default.contentsOfDirectory(atPath: input).filter { $0.hasSuffix(".txt") }.sorted()
        let documents = try names.map { name in
            let bytes = [UInt8](FileManager.default.contents(atPath: "\(input)/\(name)") ?? Data())
            return DocumentReader.read(path: "Input/\(name)", text: try SourceText.decode(bytes).get())
        }
        return Products.group(Model(documents: documents))
    }

    static func aliases() throws -> AliasTable {
        AliasTable.parse(yaml: try String(contentsOfFile: "\(input)/aliases.yaml", encoding: .utf8)).table
    }

    static func productGraphs() throws -> [(Product, ComponentGraph)] {
        let products = try products()
        let aliases = try aliases()
        return products.map { ($0, ComponentGraphs.product($0, among: products, aliases: aliases)) }
    }

    static func platformGraph() throws -> ComponentGraph {
        ComponentGraphs.platform(try products(), aliases: try aliases())
    }

    /// The DOT text the CLI writes for a graph.
    static func dot(_ graph: ComponentGraph) throws -> String {
        let candidates = ConnectionDiagram.Options.candidates
        return try Graphviz.readableLayout(candidates: candidates.count) { index, leaders in
            var options = candidates[index]
            options.leaders = leaders
            return ConnectionDiagram.dot(graph, options: options)
        }.dot
    }

    static func svg(_ dot: String) throws -> String {
        String(decoding: try Graphviz.render(dot: dot, format: .svg).data, as: UTF8.self)
    }

    /// The layout the build keeps for a graph (as `dot(graph)` chooses it), drawn as SVG and
    /// JSON from that same layout, as the build draws it: made once per test process for the
    /// tests that only read it (a seed view's layout tries several candidates, and seven tests
    /// read the same five). The determinism tests call `dot` and `svg` themselves, to draw again.
    static func readable(_ graph: ComponentGraph) throws -> Graphviz.Readable {
        if let made = drawings.withLock({ $0[graph] }) { return made }
        let candidates = ConnectionDiagram.Options.candidates
        let made = try Graphviz.readableLayout(candidates: candidates.count, formats: { _ in [.svg, .json] }) { index, leaders in
            var options = candidates[index]
            options.leaders = leaders
            return ConnectionDiagram.dot(graph, options: options)
        }
        drawings.withLock { $0[graph] = made }
        return made
    }

    /// `readable(graph)`'s DOT text and SVG.
    static func drawn(_ graph: ComponentGraph) throws -> (dot: String, svg: String) {
        let readable = try readable(graph)
        return (readable.dot, String(decoding: readable.drawings[.svg] ?? Data(), as: UTF8.self))
    }

    private static let drawings = Locked<[ComponentGraph: Graphviz.Readable]>([:])

    /// The edge statements of a DOT text (lines with `->`), in order.
    static func edgeLines(_ dot: String) -> [String] {
        dot.split(separator: "\n").map(String.init).filter { $0.contains(" -> ") }
    }

    /// The value of `name="..."` in a DOT statement.
    static func attribute(_ name: String, in line: String) -> String? {
        guard let start = line.range(of: "[\(name)=\"") ?? line.range(of: " \(name)=\"") else { return nil }
        let rest = line[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    /// The number badges an SVG draws, by edge id: the bounding box of the first path in each
    /// `<g id="a_conn-…-label">`, in Graphviz's coordinates (the SVG writes y negated).
    static func badges(svg: String) -> [String: (x: Double, y: Double, width: Double, height: Double)] {
        var result: [String: (x: Double, y: Double, width: Double, height: Double)] = [:]
        for part in svg.components(separatedBy: "<g id=\"a_").dropFirst() {
            guard let close = part.range(of: "-label\">") else { continue }
            let id = String(part[..<close.lowerBound])
            guard let d = part.range(of: " d=\""), let end = part[d.upperBound...].firstIndex(of: "\"") else { continue }
            let numbers = part[d.upperBound..<end].split(whereSeparator: { !"0123456789.-".contains($0) }).compactMap { Double($0) }
            let xs = stride(from: 0, to: numbers.count - 1, by: 2).map { numbers[$0] }
            let ys = stride(from: 1, to: numbers.count, by: 2).map { -numbers[$0] }
            guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { continue }
            result[id] = ((minX + maxX) / 2, (minY + maxY) / 2, maxX - minX, maxY - minY)
        }
        return result
    }
}


/// A value behind a lock, for a cache the tests share across threads.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
