import Foundation
import PortolanTestSupport
import Testing

/// Runs the built `portolan` binary as a user would and captures what it prints
/// (`PortolanTestSupport` does the running; this keeps the CLI tests' spelling short).
enum CLI {
    static let root = Repository.root
    static let binary = portolanBinary

    typealias Result = Execution

    static func run(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:]) throws -> Result {
        try execute(binary, arguments, in: directory, environment: environment)
    }

    /// Runs any program (python3 for the checks that use Python packages).
    static func runTool(_ executable: String, _ arguments: [String], in directory: String? = nil) throws -> Result {
        try execute(executable, arguments, in: directory)
    }

    static func temporaryFolder() throws -> String {
        try PortolanTestSupport.temporaryFolder("portolan-cli")
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
}

/// Size and speed cases run under `make bench` (`PORTOLAN_BENCH=1`), not in `make test`.
let benchmarking = ProcessInfo.processInfo.environment["PORTOLAN_BENCH"] != nil
