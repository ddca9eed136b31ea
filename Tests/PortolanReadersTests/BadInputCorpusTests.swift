import Foundation
import PortolanModel
import PortolanReaders
import Testing

/// Every file in Fixtures/bad/ is read without crashing or hanging and gives exactly the
/// diagnostics its `.expected` file lists (LINE:COLUMN: SEVERITY: start of the message).
@Suite struct BadInputCorpusTests {
    static let folder = "\(Fixture.root)/Tests/PortolanReadersTests/Fixtures/bad"

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { !$0.hasSuffix(".expected") }.sorted()
    }

    @Test(arguments: cases)
    func diagnosticsAsExpected(file: String) throws {
        let path = "\(Self.folder)/\(file)"
        let document: Document
        switch SourceText.decode(Fixture.bytes(path)) {
        case .success(let text): document = DocumentReader.read(path: file, text: text)
        case .failure(let problem): document = Document(path: file, diagnostics: [problem.diagnostic])
        }
        let stem = String(file[..<file.lastIndex(of: ".")!])
        let expected = Fixture.text("\(Self.folder)/\(stem).expected").split(separator: "\n").filter { !$0.hasPrefix("#") }
        let connections = expected.first { $0.hasPrefix("connections: ") }.flatMap { Int($0.dropFirst(13)) }
        let wanted = expected.filter { !$0.hasPrefix("connections: ") }.map(String.init)
        let got = document.diagnostics.map { "\($0.line ?? 0):\($0.line == nil ? 0 : $0.column ?? 1): \($0.severity.rawValue): \($0.message)" }
        #expect(got.count == wanted.count, "\(file): \(got)")
        for (g, w) in zip(got, wanted) {
            #expect(g.hasPrefix(w), "\(file): got '\(g)', expected '\(w)…'")
        }
        if let connections {
            #expect(document.connections.count == connections, "\(file)")
        }
    }
}
