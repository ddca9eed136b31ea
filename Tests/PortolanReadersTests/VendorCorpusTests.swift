import Foundation
import PortolanModel
import PortolanReaders
import Testing

/// Every fixture of Fixtures/vendors/ (tables of other vendors and projects, each in the
/// layout a user would copy it in) against the rows its `.expected.tsv` states, field by field.
@Suite struct VendorCorpusTests {
    static let folder = "\(Fixture.root)/Tests/PortolanReadersTests/Fixtures/vendors"

    /// Fixture names (without extension) that have an expected file.
    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.filter { $0.hasSuffix(".expected.tsv") }.map { String($0.dropLast(".expected.tsv".count)) }.sorted()
    }()

    /// Fixtures not read as expected yet, with why. Their differences are still listed, as known
    /// issues, so a fix shows up as an unexpected pass. (None today.)
    static let notYetRead: Set<String> = []

    @Test func theCorpusIsThere() {
        #expect(Self.names.count >= 15)
    }

    @Test(arguments: names)
    func readsAsExpected(name: String) throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder)
        let document = try #require(files.first { $0.hasPrefix(name + ".") && !$0.hasSuffix(".expected.tsv") }
            .map { try Fixture.read("\(Self.folder)/\($0)") })
        let expected = CorpusExpectation.parse(Fixture.text("\(Self.folder)/\(name).expected.tsv"))
        var differences = CorpusExpectation.differences(document, expected)
        // Included services, where the fixture has them (services/<name>.tsv: name, description).
        let servicesFile = "\(Self.folder)/services/\(name).tsv"
        if FileManager.default.fileExists(atPath: servicesFile) {
            let want = CorpusExpectation.parse(Fixture.text(servicesFile)).rows
            let got = document.services.map { [CorpusExpectation.collapse($0.name), CorpusExpectation.collapse($0.description)] }
            if want.count != got.count { differences.append("expected \(want.count) included services, got \(got.count)") }
            for (index, (w, g)) in zip(want, got).enumerated() where w.map(CorpusExpectation.collapse) != g {
                differences.append("service \(index + 1): expected '\(w.joined(separator: " | "))', got '\(g.joined(separator: " | "))'")
            }
        }
        if Self.notYetRead.contains(name) {
            withKnownIssue { #expect(differences.isEmpty, "\(name):\n\(differences.joined(separator: "\n"))") }
        } else {
            #expect(differences.isEmpty, "\(name):\n\(differences.joined(separator: "\n"))")
        }
    }
}

/// The `.expected.tsv` format: a comment line, a header line (number, source, destination,
/// protocol, ports, classification, description, then `attr:<Header>` columns), one line per row.
enum CorpusExpectation {
    struct Table {
        var columns: [String]
        var rows: [[String]]
    }

    static func parse(_ text: String) -> Table {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            .filter { !$0.hasPrefix("#") && !$0.isEmpty }
        guard let header = lines.first else { return Table(columns: [], rows: []) }
        let split = { (line: String) in line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        return Table(columns: split(header), rows: lines.dropFirst().map(split))
    }

    static func collapse(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }

    /// The fields of a connection in the expected file's terms.
    static func fields(_ c: Connection, columns: [String]) -> [String] {
        columns.map { column in
            switch column {
            case "number": return c.number
            case "source": return collapse(c.source)
            case "destination": return collapse(c.destination)
            case "protocol": return protocolKey(c.protocol ?? "")
            case "ports":
                let ranges = merged(c.ports.ranges).map(\.description).joined(separator: ",")
                return ranges + (c.ports.configurable ? "*" : "")
            case "classification": return c.classificationKind?.rawValue ?? ""
            case "description": return collapse(c.description)
            default:
                guard column.hasPrefix("attr:") else { return "?" }
                let name = String(column.dropFirst(5))
                return collapse(c.attributes.first { $0.name.lowercased() == name.lowercased() }?.value ?? "")
            }
        }
    }

    /// Ranges ascending, adjacent and overlapping ones merged ("3478, 3479" is 3478-3479), as the
    /// expected files write them.
    static func merged(_ ranges: [PortRange]) -> [PortRange] {
        var out: [PortRange] = []
        for r in ranges.sorted() {
            if let last = out.last, r.from <= last.to + 1 { out[out.count - 1].to = max(last.to, r.to) } else { out.append(r) }
        }
        return out
    }

    /// Protocols compared without case, several in any order ("UDP/TCP" is "TCP/UDP").
    static func protocolKey(_ text: String) -> String {
        text.uppercased().split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }.sorted().joined(separator: "/")
    }

    static func differences(_ document: Document, _ expected: Table) -> [String] {
        var out: [String] = []
        if expected.rows.isEmpty {
            if !document.connections.isEmpty { out.append("expected no connections, got \(document.connections.count)") }
            // A document of included services alone is read (its services are checked apart, from
            // services/<name>.tsv); one with neither must say why nothing was read.
            if document.services.isEmpty && document.diagnostics.isEmpty {
                out.append("expected a diagnostic saying why nothing was read")
            }
            return out
        }
        if document.connections.count != expected.rows.count {
            out.append("expected \(expected.rows.count) connections, got \(document.connections.count)")
        }
        for (index, (want, connection)) in zip(expected.rows, document.connections).enumerated() {
            let got = fields(connection, columns: expected.columns)
            for (k, column) in expected.columns.enumerated() {
                var w = k < want.count ? collapse(want[k]) : ""
                var g = got[k]
                if column == "protocol" { w = protocolKey(w); g = protocolKey(g) }
                if w != g { out.append("row \(index + 1) \(column): expected '\(w)', got '\(g)'") }
            }
        }
        if document.connections.count > expected.rows.count {
            for c in document.connections.dropFirst(expected.rows.count) {
                out.append("extra row: \(fields(c, columns: expected.columns).joined(separator: " | "))")
            }
        }
        return out
    }
}
