import Foundation
import PortolanAnalysis
@testable import PortolanEmitters
import PortolanModel
import PortolanReaders
import PortolanTestSupport
import Testing

/// `ModelSerialization.jsonData` writes its own bytes (`JSONBytes`) and must equal Foundation's
/// `JSONEncoder` exactly: on the five seeds' model, firewall sheet and lint findings, and on
/// values made to hit every escape, key order and empty container.
@Suite struct JSONBytesTests {
    static func seeds() throws -> [Product] {
        let folder = "\(Repository.root)/Input"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            .filter { !$0.hasSuffix(".yaml") && !$0.hasPrefix(".") }
        #expect(names.count == 5)
        var documents: [Document] = []
        for name in names {
            let bytes = try #require(FileManager.default.contents(atPath: "\(folder)/\(name)"))
            documents += FileReader.read(path: "Input/\(name)", bytes: Array(bytes)).documents
        }
        return Products.group(Model(documents: documents))
    }

    @Test func theSeedsEncodeAsFoundationDoes() throws {
        let products = try Self.seeds()
        let model = Model(documents: products.flatMap(\.documents))
        #expect(model.documents.flatMap(\.connections).count > 100)
        let sheet = FirewallRules.derive(products)
        #expect(try ModelSerialization.jsonData(model) == ModelSerialization.foundationJSON(model))
        #expect(try ModelSerialization.jsonData(sheet) == ModelSerialization.foundationJSON(sheet))
        let findings = Linter.run(products, config: LintConfig()).findings
        #expect(!findings.isEmpty)
        #expect(try ModelSerialization.jsonData(findings) == ModelSerialization.foundationJSON(findings))
    }

    /// Handed on in pieces (`writeJSON`, how a million rows' model.json is written), the bytes
    /// are `jsonData`'s: here 12,000 rows, over 4 MB, in several pieces none larger than 4 MiB.
    @Test func piecesPutTogetherAreTheWholeFile() throws {
        let products = try Self.seeds()
        let connections = products.flatMap(\.documents).flatMap(\.connections)
        var document = products[0].documents[0]
        document.connections = (0..<12_000).map { index in
            var row = connections[index % connections.count]
            row.number = String(index + 1)
            row.description += " \"\(index)\"\n"
            return row
        }
        let model = Model(documents: [document])
        var pieces: [Data] = []
        try ModelSerialization.writeJSON(model) { pieces.append($0) }
        let whole = try ModelSerialization.jsonData(model)
        #expect(whole.count > 4 << 20)
        #expect(pieces.count >= 2)
        #expect(pieces.allSatisfy { $0.count <= 4 << 20 && !$0.isEmpty })
        #expect(pieces.reduce(into: Data()) { $0.append($1) } == whole)
        // A piece that cannot be handed on ends the writing with its error.
        struct Full: Error {}
        var handed = 0
        #expect(throws: Full.self) {
            try ModelSerialization.writeJSON(model) { _ in
                handed += 1
                throw Full()
            }
        }
        #expect(handed == 1)
    }

    /// Connections written directly (not through their `encode(to:)`) equal Foundation's too:
    /// with and without page, attributes, protocol, classification and port text.
    @Test func connectionsEncodeAsFoundationDoes() throws {
        let rows = [
            Connection(number: "1", source: "A \"quoted\"", destination: "B\\C", protocol: nil,
                       ports: PortSpec(), classification: nil, description: "", line: 3),
            Connection(number: "2a", source: "é 😀", destination: "x/y", protocol: "HTTPS",
                       ports: PortSpec(ranges: [PortRange(443), PortRange(8000, 8080)], configurable: true, text: "443, 8000-8080*"),
                       classification: "Egress", description: "tab\there\nnext", line: 7, column: 12, page: 2,
                       attributes: [Attribute(name: "Notes", value: "kept"), Attribute(name: "", value: "\u{1}")]),
            Connection(number: "", source: "", destination: "", protocol: "Kafka", ports: PortSpec(text: "see notes"),
                       classification: "Intra-cluster", description: "d", line: 0, page: 0),
        ]
        #expect(try ModelSerialization.jsonData(rows) == ModelSerialization.foundationJSON(rows))
        var document = Document(path: "a.txt")
        document.connections = rows
        let model = Model(documents: [document])
        #expect(try ModelSerialization.jsonData(model) == ModelSerialization.foundationJSON(model))
    }

    /// What Foundation leaves raw but a terminal obeys: C1 controls and bidirectional controls
    /// are written as \u escapes (a file name "a<RLO>c" must not turn the JSON around); other
    /// characters of the same UTF-8 lead bytes (U+00A0, U+2028, U+2030, Arabic) stay as they are.
    @Test func hiddenControlsAreEscaped() throws {
        let text = "a\u{202E}b\u{2066}c\u{200F}d\u{61C}e\u{85}f\u{9F}g \u{A0}\u{2028}\u{2030}\u{627}\u{1B}"
        let data = try ModelSerialization.jsonData([text])
        #expect(String(decoding: data, as: UTF8.self)
            == "[\n  \"a\\u202eb\\u2066c\\u200fd\\u061ce\\u0085f\\u009fg \u{A0}\u{2028}\u{2030}\u{627}\\u001b\"\n]\n")
        // Read back, the same text.
        #expect(try JSONDecoder().decode([String].self, from: data) == [text])
    }

    /// Numbers written digit by digit (`Output.integer(_: Int)`) as Foundation writes them, and
    /// port ranges (written directly in a connection) as their `encode(to:)` writes them.
    @Test func numbersAndPortRangesEncodeAsFoundationDoes() throws {
        let numbers = [0, 1, 9, 10, 11, 99, 100, 101, 65535, 1_000_000, 123_456_789_012, Int.max, -1, -10, Int.min]
        #expect(try ModelSerialization.jsonData(numbers) == ModelSerialization.foundationJSON(numbers))
        let row = Connection(number: "1", source: "a", destination: "b", protocol: "TCP",
                             ports: PortSpec(ranges: [PortRange(0), PortRange(9, 10), PortRange(65535), PortRange(20000, 45000)], text: "x"),
                             classification: nil, description: "", line: Int.max, column: 0)
        #expect(try ModelSerialization.jsonData([row]) == ModelSerialization.foundationJSON([row]))
        let output = JSONBytes.Output()
        try JSONBytes.write(row.ports.ranges, depth: 1, into: output)
        let generic = output.data
        let direct = JSONBytes.Output()
        JSONBytes.array(row.ports.ranges, depth: 1, into: direct) { range, depth in JSONBytes.portRange(range, depth: depth, into: direct) }
        #expect(direct.data == generic)
    }

    struct Tricky: Encodable {
        var text = "quote \" backslash \\ slash / tab \t newline \n return \r bell \u{7} backspace \u{8} feed \u{C} nul \u{0} del \u{7F} line sep \u{2028} é 😀"
        var empty: [String] = []
        var emptyObject: [String: Int] = [:]
        var keys: [String: Int] = ["b": 1, "B": 2, "a10": 3, "a9": 4, "é": 5, "e": 6, "Z": 7, "_": 8, "": 9]
        var absent: String? = nil
        var present: Int? = -42
        var nested: [[Inner]] = [[Inner()], [], [Inner(flag: false, value: nil)]]
        var numbers: [UInt8] = [0, 255]
        var big = Int.min
    }

    struct Inner: Encodable {
        var flag = true
        var value: String? = "x"
        enum CodingKeys: String, CodingKey { case flag, value }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(flag, forKey: .flag)
            try c.encodeIfPresent(value, forKey: .value)
        }
    }

    @Test func everyEscapeKeyOrderAndEmptyContainer() throws {
        let value = Tricky()
        let fast = try JSONBytes.encode(value)
        #expect(fast + [0x0A] == (try ModelSerialization.foundationJSON(value)))
        #expect(String(decoding: fast, as: UTF8.self).contains(#""text" : "quote \" backslash \\ slash / tab \t newline \n return \r bell \u0007 backspace \b feed \f nul \u0000 del \#u{7F} line sep \#u{2028} é 😀""#))
        #expect(try JSONBytes.encode([Tricky]()) == Data("[\n\n]".utf8))
        #expect(try JSONBytes.encode("a/b") == Data(#""a/b""#.utf8))
    }

    @Test func theFinalNewlineAndALongBufferAreFoundationsBytes() throws {
        #expect(try JSONBytes.encode("a", finalNewline: true) == Data("\"a\"\n".utf8))
        // 3,000 strings of 40 characters: the buffer grows past its first 4,096 bytes many times.
        let long = (0..<3000).map { String(repeating: "x", count: 39) + "\($0 % 10)" }
        let fast = try ModelSerialization.jsonData(long)
        #expect(fast == (try ModelSerialization.foundationJSON(long)))
        // "[\n", each element indented by two spaces and quoted, ",\n" between them, "\n]\n".
        #expect(fast.count == 2 + 3000 * (2 + 1 + 40 + 1) + 2999 * 2 + 3)
    }

    @Test func floatingPointIsLeftToFoundation() throws {
        #expect(throws: JSONBytes.Unsupported.self) { try JSONBytes.encode([1.5]) }
        #expect(try ModelSerialization.jsonData([1.5]) == Data("[\n  1.5\n]\n".utf8))
    }
}
