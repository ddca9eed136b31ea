import Foundation
import PortolanAnalysis
import PortolanModel
import PortolanReaders
import PortolanTestSupport

/// Documents read the way the CLI reads them, for the lint and diff tests.
enum LintSupport {
    static let repository = URL(fileURLWithPath: Repository.root)

    /// Every .txt document of a folder under the repository, paths relative to it ("Input/000_....txt").
    static func model(_ folder: String) throws -> Model {
        let url = repository.appendingPathComponent(folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".txt") }.sorted()
        return Model(documents: try names.map { name in
            let bytes = [UInt8](try Data(contentsOf: url.appendingPathComponent(name)))
            return DocumentReader.read(path: "\(folder)/\(name)", text: try SourceText.decode(bytes).get())
        })
    }

    static func seeds() throws -> [Product] { Products.group(try model("Input")) }

    /// A product of one in-memory document.
    static func product(_ subject: String, _ rows: [(String, String, String?, String, String?, String)], services: [String] = []) -> Product {
        let connections = rows.enumerated().map { index, row in
            Connection(number: row.0, source: row.1, destination: row.3, protocol: row.2,
                       ports: port(row.4), classification: row.5, description: "", line: index + 10)
        }
        let document = Document(path: "\(Slug.make(subject)).md", subject: subject, connections: connections,
                                services: services.map { IncludedService(name: $0, description: "", line: 1) })
        return Products.group(Model(documents: [document]))[0]
    }

    static func port(_ text: String?) -> PortSpec {
        guard let text else { return .absent }
        let configurable = text.hasSuffix("*")
        let ranges = text.split(separator: "/").compactMap { Int($0.filter(\.isNumber)) }.map { PortRange($0) }
        return PortSpec(ranges: ranges, configurable: configurable, text: text)
    }

    /// "rule product #number" for each finding, the shape the expectations are written in.
    static func summary(_ findings: [LintFinding]) -> [String] {
        findings.map { "\($0.rule) \($0.product ?? "-") #\($0.connection ?? "-")" }
    }
}
