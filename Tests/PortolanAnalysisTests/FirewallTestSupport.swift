import Foundation
import PortolanAnalysis
import PortolanModel
import PortolanReaders
import PortolanTestSupport

/// The seed documents of the repository's Input/ folder, read once per test.
enum FirewallSeeds {
    static let inputFolder = URL(fileURLWithPath: Repository.root).appendingPathComponent("Input")

    static func model() throws -> Model {
        let names = try FileManager.default.contentsOfDirectory(atPath: inputFolder.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        let documents = try names.map { name -> Document in
            let bytes = [UInt8](try Data(contentsOf: inputFolder.appendingPathComponent(name)))
            let text = try SourceText.decode(bytes).get()
            return DocumentReader.read(path: "Input/\(name)", text: text)
        }
        return Model(documents: documents)
    }

    static func products() throws -> [Product] {
        Products.group(try model())
    }

    static func product(_ name: String) throws -> Product {
        guard let product = try products().first(where: { $0.name == name }) else {
            throw Missing(what: "product \(name)")
        }
        return product
    }

    static func inventoryText() throws -> String {
        try String(contentsOf: inputFolder.appendingPathComponent("inventory.yaml"), encoding: .utf8)
    }

    struct Missing: Error { var what: String }

    /// The rules of one connection of a product, as the product's sheet has them.
    static func rules(_ sheet: FirewallSheet, product: String, connection: String) -> [FirewallRule] {
        sheet.rules.filter { rule in rule.references.contains { $0.product == product && $0.connection == connection } }
    }

    static func connection(number: String, from: String, to: String, protocol: String?, ports: PortSpec,
                           classification: String? = "Intra-cluster", description: String = "") -> Connection {
        Connection(number: number, source: from, destination: to, protocol: `protocol`, ports: ports,
                   classification: classification, description: description, line: Int(number) ?? 1)
    }

    static func product(_ name: String, _ connections: [Connection]) -> Product {
        Products.group(Model(documents: [Document(path: "test.md", subject: name, connections: connections)]))[0]
    }
}
