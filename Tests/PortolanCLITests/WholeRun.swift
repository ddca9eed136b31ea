import Foundation
import PortolanTestSupport
import Testing

/// What one stream of a run must be: exactly this text, or the golden file
/// `testdata/<test>/<case>.expected.<ext>` (`PORTOLAN_RECORD=1` re-records it).
enum Expected {
    case text(String)
    case golden(test: String, case: String, ext: String)
}

extension CLI {
    /// Runs the binary and compares the whole run, exit code, standard output and standard
    /// error, as argument-parser's `AssertExecuteCommand` does. `folder` (a temporary folder
    /// named on the command line) is written `$TMP` in what is compared. Returns the run, for a
    /// test that checks more of it.
    @discardableResult
    static func expectRun(_ arguments: [String], in directory: String? = nil, folder: String? = nil, status: Int32,
                          stdout: Expected, stderr: Expected, sourceLocation: SourceLocation = #_sourceLocation) throws -> Result {
        let result = try run(arguments, in: directory)
        #expect(result.status == status, "\(arguments)\n\(result.stderr)", sourceLocation: sourceLocation)
        for (actual, expected, stream) in [(result.stdout, stdout, "standard output"), (result.stderr, stderr, "standard error")] {
            let text = folder.map { actual.replacingOccurrences(of: $0, with: "$TMP") } ?? actual
            switch expected {
            case .text(let wanted):
                #expect(text == wanted, "\(arguments): \(stream)", sourceLocation: sourceLocation)
            case .golden(let test, let name, let ext):
                let problem = Golden.mismatch(text, target: "PortolanCLITests", test: test, case: name, extension: ext)
                #expect(problem == nil, "\(arguments): \(stream): \(problem ?? "")", sourceLocation: sourceLocation)
            }
        }
        return result
    }

    /// Seed 004's four empty cells: every command that reads `Input/` warns about them first.
    static let seedWarnings = """
        Input/004_df767b9a2d780938.txt:180:1: warning: connection 13: the Protocol cell is empty
        Input/004_df767b9a2d780938.txt:252:1: warning: connection 18: the Port cell is empty
        Input/004_df767b9a2d780938.txt:257:1: warning: connection 19: the Classification cell is empty
        Input/004_df767b9a2d780938.txt:302:1: warning: connection 22: the Protocol cell is empty

        """
}
