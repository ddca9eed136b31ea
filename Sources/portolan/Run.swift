import ArgumentParser
import Foundation
import PortolanBuild
import PortolanModel

/// The prologue and epilogue every command shares: read the workspace while Graphviz warms up,
/// build what the command asks for, print every diagnostic, and exit by the worst severity.
struct Run {
    var result: BuildResult
    var workspaces: Workspaces

    /// `deliver`: see `Builder.run`.
    /// `check`: given every folder the build may write into, before the build starts.
    init(_ request: Request, deliver: (([String: Data]) throws -> Void)? = nil, stream: Streaming? = nil,
         check: (([String]) throws -> Void)? = nil, load: (inout Workspaces) throws -> Workspace) throws {
        let builder = Builder(request)
        var workspaces = Workspaces()
        let started = DispatchTime.now().uptimeNanoseconds
        let workspace = try load(&workspaces)
        try check?(builder.folders(workspace))
        let read = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        result = try builder.run(workspace, deliver: deliver, stream: stream)
        result.timings.insert(("read", read), at: 0)
        if let total = result.timings.indices.last { result.timings[total].seconds += read }
        self.workspaces = workspaces
    }

    /// Prints the diagnostics (documents named as the user can reach them).
    func report() {
        Console.report(result.diagnostics, display: workspaces.display)
    }

    /// `--timings`: each step and the total, one line each.
    func printTimings() {
        for (step, seconds) in result.timings {
            Console.error("  " + step.padding(toLength: 44, withPad: " ", startingAt: 0) + String(format: "%7.3f s", seconds))
        }
    }

    /// Exit 1 when any source reported an error (or a warning, when `strict`).
    func exit(strict: Bool = false) throws {
        if result.worst == .error || (strict && result.worst == .warning) { throw ExitCode(1) }
    }

    /// Writes files under a folder: one writer at a time (the folder's lock), every folder
    /// checked before the first file is written. Returns (written, already up to date).
    static func write(_ files: [String: Data], to folder: String) throws -> (written: Int, unchanged: Int) {
        let writer = OutputWriter(root: folder)
        try writer.check(Array(files.keys))
        let lock = try OutputLock(folder: folder)
        defer { lock.release() }
        try writer.write(files, under: "")
        return (writer.written.count - writer.unchanged, writer.unchanged)
    }

    /// One file to `output`, or to standard output.
    static func emit(_ data: Data, output: String?) throws {
        guard let output else { return Console.out(data) }
        if Workspaces.isDirectory(output) { throw Failure(output, "is a folder; name a file to write") }
        let url = URL(fileURLWithPath: output)
        let writer = OutputWriter(root: url.deletingLastPathComponent().path)
        try writer.check([url.lastPathComponent])
        try writer.write(data, to: url.lastPathComponent)
    }
}
