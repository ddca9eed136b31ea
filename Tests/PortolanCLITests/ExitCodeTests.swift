import Foundation
import Testing

/// Every command's exit code follows the worst severity of every source (documents, the alias,
/// inventory and lint files, the drawings), and every diagnostic prints as
/// `path:line:col: severity: message`.
@Suite struct ExitCodeTests {
    static func input(with name: String, _ text: String) throws -> String {
        let folder = try CLI.temporaryFolder()
        try FileManager.default.copyItem(atPath: "\(CLI.root)/Input", toPath: "\(folder)/in")
        try CLI.write(Array(text.utf8), to: "\(folder)/in/\(name)")
        return folder
    }

    @Test(arguments: [
        ("aliases.yaml", "Redis: [\n", "in/aliases.yaml:2:1: error: the alias file is not valid YAML"),
        ("inventory.yaml", "- just a list\n", "in/inventory.yaml:1:1: error:"),
        ("lint.yaml", "silence: 3\n", "in/lint.yaml:1:1: error:"),
    ])
    func aBrokenConfigurationFileFailsTheBuild(name: String, text: String, message: String) throws {
        let folder = try Self.input(with: name, text)
        let build = try CLI.run(["build", "--input", "in", "--output", "out"], in: folder)
        #expect(build.status == 1, "\(name): \(build.stderr)")
        #expect(build.stderr.contains(message), "\(name): \(build.stderr)")
        #expect(!build.stderr.contains("Error:"))
    }

    /// A lint rule's error fails `build` as it fails `lint`, and is printed by both.
    @Test func aLintErrorFailsEveryCommandThatLints() throws {
        let folder = try CLI.temporaryFolder()
        try FileManager.default.createDirectory(atPath: "\(folder)/in", withIntermediateDirectories: true)
        try CLI.write(Array("""
            Connection\tSource\tDestination\tProtocol\tPort\tClassification\tData that travels on this connection
            1\tBilling API\tLedger\tHTTP\t443\tEgress\tLedger entries.
            1\tBilling API\tCache\tRedis\t6379\tEgress\tSessions.

            """.utf8), to: "\(folder)/in/billing.txt")
        let message = "in/billing.txt:3:1: error: connection 1 is numbered twice (first at line 2) [ConnectionNumbering]\n"
        let build = try CLI.run(["build", "--input", "in", "--output", "out"], in: folder)
        #expect(build.status == 1)
        #expect(build.stderr.contains(message), "\(build.stderr)")
        let lint = try CLI.run(["lint", "in"], in: folder)
        #expect(lint.status == 1)
        #expect(lint.stdout.contains(message))
    }

    @Test func aCommandsOwnFailurePrintsOnceWithoutAPrefix() throws {
        let result = try CLI.run(["tables", "no/such.txt"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == "no/such.txt: error: no such file or folder\n")
    }

    /// Control characters and bidirectional overrides in a file name are shown, not obeyed.
    @Test func whatReachesTheTerminalCannotDriveIt() throws {
        let folder = try CLI.temporaryFolder()
        try CLI.write([], to: "\(folder)/a\u{1B}[2Jb\u{202E}c\u{07}.txt")
        let result = try CLI.run(["parse", "a\u{1B}[2Jb\u{202E}c\u{07}.txt"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr == "a<U+001B>[2Jb<U+202E>c<U+0007>.txt: error: the file is empty\n")
    }
}
