import Foundation
import Testing

/// Every command's exit code follows the worst severity of every source (documents, the alias,
/// inventory and lint files, the drawings), and every diagnostic prints as
/// `path:line:col: severity: message`.
@Suite struct ExitCodeTests {
    /// The build still writes what it can (one document of one row here: what the file breaks
    /// does not depend on the documents), and says so after the error.
    @Test(arguments: [
        ("aliases.yaml", "Redis: [\n", "in/aliases.yaml:2:1: error: the alias file is not valid YAML: did not find expected node content"),
        ("inventory.yaml", "- just a list\n", "in/inventory.yaml:1:1: error: the inventory must be a mapping with a 'components' key"),
        ("lint.yaml", "silence: 3\n", "in/lint.yaml:1:1: error: 'silence' must be a list"),
    ])
    func aBrokenConfigurationFileFailsTheBuild(name: String, text: String, message: String) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: "\(folder)/in", withIntermediateDirectories: true)
        try CLI.write(Array(Self.oneRow.utf8), to: "\(folder)/in/billing.txt")
        try CLI.write(Array(text.utf8), to: "\(folder)/in/\(name)")
        try CLI.expectRun(["build", "--input", "in", "--output", "out"], in: folder, status: 1, stdout: .text(""), stderr: .text("""
            \(message)
            [1/1] billing: 1 connection, 0 included services
            read 1 document (1 product, 1 connection, 0 warnings, 0 lint findings: see platform/lint.txt); wrote 97 files to out/ (0 more were already up to date)

            """))
    }

    static let oneRow = """
        Connection\tSource\tDestination\tProtocol\tPort\tClassification\tData that travels on this connection
        1\tBilling API\tLedger\tHTTP\t443\tEgress\tLedger entries.

        """

    /// A lint rule's error fails `build` as it fails `lint`, and is printed by both.
    @Test func aLintErrorFailsEveryCommandThatLints() throws {
        let folder = try CLI.temporaryFolder()
        try FileManager.default.createDirectory(atPath: "\(folder)/in", withIntermediateDirectories: true)
        try CLI.write(Array("""
            Connection\tSource\tDestination\tProtocol\tPort\tClassification\tData that travels on this connection
            1\tBilling API\tLedger\tHTTP\t443\tEgress\tLedger entries.
            1\tBilling API\tCache\tRedis\t6379\tEgress\tSessions.

            """.utf8), to: "\(folder)/in/billing.txt")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let message = "in/billing.txt:3:1: error: connection 1 is numbered twice (first at line 2) [ConnectionNumbering]\n"
        try CLI.expectRun(["build", "--input", "in", "--output", "out"], in: folder, status: 1, stdout: .text(""), stderr: .text(message
            + "[1/1] billing: 2 connections, 0 included services\n"
            + "read 1 document (1 product, 2 connections, 0 warnings, 1 lint finding: see platform/lint.txt); wrote 98 files to out/ (0 more were already up to date)\n"))
        try CLI.expectRun(["lint", "in"], in: folder, status: 1, stdout: .text(message),
                          stderr: .text("1 finding (1 error, 0 warnings, 0 notes) in 1 document\n"))
    }

    @Test func aCommandsOwnFailurePrintsOnceWithoutAPrefix() throws {
        try CLI.expectRun(["tables", "no/such.txt"], status: 1, stdout: .text(""), stderr: .text("no/such.txt: error: no such file or folder\n"))
    }

    /// Control characters and bidirectional overrides in a file name are shown, not obeyed.
    @Test func whatReachesTheTerminalCannotDriveIt() throws {
        let folder = try CLI.temporaryFolder()
        try CLI.write([], to: "\(folder)/a\u{1B}[2Jb\u{202E}c\u{07}.txt")
        try CLI.expectRun(["parse", "a\u{1B}[2Jb\u{202E}c\u{07}.txt"], in: folder, status: 1,
                          stdout: .golden(test: "ExitCodeTests", case: "control-characters", ext: "json"),
                          stderr: .text("a<U+001B>[2Jb<U+202E>c<U+0007>.txt: error: the file is empty\n"))
    }
}
