import Foundation
import PortolanTestSupport

/// One `portolan build --input Input --timings` per test process, for the tests that only read what it
/// writes (a debug build of the seeds is ~5 s of CPU; four tests used to make their own).
/// Tests that change the input or the output folder still build their own.
struct SeedBuild: Sendable {
    /// The output folder (under the system's temporary folder).
    let folder: String
    let run: Execution

    /// Standard error without the `--timings` table (its lines start with two spaces), which
    /// changes from run to run: what a build without `--timings` prints.
    var stderrWithoutTimings: String {
        run.stderr.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("  ") }.joined(separator: "\n")
    }

    /// Built on first use; nil when the binary could not be run at all (the test then says so).
    /// `make test` builds the seeds once for every check (`PORTOLAN_SEEDS`: the output folder of
    /// `build --input Input --timings`, its standard output and error in `<folder>.stdout` and
    /// `<folder>.stderr`, its exit code in `<folder>.status`); the suite then reads that build.
    static let shared: SeedBuild? = {
        if let made = ProcessInfo.processInfo.environment["PORTOLAN_SEEDS"] {
            func text(_ suffix: String) -> String? {
                FileManager.default.contents(atPath: made + suffix).map { String(decoding: $0, as: UTF8.self) }
            }
            guard let status = text(".status").flatMap({ Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }),
                  let stdout = text(".stdout"), let stderr = text(".stderr") else { return nil }
            return SeedBuild(folder: made, run: Execution(status: status, stdout: stdout, stderr: stderr))
        }
        guard let folder = try? CLI.temporaryFolder(),
              let run = try? CLI.run(["build", "--input", "Input", "--output", "\(folder)/out", "--timings"]) else { return nil }
        return SeedBuild(folder: "\(folder)/out", run: run)
    }()

    static func get() throws -> SeedBuild {
        guard let shared else { throw CocoaError(.executableNotLoadable) }
        return shared
    }
}
