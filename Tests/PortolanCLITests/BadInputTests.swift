import Foundation
import Testing

/// Bad input gets a clear message naming the file (and line), and a non-zero exit; never a
/// crash or a hang.
@Suite struct BadInputTests {
    @Test func missingPath() throws {
        try CLI.expectRun(["parse", "no/such/file.txt"], status: 1, stdout: .text(""),
                          stderr: .text("no/such/file.txt: error: no such file or folder\n"))
    }

    @Test func folderWithoutDocuments() throws {
        let folder = try CLI.temporaryFolder()
        try CLI.write(Array("not a document".utf8), to: "\(folder)/picture.png")
        try CLI.expectRun(["parse", folder], folder: folder, status: 1, stdout: .text(""), stderr: .text(
            "$TMP: error: the folder has no documents (looked for .csv, .doc, .docx, .htm, .html, .markdown, .md, .pdf, .rst, .text, .tsv, .txt and YAML models)\n"))
    }

    /// Standard error is the one diagnostic; standard output the model, with the document's
    /// diagnostic and no connection (`testdata/BadInputTests/<file>.expected.json`).
    @Test(arguments: [
        ("empty.txt", [UInt8](), "empty.txt: error: the file is empty"),
        ("binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x0A, 0x00, 0x01], "binary.txt:2:1: error: the file looks binary (it contains a NUL byte); expected a text document"),
        ("latin1.txt", Array("Connection\tSource\n1\tCaf".utf8) + [0xE9], "latin1.txt:2:6: error: the file is not valid UTF-8 (invalid byte sequence); re-save it as UTF-8"),
        ("prose.txt", Array("Just an introduction.\nNo table here.\n".utf8), "prose.txt: error: no connections table found (expected a header row with Source, Destination, Protocol, Port and Classification columns)"),
        ("header-only.txt", Array("Connection\tSource\tDestination\tProtocol\tPort\tClassification\tData\n".utf8), "header-only.txt:1:1: error: the connections table has a header but no rows"),
    ])
    func unreadableFiles(name: String, bytes: [UInt8], message: String) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try CLI.write(bytes, to: "\(folder)/\(name)")
        try CLI.expectRun(["parse", name], in: folder, status: 1,
                          stdout: .golden(test: "BadInputTests", case: (name as NSString).deletingPathExtension, ext: "json"),
                          stderr: .text(message + "\n"))
    }

    @Test func utf16WithBOMIsRead() throws {
        let folder = try CLI.temporaryFolder()
        let text = String(decoding: FileManager.default.contents(atPath: "\(CLI.root)/Input/000_719e74b289d3778a.txt")!, as: UTF8.self)
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        try CLI.write(bytes, to: "\(folder)/utf16.txt")
        // The same model as the UTF-8 original's, and no diagnostic.
        let original = try CLI.run(["parse", "Input/000_719e74b289d3778a.txt"])
        #expect(original.stdout.contains("\"source\" : \"Customer Browser/API\""))
        try CLI.expectRun(["parse", "utf16.txt"], in: folder, status: 0,
                          stdout: .text(original.stdout.replacingOccurrences(of: "Input/000_719e74b289d3778a.txt", with: "utf16.txt")),
                          stderr: .text(""))
    }

    /// One bad file does not hide the others: every document is read and reported.
    @Test func goodAndBadTogether() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: "\(folder)/docs", withIntermediateDirectories: true)
        try CLI.write([], to: "\(folder)/docs/a-empty.txt")
        try CLI.write([UInt8](FileManager.default.contents(atPath: "\(CLI.root)/Input/000_719e74b289d3778a.txt")!), to: "\(folder)/docs/b-cx.txt")
        // The empty file's error, and seed 000's 13 rows as `parse` of the seed reads them.
        try CLI.expectRun(["parse", "docs"], in: folder, status: 1, stdout: .golden(test: "BadInputTests", case: "good-and-bad", ext: "json"),
                          stderr: .text("docs/a-empty.txt: error: the file is empty\n"))
    }

    /// A 50 MB document: read to the end without crashing (a size case: `make bench` runs it).
    @Test(.enabled(if: benchmarking, "a size case: `make bench` runs it")) func fiftyMegabyteDocument() throws {
        let folder = try CLI.temporaryFolder()
        var text = "Connection\tSource\tDestination\tProtocol\tPort\tClassification\tData that travels on this connection\n"
        let filler = String(repeating: "x", count: 400)
        var n = 0
        var size = text.utf8.count
        while size < 50_000_000 {
            n += 1
            let row = "\(n)\tService \(n % 97)\tRedis\tRedis\t6379\tEgress\tCache \(filler)\n"
            text += row
            size += row.utf8.count
        }
        try CLI.write(Array(text.utf8), to: "\(folder)/big.txt")
        let result = try CLI.run(["parse", "big.txt"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"number\" : \"\(n)\""))
    }
}
