import Foundation
import Testing

/// Runs the built `portolan` binary as a user would and captures what it prints.
enum CLI {
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// `PORTOLAN_BIN` (set by `make test`), else the debug build.
    static let binary: String = ProcessInfo.processInfo.environment["PORTOLAN_BIN"] ?? "\(root)/.build/debug/portolan"

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], in directory: String? = nil) throws -> Result {
        try runTool(binary, arguments, in: directory)
    }

    /// Runs any program (python3 for the checks that use Python packages).
    static func runTool(_ executable: String, _ arguments: [String], in directory: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? root)
        // Output goes to files, so a large output can never block the process on a full pipe.
        let scratch = try temporaryFolder()
        _ = FileManager.default.createFile(atPath: "\(scratch)/out", contents: nil)
        _ = FileManager.default.createFile(atPath: "\(scratch)/err", contents: nil)
        let out = FileHandle(forWritingAtPath: "\(scratch)/out")!, err = FileHandle(forWritingAtPath: "\(scratch)/err")!
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let stdout = FileManager.default.contents(atPath: "\(scratch)/out") ?? Data()
        let stderr = FileManager.default.contents(atPath: "\(scratch)/err") ?? Data()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A fresh temporary folder for one test.
    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "portolan-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
}
