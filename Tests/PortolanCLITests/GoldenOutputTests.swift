import Foundation
import PortolanTestSupport
import Testing

/// Whole outputs of commands, compared with golden files under
/// `testdata/GoldenOutputTests/<case>.expected.*` (`PORTOLAN_RECORD=1` re-records them).
@Suite struct GoldenOutputTests {
    static func expectGolden(_ text: String, _ name: String, _ ext: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let problem = Golden.mismatch(text, target: "PortolanCLITests", test: "GoldenOutputTests", case: name, extension: ext)
        #expect(problem == nil, "\(problem ?? "")", sourceLocation: sourceLocation)
    }

    @Test func lintOfTheSeeds() throws {
        let result = try CLI.run(["lint", "Input"])
        #expect(result.status == 0)
        Self.expectGolden(result.stdout, "lint-seeds", "txt")
        #expect(result.stderr == "23 findings (0 errors, 21 warnings, 2 notes) in 5 documents\n")
    }

    @Test func buildsStandardError() throws {
        let seeds = try SeedBuild.get()
        #expect(seeds.run.status == 0)
        #expect(seeds.run.stdout == "")
        // The output folder is written `$TMP/out` (wherever the seeds were built: `make test` builds them once).
        Self.expectGolden(seeds.stderrWithoutTimings.replacingOccurrences(of: seeds.folder, with: "$TMP/out"), "build-seeds-stderr", "txt")
    }

    @Test func help() throws {
        let result = try CLI.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        Self.expectGolden(result.stdout, "help", "txt")
    }
}
