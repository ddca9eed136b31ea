import Foundation
import PortolanAnalysis
import PortolanEmitters
import PortolanGraphviz
import PortolanModel
import PortolanReaders
import Testing

/// The seeds and the diagram pipeline the CLI runs (`DiagramFiles.dot` in Sources/portolan).
enum DiagramSeeds {
    static let input: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/PortolanGraphvizTests/DiagramSupport.swift
        return parts.joined(separator: "/") + "/Input"
    }()

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
}
