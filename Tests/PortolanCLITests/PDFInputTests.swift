import Foundation
import Testing

/// `build` and `parse` take PDF files and Word documents like any other document: from a folder
/// by extension, with positions `file.pdf:page N:line` and clear errors for unreadable ones.
@Suite struct PDFInputTests {
    static let fixtures = "\(CLI.root)/Tests/PortolanReadersTests/Fixtures"

    static func copy(_ files: [String], into folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for file in files {
            try FileManager.default.copyItem(atPath: "\(fixtures)/\(file)", toPath: "\(folder)/\((file as NSString).lastPathComponent)")
        }
    }

    @Test func buildPicksUpPDFAndWordDocumentsFromTheInputFolder() throws {
        let folder = try CLI.temporaryFolder()
        try Self.copy(["pdf/seed-000.chromium.pdf", "docx/merged.docx"], into: "\(folder)/in")
        let result = try CLI.run(["build", "--input", "in", "--output", "out"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let cx = String(decoding: FileManager.default.contents(atPath: "\(folder)/out/cx-contact/connections.md") ?? Data(), as: UTF8.self)
        #expect(cx.contains("From `in/seed-000.chromium.pdf`"))
        #expect(cx.contains("Customer Browser/API"))
        let word = String(decoding: FileManager.default.contents(atPath: "\(folder)/out/coordination-service-ports/connections.md") ?? Data(), as: UTF8.self)
        #expect(word.contains("AdminServer commands. Off by default."))
    }

    /// Seed 004 printed by LibreOffice: the text seed's four empty cells (connections 13, 18, 19
    /// and 22), each on page 2 at the line of the page where its row starts.
    static let seed004 = "Tests/PortolanReadersTests/Fixtures/pdf/seed-004.libreoffice.pdf"

    @Test func parseSaysThePageOfADiagnostic() throws {
        let result = try CLI.expectRun(["parse", Self.seed004], status: 0, stdout: .golden(test: "PDFInputTests", case: "parse-seed-004", ext: "json"), stderr: .text("""
            \(Self.seed004):page 2:17: warning: connection 13: the Protocol cell is empty
            \(Self.seed004):page 2:44: warning: connection 18: the Port cell is empty
            \(Self.seed004):page 2:49: warning: connection 19: the Classification cell is empty
            \(Self.seed004):page 2:63: warning: connection 22: the Protocol cell is empty

            """))
        #expect(result.stdout.contains("\"page\" : 2"))
    }

    @Test func lintFindingsSayThePageToo() throws {
        try CLI.expectRun(["lint", Self.seed004], status: 0, stdout: .golden(test: "PDFInputTests", case: "lint-seed-004", ext: "txt"),
                          stderr: .text("7 findings (0 errors, 7 warnings, 0 notes) in 1 document\n"))
    }

    @Test(arguments: [
        ("encrypted", "the PDF is encrypted and needs a password to open; save or print an unprotected copy and read that"),
        ("scanned", "the PDF has no text, only images on 1 of its 1 pages (a scan?); run it through OCR (for example `ocrmypdf`) and read the result"),
        ("truncated", "the file is not a PDF that can be opened (PDF document is damaged); download it again or re-save it as PDF from the application that made it"),
    ])
    func unreadablePDFsAreClearErrors(file: String, message: String) throws {
        let path = "Tests/PortolanReadersTests/Fixtures/pdf/bad/\(file).pdf"
        try CLI.expectRun(["parse", path], status: 1, stdout: .golden(test: "PDFInputTests", case: "bad-\(file)", ext: "json"),
                          stderr: .text("\(path): error: \(message)\n"))
    }

    /// A folder's documents are read side by side (poppler and libxml2 each under a lock): every
    /// document comes out, in the folder's order, exactly as reading its file alone gives it.
    @Test func documentsReadSideBySideAreReadAsEachAlone() throws {
        let files = ["pdf/seed-000.chromium.pdf", "pdf/rabbitmq.ruled-tight.pdf", "pdf/consul.two-tables.pdf", "pdf/bad/truncated.pdf",
                     "pdf/vault.tight.pdf", "docx/merged.docx", "docx/kafka.docx", "vendors/06-openshift-html-rowspan.html",
                     "vendors/28-kubernetes-html.html", "vendors/14-splunk-html-br.html"]
        let folder = try CLI.temporaryFolder()
        try Self.copy(files, into: "\(folder)/in")
        func documents(_ json: String) throws -> [NSDictionary] {
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            return object?["documents"] as? [NSDictionary] ?? []
        }
        let together = try documents(try CLI.run(["parse", "--format", "json", "in"], in: folder).stdout)
        var alone: [NSDictionary] = []
        // Alone, in the folder's order (names sorted), each named as the folder names it.
        for name in files.map({ ($0 as NSString).lastPathComponent }).sorted() {
            alone += try documents(try CLI.run(["parse", "--format", "json", "in/\(name)"], in: folder).stdout)
        }
        #expect(together.count == files.count)
        #expect(together.map { $0["path"] as? String } == files.map { "in/" + ($0 as NSString).lastPathComponent }.sorted())
        #expect(together == alone)
        // A value read off the page: seed 000's first row.
        let seed = together.first { ($0["path"] as? String) == "in/seed-000.chromium.pdf" }
        let first = (seed?["connections"] as? [NSDictionary])?.first
        #expect(first?["source"] as? String == "Customer Browser/API")
    }
}
