import Foundation
import Testing

/// `build` over its own output, as `make` regenerates Output/: files that come out the same are
/// left alone (same inode: never replaced), PNGs are kept while the DOT text they were drawn from
/// is unchanged, and anything that changed is written again, byte for byte what a build into
/// an empty folder gives.
@Suite struct RegenerationTests {
    /// Every file under `folder` with its inode (a replaced file gets a new one).
    static func inodes(_ folder: String) throws -> [String: Int] {
        var result: [String: Int] = [:]
        for path in FileManager.default.enumerator(atPath: folder)?.compactMap({ $0 as? String }) ?? [] {
            let attributes = try FileManager.default.attributesOfItem(atPath: "\(folder)/\(path)")
            if attributes[.type] as? FileAttributeType == .typeRegular {
                result[path] = (attributes[.systemFileNumber] as? NSNumber)?.intValue
            }
        }
        return result
    }

    /// A folder holding `out/`, a copy of what `build --input Input` wrote (`SeedBuild`: the state
    /// the build of the same documents leaves, without building them again), and with `input`, a
    /// copy of `Input/` to edit (built as `--input Input` from that folder, it gives the same files).
    static func builtCopy(input: Bool = false) throws -> (folder: String, seeds: SeedBuild) {
        let seeds = try SeedBuild.get()
        #expect(seeds.run.status == 0, "\(seeds.run.stderr)")
        let folder = try CLI.temporaryFolder()
        try FileManager.default.copyItem(atPath: seeds.folder, toPath: "\(folder)/out")
        if input { try FileManager.default.copyItem(atPath: "\(CLI.root)/Input", toPath: "\(folder)/Input") }
        return (folder, seeds)
    }

    static func bytes(_ path: String) -> Data {
        FileManager.default.contents(atPath: path) ?? Data()
    }

    @Test func anUnchangedRebuildReplacesNothing() throws {
        let (folder, seeds) = try Self.builtCopy()
        // The views' folders (diagrams, tables, sheets, policies, Terraform, model, lint), the site
        // with a focus page per component, the Markdown tree and the landscape: every file is new.
        let before = try Self.inodes("\(folder)/out")
        #expect(before.count > 200)
        let report = "read 5 documents (4 products, 122 connections, 4 warnings, 23 lint findings: see platform/lint.txt); "
        let first = seeds.stderrWithoutTimings
        #expect(first.hasSuffix("\n" + report + "wrote \(before.count) files to \(seeds.folder)/ (0 more were already up to date)\n"), "\(first)")
        // The same report, but that nothing was written.
        try CLI.expectRun(["build", "--input", "Input", "--output", "\(folder)/out"], status: 0, stdout: .text(""), stderr: .text(
            first.replacingOccurrences(of: "wrote \(before.count) files to \(seeds.folder)/ (0 more",
                                       with: "wrote 0 files to \(folder)/out/ (\(before.count) more")))
        #expect(try Self.inodes("\(folder)/out") == before)
        // No temporary file is left behind.
        #expect(!(FileManager.default.enumerator(atPath: "\(folder)/out")?.compactMap { $0 as? String } ?? []).contains { $0.contains(".portolan-") })
    }

    @Test func anEditRedrawsOnlyWhatItChanges() throws {
        let (folder, _) = try Self.builtCopy(input: true)
        let before = try Self.inodes("\(folder)/out")
        // CX Contact's row 9 (GWS -> Outbound, TCP 5050) gets another port.
        let path = "\(folder)/Input/000_719e74b289d3778a.txt"
        let text = String(decoding: Self.bytes(path), as: UTF8.self)
        let row = "9\tGWS\tOutbound\tTCP\t5050\tIntra-cluster"
        #expect(text.contains(row))
        try Data(text.replacingOccurrences(of: row, with: "9\tGWS\tOutbound\tTCP\t5051\tIntra-cluster").utf8).write(to: URL(fileURLWithPath: path))
        #expect(try CLI.run(["build", "--input", "Input", "--output", "out"], in: folder).status == 0)
        let after = try Self.inodes("\(folder)/out")
        let replaced = Set(after.keys.filter { after[$0] != before[$0] })
        // The port is in CX Contact's and the platform's edge tooltips, so both DOT texts and
        // both PNGs (whose stamp is the DOT text's digest) change; the other products' do not.
        for changed in ["cx-contact/connections.dot", "cx-contact/connections.png", "platform/connections.png",
                        "cx-contact/firewall.csv", "platform/firewall.xlsx", "site/cx-contact/index.html"] {
            #expect(replaced.contains(changed), "\(changed)")
        }
        for kept in ["genesys-pulse/connections.png", "voice-microservices/connections.svg", "genesys-voice-platform/firewall.xlsx",
                     "site/site.css", "docs/pages/genesys-pulse/connections.png"] {
            #expect(!replaced.contains(kept), "\(kept)")
        }
        // What is there now is what a build of the edited documents into an empty folder makes.
        #expect(try CLI.run(["build", "--input", "Input", "--output", "fresh"], in: folder).status == 0)
        for file in after.keys.sorted() {
            #expect(Self.bytes("\(folder)/out/\(file)") == Self.bytes("\(folder)/fresh/\(file)"), "\(file)")
        }
    }

    @Test func aPNGThatDoesNotMatchItsDOTIsDrawnAgain() throws {
        let (folder, _) = try Self.builtCopy()
        let expected = Self.bytes("\(folder)/out/genesys-pulse/connections.png")
        // Another diagram's PNG (a valid PNG with a valid stamp, for other DOT text) in its place,
        // and a PNG whose stamp was edited by hand (its chunk's checksum no longer matches).
        try Self.bytes("\(folder)/out/cx-contact/connections.png").write(to: URL(fileURLWithPath: "\(folder)/out/genesys-pulse/connections.png"))
        var edited = [UInt8](Self.bytes("\(folder)/out/voice-microservices/connections.png"))
        let keyword = [UInt8]("Portolan-Source".utf8)
        let at = try #require((0..<(edited.count - keyword.count)).first { Array(edited[$0..<$0 + keyword.count]) == keyword })
        edited[at + keyword.count + 1] ^= 1
        let voiceExpected = Self.bytes("\(folder)/out/voice-microservices/connections.png")
        try Data(edited).write(to: URL(fileURLWithPath: "\(folder)/out/voice-microservices/connections.png"))
        #expect(try CLI.run(["build", "--input", "Input", "--output", "\(folder)/out"]).status == 0)
        #expect(Self.bytes("\(folder)/out/genesys-pulse/connections.png") == expected)
        #expect(Self.bytes("\(folder)/out/voice-microservices/connections.png") == voiceExpected)
    }

    @Test func timingsNameEachStep() throws {
        let result = try SeedBuild.get().run  // --timings
        #expect(result.status == 0)
        // Each line whole but for its seconds: the step's name padded to one column, then "0.123 s".
        let table = result.stderr.split(separator: "\n").filter { $0.hasPrefix("  ") }.map(String.init)
        let steps = ["read", "products and views", "tables and firewall sheets", "lint", "diagrams and pages (as Graphviz draws them)",
                     "landscape and focus pages", "site index", "total"]
        #expect(table.count == steps.count, "\(table)")
        let seconds = try Regex(" +[0-9]+\\.[0-9]{3} s")
        for (line, step) in zip(table, steps) {
            #expect(line.replacing(seconds, with: " S") == "  \(step) S", "\(line)")
        }
    }
}
