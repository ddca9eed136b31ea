import Foundation
import Testing

/// What a newcomer trips on, compared whole (output and exit code), as argument-parser's
/// `AssertExecuteCommand` does.
@Suite struct UsageTests {
    static func expect(_ arguments: [String], in directory: String? = nil, status: Int32, stdout: String = "", stderr: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try CLI.run(arguments, in: directory)
        #expect(result.status == status, "\(arguments)", sourceLocation: sourceLocation)
        #expect(result.stdout == stdout, "\(arguments)", sourceLocation: sourceLocation)
        #expect(result.stderr == stderr, "\(arguments)", sourceLocation: sourceLocation)
    }

    @Test func version() throws {
        try Self.expect(["--version"], status: 0, stdout: "0.3.0\n", stderr: "")
    }

    @Test func aMisspeltCommandGetsDidYouMean() throws {
        try Self.expect(["bild"], status: 64, stderr: "portolan: error: 'bild' is not a portolan command (did you mean 'build'?)\nRun 'portolan --help' for the commands.\n")
        try Self.expect(["biuld"], status: 64, stderr: "portolan: error: 'biuld' is not a portolan command (did you mean 'build'?)\nRun 'portolan --help' for the commands.\n")
        try Self.expect(["frobnicate"], status: 64, stderr: "portolan: error: 'frobnicate' is not a portolan command\nRun 'portolan --help' for the commands.\n")
    }

    @Test func aParserErrorHasNoErrorPrefixAndKeepsItsLines() throws {
        try Self.expect(["build", "--nosuch"], status: 64, stderr: """
            portolan: error: Unknown option '--nosuch'
            Usage: portolan build [--input <input>] [--output <output>] [--title <title>] [--timings]
              See 'portolan build --help' for more information.

            """)
        // The documents are read first (their warnings and the alias notes), then the usage error.
        let several = try CLI.expectRun(["diagram", "Input"], status: 64, stdout: .text(""),
                                        stderr: .golden(test: "UsageTests", case: "diagram-several-products", ext: "txt"))
        #expect(several.stderr.split(separator: "\n").last == "portolan: error: 4 products make 4 diagrams: name a folder with --output, or use --view platform")
    }

    @Test func helpForNoSuchCommandFails() throws {
        try Self.expect(["help", "nosuch"], status: 64, stderr: "portolan: error: 'nosuch' is not a portolan command\nRun 'portolan --help' for the commands.\n")
        let help = try CLI.expectRun(["help", "lint"], status: 0, stdout: .golden(test: "UsageTests", case: "help-lint", ext: "txt"), stderr: .text(""))
        #expect(help.stdout.hasPrefix("OVERVIEW: Check connections tables"))
    }

    @Test func lintWithoutAPathChecksTheInputFolderOrSaysWhatItNeeds() throws {
        let here = try CLI.run(["lint"])
        #expect(here.status == 0)
        #expect(here.stdout == (try CLI.run(["lint", "Input"])).stdout)
        #expect(here.stderr == "23 findings (0 errors, 21 warnings, 2 notes) in 5 documents\n")
        let empty = try CLI.temporaryFolder()
        let nowhere = try CLI.run(["lint"], in: empty)
        #expect(nowhere.status == 64)
        #expect(nowhere.stderr == "portolan: error: name the documents or folders to check (there is no Input folder here to check by default)\n")
    }

    @Test func countsArePluralised() throws {
        let folder = try CLI.temporaryFolder()
        try CLI.write(Array("Connection\tSource\tDestination\tProtocol\tPort\tClassification\tData that travels on this connection\n1\tA\tB\tHTTPS\t443\tEgress\tx.\n".utf8), to: "\(folder)/one.txt")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try CLI.expectRun(["firewall", "one.txt"], in: folder, status: 0, stdout: .golden(test: "UsageTests", case: "firewall-one-row", ext: "csv"),
                          stderr: .text("1 rule (1 perimeter, 0 intra-cluster); 0 flagged: confirm before filing\n"))
        try CLI.expectRun(["lint", "one.txt"], in: folder, status: 0, stdout: .text(""), stderr: .text("0 findings (0 errors, 0 warnings, 0 notes) in 1 document\n"))
    }

    /// The site `TitledSite` made (`site --title "Acme <b>platform</b>" --markdown`, shared with `MkDocsTests`).
    @Test func siteAndMarkdownTreeTakeATitle() throws {
        let site = try TitledSite.get()
        #expect(site.run.status == 0, "\(site.run.stderr)")
        #expect(site.run.stdout == "")
        let index = String(decoding: try #require(FileManager.default.contents(atPath: "\(site.folder)/site/index.html")), as: UTF8.self)
        #expect(index.contains("<title>Acme &lt;b&gt;platform&lt;/b&gt;</title>"))
        let mkdocs = String(decoding: try #require(FileManager.default.contents(atPath: "\(site.folder)/docs/mkdocs.yml")), as: UTF8.self)
        let siteName = mkdocs.split(separator: "\n").first { $0.hasPrefix("site_name:") }
        #expect(siteName == "site_name: \"Acme <b>platform</b>\"" || siteName == "site_name: \"Acme &lt;b&gt;platform&lt;/b&gt;\"", "\(mkdocs.prefix(300))")
    }
}
