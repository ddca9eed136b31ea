import Foundation

/// What every test target needs from the repository: where it is, temporary folders, and the
/// built `portolan` binary run as a user would run it.
public enum Repository {
    /// The repository's root folder.
    public static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// The bytes of a file under the root ("Input/aliases.yaml").
    public static func data(_ relativePath: String) -> Data? {
        FileManager.default.contents(atPath: "\(root)/\(relativePath)")
    }
}

/// A fresh folder for one test, under the system's temporary folder.
public func temporaryFolder(_ prefix: String = "portolan-test") throws -> String {
    let path = NSTemporaryDirectory() + "\(prefix)-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// A program's run: its exit status (or the signal that ended it) and what it printed.
public struct Execution: Sendable, Equatable {
    public var status: Int32
    /// The signal that killed the process, if one did.
    public var signal: Int32?
    public var stdout: String
    public var stderr: String

    public init(status: Int32, signal: Int32? = nil, stdout: String, stderr: String) {
        self.status = status
        self.signal = signal
        self.stdout = stdout
        self.stderr = stderr
    }
}

/// Runs a program with its output going to files (a large output can never block it on a
/// full pipe), in `directory` (default: the repository's root).
public func execute(_ executable: String, _ arguments: [String], in directory: String? = nil,
                    environment: [String: String] = [:]) throws -> Execution {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory ?? Repository.root)
    if !environment.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    }
    let scratch = try temporaryFolder("portolan-run")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    _ = FileManager.default.createFile(atPath: "\(scratch)/out", contents: nil)
    _ = FileManager.default.createFile(atPath: "\(scratch)/err", contents: nil)
    let out = FileHandle(forWritingAtPath: "\(scratch)/out")!, err = FileHandle(forWritingAtPath: "\(scratch)/err")!
    process.standardOutput = out
    process.standardError = err
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    let signaled = process.terminationReason == .uncaughtSignal
    return Execution(status: signaled ? -1 : process.terminationStatus,
                     signal: signaled ? process.terminationStatus : nil,
                     stdout: String(decoding: FileManager.default.contents(atPath: "\(scratch)/out") ?? Data(), as: UTF8.self),
                     stderr: String(decoding: FileManager.default.contents(atPath: "\(scratch)/err") ?? Data(), as: UTF8.self))
}

/// The built `portolan`: `PORTOLAN_BIN` (set by `make test`), else the debug build.
public let portolanBinary: String = ProcessInfo.processInfo.environment["PORTOLAN_BIN"] ?? "\(Repository.root)/.build/debug/portolan"

/// A check that could not run here (a tool is missing): says so on its own line, and is
/// collected for the suite's summary in `.build/skipped-checks.txt`. Under CI (`CI=true`),
/// a skipped check is a failure, since CI installs every tool.
public func skipped(_ check: String, because reason: String) -> String {
    let line = "SKIPPED: \(check): \(reason)"
    FileHandle.standardError.write(Data((line + "\n").utf8))
    let log = "\(Repository.root)/.build/skipped-checks.txt"
    if let handle = FileHandle(forWritingAtPath: log) ?? (FileManager.default.createFile(atPath: log, contents: nil) ? FileHandle(forWritingAtPath: log) : nil) {
        handle.seekToEndOfFile()
        handle.write(Data((line + "\n").utf8))
        try? handle.close()
    }
    return line
}

/// True under CI, where every check must run.
public var runningInCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

/// Golden files: `Tests/<Target>/testdata/<Test>/<case>.expected.<ext>`, one per test case.
/// A missing file is written and the comparison fails (read it, then commit it);
/// `PORTOLAN_RECORD=1` re-records every golden file the run reaches.
public enum Golden {
    public static var recording: Bool { ProcessInfo.processInfo.environment["PORTOLAN_RECORD"] == "1" }

    public static func path(target: String, test: String, case name: String, extension ext: String) -> String {
        "\(Repository.root)/Tests/\(target)/testdata/\(test)/\(name).expected.\(ext)"
    }

    /// nil when `actual` is what the golden file holds (or was just re-recorded on request);
    /// otherwise why not, for the test to report.
    public static func mismatch(_ actual: String, target: String, test: String, case name: String, extension ext: String) -> String? {
        let file = path(target: target, test: test, case: name, extension: ext)
        let existing = FileManager.default.contents(atPath: file).map { String(decoding: $0, as: UTF8.self) }
        if existing == actual { return nil }
        if recording || existing == nil {
            try? FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: URL(fileURLWithPath: file))
            return recording ? nil : "\(file) was missing: recorded it; read it, then commit it"
        }
        let expectedLines = existing!.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(expectedLines.count, actualLines.count)
        let expectedLine = first < expectedLines.count ? String(expectedLines[first]) : "<end>"
        let actualLine = first < actualLines.count ? String(actualLines[first]) : "<end>"
        return "\(file):\(first + 1): differs\n  expected: \(expectedLine)\n  actual:   \(actualLine)\n(PORTOLAN_RECORD=1 re-records it; read the diff before committing)"
    }
}
