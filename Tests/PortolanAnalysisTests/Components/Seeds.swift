import Foundation
import PortolanAnalysis
import PortolanModel
import PortolanReaders
import Testing
import PortolanTestSupport

/// The seed documents in the repository's Input/ folder, read the way the CLI reads them.
enum ComponentSeeds {
    static let input = Repository.root + "/Input"

    static func model() throws -> Model {
        let names = try FileManager.default.contentsOfDirectory(atPath: input).filter { $0.hasSuffix(".txt") }.sorted()
        return Model(documents: try names.map { name in
            let path = "Input/\(name)"
            let bytes = [UInt8](FileManager.default.contents(atPath: "\(input)/\(name)") ?? Data())
            return DocumentReader.read(path: path, text: try SourceText.decode(bytes).get())
        })
    }

    static func products() throws -> [Product] { Products.group(try model()) }

    static func aliases() throws -> AliasTable {
        let text = try String(contentsOfFile: "\(input)/aliases.yaml", encoding: .utf8)
        return AliasTable.parse(yaml: text).table
    }

    static func product(_ name: String) throws -> Product {
        try #require(try products().first { $0.name == name })
    }
}
