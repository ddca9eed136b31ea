import Foundation
import PortolanModel
import PortolanReaders
import Testing
import PortolanTestSupport

/// Paths and loaders the reader tests share.
enum Fixture {
    /// The repository root, found from this file's path.
    static let root = Repository.root

    static let seeds = [
        "000": "000_719e74b289d3778a.txt",
        "001": "001_6619901593061c98.txt",
        "002": "002_77ebb1df80586335.txt",
        "003": "003_5c58bc2aa17e0ed2.txt",
        "004": "004_df767b9a2d780938.txt",
    ]

    static func bytes(_ path: String) -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: path) ?? Data())
    }

    static func text(_ path: String) -> String { String(decoding: bytes(path), as: UTF8.self) }

    /// Reads a document the way the CLI does.
    static func read(_ path: String) throws -> Document {
        let text = try SourceText.decode(bytes(path)).get()
        return DocumentReader.read(path: path, text: text)
    }

    static func seed(_ key: String) throws -> Document {
        try read("\(root)/Input/\(seeds[key]!)")
    }

    /// One expected row, as established by reading the document (see Fixtures/expected/).
    struct Row: Equatable {
        var number, source, destination: String
        var `protocol`: String?
        var port: String?
        var classification: String?
        var description: String

        init(fields: [String]) {
            func optional(_ s: String) -> String? { s == "-" ? nil : s }
            number = fields[0]; source = fields[1]; destination = fields[2]
            `protocol` = optional(fields[3]); port = optional(fields[4]); classification = optional(fields[5])
            description = fields[6]
        }

        init(_ c: Connection) {
            number = c.number; source = c.source; destination = c.destination
            `protocol` = c.protocol; port = c.ports.text; classification = c.classification
            description = c.description
        }

        /// The first six fields, for failure messages.
        var summary: String { "\(number) | \(source) | \(destination) | \(`protocol` ?? "-") | \(port ?? "-") | \(classification ?? "-")" }
    }

    static func expectedRows(_ key: String) -> [Row] {
        text("\(root)/Tests/PortolanReadersTests/Fixtures/expected/\(key).connections.tsv")
            .split(separator: "\n")
            .filter { !$0.hasPrefix("#") }
            .map { Row(fields: $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)) }
    }
}

