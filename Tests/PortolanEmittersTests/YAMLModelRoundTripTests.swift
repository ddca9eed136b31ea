import Foundation
import PortolanEmitters
import PortolanModel
import PortolanReaders
import Testing
import PortolanTestSupport

/// `portolan parse --format yaml` writes the model users can edit; reading it back gives the
/// same model: every document's title, subject, intro, connections and included services.
@Suite struct YAMLModelRoundTripTests {
    static let root = Repository.root

    static func seeds() throws -> Model {
        let folder = "\(root)/Input"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
        return Model(documents: try names.map { name in
            let path = "\(folder)/\(name)"
            let text = try SourceText.decode([UInt8](FileManager.default.contents(atPath: path)!)).get()
            return DocumentReader.read(path: path, text: text)
        })
    }

    /// What a document says, without where it said it (paths and lines differ by design: a
    /// model read from YAML points at the YAML, so lint findings land in the file users edit).
    struct Content: Equatable {
        var title, subject: String?
        var intro: [String]
        var connections: [[String?]]
        var ports: [PortSpec]
        var services: [IncludedService]

        init(_ d: Document) {
            title = d.title; subject = d.subject; intro = d.intro
            connections = d.connections.map { [$0.number, $0.source, $0.destination, $0.protocol, $0.classification, $0.description] }
            ports = d.connections.map(\.ports)
            services = d.services.map { IncludedService(name: $0.name, description: $0.description, items: $0.items, line: 0) }
        }
    }

    @Test func seedsRoundTrip() throws {
        let model = try Self.seeds()
        #expect(model.documents.count == 5)
        let yaml = try YAMLModel.emit(model)
        let read = YAMLModelReader.read(path: "model.yaml", text: SourceText(text: yaml))
        #expect(read.documents.count == model.documents.count)
        for (original, back) in zip(model.documents, read.documents) {
            #expect(Content(back) == Content(original), "\(original.path)")
        }
        // The same cells are missing, and nothing else is wrong.
        #expect(read.documents.flatMap(\.diagnostics).map(\.message) == model.documents.flatMap(\.diagnostics).map(\.message))
        // Emitting what was read gives the same YAML (the source paths aside, which are written as read).
        let again = try YAMLModel.emit(Model(documents: zip(read.documents, model.documents).map { back, original in
            var d = back
            d.path = original.path
            return d
        }))
        #expect(again == yaml)
    }

    @Test func componentsRoundTrip() throws {
        let model = Model(documents: [Document(path: "a", subject: "Demo", connections: [
            Connection(number: "1", source: "Web", destination: "Redis 6.x", protocol: "Redis", ports: PortSpec(ranges: [PortRange(6379)], configurable: true, text: "6379*"), classification: "Egress", description: "Cache: \"hot\" keys # not a comment", line: 1),
        ])], components: [ComponentNote(name: "Redis", kind: "datastore", aliases: ["Redis 6.x", "redis-master"])])
        let yaml = try YAMLModel.emit(model)
        let read = YAMLModelReader.read(path: "m.yaml", text: SourceText(text: yaml))
        #expect(read.components.map { ComponentNote(name: $0.name, kind: $0.kind, aliases: $0.aliases) } == model.components)
        #expect(read.documents.first?.connections.first?.description == "Cache: \"hot\" keys # not a comment")
        #expect(read.documents.first?.connections.first?.ports == model.documents[0].connections[0].ports)
    }

    /// Texts YAML would otherwise read as null, a number or a boolean stay texts both ways.
    @Test func yamlLookalikeNamesRoundTrip() throws {
        let names = ["~", "null", "true", "1e3", "0x1F", "- x", "a: b", "'quoted'"]
        let model = Model(documents: [Document(path: "a", subject: "~", connections: names.enumerated().map { index, name in
            Connection(number: "\(index + 1)", source: name, destination: "Web", protocol: "TCP", ports: PortSpec(ranges: [PortRange(80)], text: "80"),
                       classification: "Egress", description: name, line: index + 1)
        })], components: names.map { ComponentNote(name: $0, kind: "workload", aliases: [$0 + " alias"]) })
        let yaml = try YAMLModel.emit(model)
        let read = YAMLModelReader.read(path: "m.yaml", text: SourceText(text: yaml))
        #expect(read.documents.first?.diagnostics == [])
        #expect(read.documents.first?.subject == "~")
        #expect(read.documents.first?.connections.map(\.source) == names)
        #expect(read.components.map(\.name) == names)
        #expect(try YAMLModel.emit(Model(documents: read.documents.map { var d = $0; d.path = "a"; return d }, components: read.components.map {
            ComponentNote(name: $0.name, kind: $0.kind, aliases: $0.aliases) })) == yaml)
    }
}
