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
        // Connection 13's warning is gone; the other three point into the YAML, at each row's "number:".
        let warnings = """
            $TMP/in/gvp.yaml:134:5: warning: connection 18: the Port cell is empty
            $TMP/in/gvp.yaml:140:5: warning: connection 19: the Classification cell is empty
            $TMP/in/gvp.yaml:161:5: warning: connection 22: the Protocol cell is empty

            """
        let parsed = try CLI.expectRun(["parse", "\(folder)/in"], folder: folder, status: 0,
                                       stdout: .golden(test: "YAMLModelTests", case: "edited-gvp", ext: "json"), stderr: .text(warnings))
        #expect(parsed.stdout.contains("\"protocol\" : \"WebSocket\""))
        try CLI.expectRun(["build", "--input", "\(folder)/in", "--output", "\(folder)/out"], folder: folder, status: 0, stdout: .text(""), stderr: .text(warnings + """
            [1/1] Genesys Voice Platform: 22 connections, 0 included services
            read 1 document (1 product, 22 connections, 3 warnings, 6 lint findings: see platform/lint.txt); wrote 114 files to $TMP/out/ (0 more were already up to date)

            """))
        #expect(FileManager.default.fileExists(atPath: "\(folder)/out/genesys-voice-platform/model.json"))
    }
}
