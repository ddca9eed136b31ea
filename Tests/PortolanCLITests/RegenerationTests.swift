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

    static func copyInput(to folder: String) throws {
        try FileManager.default.copyItem(atPath: "\(CLI.root)/Input", toPath: "\(folder)/in")
    }

    static func bytes(_ path: String) -> Data {
        FileManager.default.contents(atPath: path) ?? Data()
    }

    @Test func anUnchangedRebuildReplacesNothing() throws {
        let folder = try CLI.temporaryFolder()
        try Self.copyInput(to: folder)
        let first = try CLI.run(["build", "--input", "\(folder)/in", "--output", "\(folder)/out"])
        #expect(first.status == 0)
        // The views' folders (diagrams, tables, sheets, policies, Terraform, model, lint), the site
        // with a focus page per component, the Markdown tree and the landscape: every file is new.
        let before = try Self.inodes("\(folder)/out")
        #expect(before.count > 200)
        #expect(first.stderr.contains("wrote \(before.count) files to \(folder)/out/ (0 more were already up to date)"))
        let second = try CLI.run(["build", "--input", "\(folder)/in", "--output", "\(folder)/out"])
        #expect(second.status == 0)
        #expect(second.stderr.contains("wrote 0 files to \(folder)/out/ (\(before.count) more were already up to date)"))
        #expect(try Self.inodes("\(folder)/out") == before)
        // No temporary file is left behind.
        #expect(!(FileManager.default.enumerator(atPath: "\(folder)/out")?.compactMap { $0 as? String } ?? []).contains { $0.contains(".portolan-") })
    }

    @Test func anEditRedrawsOnlyWhatItChanges() throws {
        let folder = try CLI.temporaryFolder()
        try Self.copyInput(to: folder)
        #expect(try CLI.run(["build", "--input", "\(folder)/in", "--output", "\(folder)/out"]).status == 0)
        let before = try Self.inodes("\(folder)/out")
        // CX Contact's row 9 (GWS -> Outbound, TCP 5050) gets another port.
        let path = "\(folder)/in/000_719e74b289d3778a.txt"
        let text = String(decoding: Self.bytes(path), as: UTF8.self)
        let row = "9\tGWS\tOutbound\tTCP\t5050\tIntra-cluster"
        #expect(text.contains(row))
        try Data(text.replacingOccurrences(of: row, with: "9\tGWS\tOutbound\tTCP\t5051\tIntra-cluster").utf8).write(to: URL(fileURLWithPath: path))
        #expect(try CLI.run(["build", "--input", "\(folder)/in", "--output", "\(folder)/out"]).status == 0)
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
        #expect(try CLI.run(["build", "--input", "\(folder)/in", "--output", "\(folder)/fresh"]).status == 0)
        for file in after.keys.sorted() {
            #expect(Self.bytes("\(folder)/out/\(file)") == Self.bytes("\(folder)/fresh/\(file)"), "\(file)")
        }
    }

    @Test func aPNGThatDoesNotMatchItsDOTIsDrawnAgain() throws {
        let folder = try CLI.temporaryFolder()
        try Self.copyInput(to: folder)
        #expect(try CLI.run(["build", "--input", "\(folder)/in", "--output", "\(folder)/out"]).status == 0)
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
        #expect(try CLI.run(["build", "--input", "\(folder)/in", "--output", "\(folder)/out"]).status == 0)
        #expect(Self.bytes("\(folder)/out/genesys-pulse/connections.png") == expected)
        #expect(Self.bytes("\(folder)/out/voice-microservices/connections.png") == voiceExpected)
    }

    @Test func timingsNameEachStep() throws {
        let result = try SeedBuild.get().run  // --timings
        #expect(result.status == 0)
        let table = result.stderr.split(separator: "\n").filter { $0.hasPrefix("  ") }
        #expect(table.map { $0.dropFirst(2).prefix { $0 != " " } } == ["read", "products", "tables", "lint", "diagrams", "landscape", "site", "total"])
        for (line, step) in zip(table, ["read", "products and views", "tables and firewall sheets", "lint", "diagrams and pages", "landscape and focus pages", "site index", "total"]) {
            #expect(line.hasPrefix("  \(step)") && line.hasSuffix(" s"), "\(line)")
        }
    }
}
