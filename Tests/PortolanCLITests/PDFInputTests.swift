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

    @Test func parseSaysThePageOfADiagnostic() throws {
        let result = try CLI.run(["parse", "\(Self.fixtures)/pdf/seed-004.libreoffice.pdf"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("seed-004.libreoffice.pdf:page 2:17: warning: connection 13: the Protocol cell is empty"))
        #expect(result.stdout.contains("\"page\" : 2"))
    }

    @Test func lintFindingsSayThePageToo() throws {
        let result = try CLI.run(["lint", "\(Self.fixtures)/pdf/seed-004.libreoffice.pdf"])
        #expect(result.stdout.contains("seed-004.libreoffice.pdf:page 2:44: warning: the Port cell is empty [MissingCell]"), "\(result.stdout)")
    }

    @Test(arguments: [
        ("pdf/bad/encrypted.pdf", "encrypted.pdf: error: the PDF is encrypted and needs a password to open"),
        ("pdf/bad/scanned.pdf", "scanned.pdf: error: the PDF has no text, only images on 1 of its 1 pages (a scan?)"),
        ("pdf/bad/truncated.pdf", "truncated.pdf: error: the file is not a PDF that can be opened"),
    ])
    func unreadablePDFsAreClearErrors(file: String, message: String) throws {
        let result = try CLI.run(["parse", "\(Self.fixtures)/\(file)"])
        #expect(result.status == 1)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
    }
}
