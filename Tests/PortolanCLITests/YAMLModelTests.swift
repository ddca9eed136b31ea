import Foundation
import Testing

/// A user can start from a PDF text, export YAML, correct it, and build everything from it.
@Suite struct YAMLModelTests {
    @Test func exportedYAMLFollowsTheSchema() throws {
        let folder = try CLI.temporaryFolder()
        let export = try CLI.run(["parse", "--format", "yaml", "Input"])
        #expect(export.status == 0)
        try CLI.write(Array(export.stdout.utf8), to: "\(folder)/model.yaml")
        let schema = "\(CLI.root)/Sources/PortolanReaders/YAML/portolan-model.schema.json"
        let check = try CLI.runTool("/usr/bin/env", ["python3", "-c", """
            import json, sys, yaml, jsonschema
            jsonschema.validate(yaml.safe_load(open(sys.argv[1])), json.load(open(sys.argv[2])))
            print("valid")
            """, "\(folder)/model.yaml", schema])
        #expect(check.stdout == "valid\n", "\(check.stderr)")
    }

    @Test func editAndBuildFromYAML() throws {
        let folder = try CLI.temporaryFolder()
        var yaml = try CLI.run(["parse", "--format", "yaml", "Input/004_df767b9a2d780938.txt"]).stdout
        // The correction a writer makes: connection 13's protocol, which the page leaves empty.
        yaml = yaml.replacingOccurrences(of: "destination: Nexus\n    port:", with: "destination: Nexus\n    protocol: WebSocket\n    port:")
        try FileManager.default.createDirectory(atPath: "\(folder)/in", withIntermediateDirectories: true)
        try CLI.write(Array(yaml.utf8), to: "\(folder)/in/gvp.yaml")
        let parsed = try CLI.run(["parse", "\(folder)/in"])
        #expect(parsed.status == 0)
        #expect(parsed.stdout.contains("\"protocol\" : \"WebSocket\""))
        #expect(!parsed.stderr.contains("connection 13: the Protocol cell is empty"))
        #expect(parsed.stderr.contains("gvp.yaml:"))  // the remaining warnings point into the YAML
        let build = try CLI.run(["build", "--input", "\(folder)/in", "--output", "\(folder)/out"])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(folder)/out/genesys-voice-platform/model.json"))
    }
}
