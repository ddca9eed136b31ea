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
        let several = try CLI.run(["diagram", "Input"])
        #expect(several.status == 64)
        #expect(several.stdout == "")
        #expect(several.stderr.hasSuffix("\nportolan: error: 4 products make 4 diagrams: name a folder with --output, or use --view platform\n"))
    }

    @Test func helpForNoSuchCommandFails() throws {
        try Self.expect(["help", "nosuch"], status: 64, stderr: "portolan: error: 'nosuch' is not a portolan command\nRun 'portolan --help' for the commands.\n")
        let help = try CLI.run(["help", "lint"])
        #expect(help.status == 0)
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
        let result = try CLI.run(["firewall", "one.txt"], in: folder)
        #expect(result.status == 0)
        #expect(result.stderr.hasSuffix("1 rule (1 perimeter, 0 intra-cluster); 0 flagged: confirm before filing\n"), "\(result.stderr)")
    }

    @Test func siteAndMarkdownTreeTakeATitle() throws {
        let folder = try CLI.temporaryFolder()
        let result = try CLI.run(["site", "--title", "Acme <platform>", "--output", "\(folder)/site", "--markdown", "\(folder)/docs", "Input"])
        #expect(result.status == 0, "\(result.stderr)")
        let index = String(decoding: try #require(FileManager.default.contents(atPath: "\(folder)/site/index.html")), as: UTF8.self)
        #expect(index.contains("<title>Acme &lt;platform&gt;</title>"))
        let mkdocs = String(decoding: try #require(FileManager.default.contents(atPath: "\(folder)/docs/mkdocs.yml")), as: UTF8.self)
        #expect(mkdocs.contains("Acme <platform>") || mkdocs.contains("Acme &lt;platform&gt;"))
    }
}
