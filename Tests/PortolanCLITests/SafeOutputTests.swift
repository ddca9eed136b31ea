import Foundation
import Testing

/// Issue 12: what a hostile or unlucky user did to the output folder. Each case failed before.
@Suite struct SafeOutputTests {
    static func files(under folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []).sorted()
    }

    /// The names of the files `build` makes of Input/: those of the committed Output/ (which
    /// `make test` holds equal to a fresh build) but the README's screenshot.
    static var builtNames: Set<String> {
        Set(contents("\(CLI.root)/Output").keys).subtracting(["site-screenshot.png"])
    }

    static func contents(_ folder: String) -> [String: Data] {
        var result: [String: Data] = [:]
        for file in files(under: folder) {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: "\(folder)/\(file)", isDirectory: &isDirectory), !isDirectory.boolValue {
                result[file] = FileManager.default.contents(atPath: "\(folder)/\(file)")
            }
        }
        return result
    }

    /// `folder/in/billing.txt`, one document of one row: for the cases that need a build, not the
    /// seeds' (a build of it writes 97 files in a fraction of a second).
    static func oneRowInput(in folder: String) throws {
        try FileManager.default.createDirectory(atPath: "\(folder)/in", withIntermediateDirectories: true)
        try CLI.write(Array(ExitCodeTests.oneRow.utf8), to: "\(folder)/in/billing.txt")
    }

    /// What a build of `oneRowInput` into `out` prints.
    static let oneRowReport = """
        [1/1] billing: 1 connection, 0 included services
        read 1 document (1 product, 1 connection, 0 warnings, 0 lint findings: see platform/lint.txt); wrote 97 files to out/ (0 more were already up to date)

        """

    /// The reproduction: `mkdir sd v; echo precious > v/model.json; ln -s $PWD/v sd/cx-contact`.
    @Test func aLinkedFolderInsideTheOutputIsNotWrittenThrough() throws {
        let folder = try CLI.temporaryFolder()
        let fm = FileManager.default
        try fm.createDirectory(atPath: "\(folder)/sd", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: "\(folder)/v", withIntermediateDirectories: true)
        try Data("precious\n".utf8).write(to: URL(fileURLWithPath: "\(folder)/v/model.json"))
        try fm.createSymbolicLink(atPath: "\(folder)/sd/cx-contact", withDestinationPath: "\(folder)/v")
        // Refused before anything is read: the one message is all it prints.
        try CLI.expectRun(["build", "--input", "\(CLI.root)/Input", "--output", "sd"], in: folder, folder: folder, status: 1, stdout: .text(""),
                          stderr: .text("sd/cx-contact: error: is a link to $TMP/v; refusing to write through a linked folder, which can lead out of the output folder (remove the link, or choose another output folder)\n"))
        #expect(Self.files(under: "\(folder)/v") == ["model.json"])
        #expect(fm.contents(atPath: "\(folder)/v/model.json") == Data("precious\n".utf8))
        // Nothing was written, and the lock is gone.
        #expect(Self.files(under: "\(folder)/sd") == ["cx-contact"])
    }

    @Test func anOutputFolderThatIsAFileGetsAClearMessage() throws {
        let folder = try CLI.temporaryFolder()
        try Data("x".utf8).write(to: URL(fileURLWithPath: "\(folder)/out"))
        try CLI.expectRun(["build", "--input", "\(CLI.root)/Input", "--output", "out"], in: folder, status: 1, stdout: .text(""),
                          stderr: .text("out: error: the output folder is a file; name a folder (it is created if missing)\n"))
        // A file where a product's folder goes.
        try FileManager.default.createDirectory(atPath: "\(folder)/out2", withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: "\(folder)/out2/genesys-pulse"))
        try CLI.expectRun(["build", "--input", "\(CLI.root)/Input", "--output", "out2"], in: folder, status: 1, stdout: .text(""),
                          stderr: .text("out2/genesys-pulse: error: is a file where Portolan writes a folder; remove it or choose another output folder\n"))
    }

    /// A build killed between writing a temporary file and renaming it (the fault hook kills
    /// the process with SIGKILL after its 40th temporary file) leaves that file behind, and the
    /// one a page being streamed on the other thread had open, if any; the next build removes
    /// them and its result is what a clean build makes.
    @Test func aKilledBuildsTemporaryFilesAreRemovedByTheNext() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.oneRowInput(in: folder)
        let killed = try CLI.run(["build", "--input", "in", "--output", "out"], in: folder,
                                 environment: ["PORTOLAN_FAULT_KILL_AFTER_TEMP": "40"])
        #expect(killed.signal == SIGKILL)
        let left = Self.files(under: "\(folder)/out").filter { $0.hasSuffix(".tmp") }
        #expect((1...2).contains(left.count), "\(left)")
        #expect(left.allSatisfy { ($0 as NSString).lastPathComponent.hasPrefix(".portolan-") })
        // The files the killed build had renamed into place are up to date; the others are written.
        let again = try CLI.run(["build", "--input", "in", "--output", "out"], in: folder)
        #expect(again.status == 0, "\(again.stderr)")
        let counts = again.stderr.split(separator: "\n").last.map { line in
            line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.suffix(2)
        }.map(Array.init) ?? []
        #expect(counts.count == 2 && counts[0] + counts[1] == 97 && counts[1] > 0, "\(again.stderr)")
        #expect(Self.files(under: "\(folder)/out").filter { $0.hasSuffix(".tmp") || $0.hasSuffix(".lock") }.isEmpty)
        try CLI.expectRun(["build", "--input", "in", "--output", "clean"], in: folder, status: 0, stdout: .text(""),
                          stderr: .text(Self.oneRowReport.replacingOccurrences(of: "to out/", with: "to clean/")))
        #expect(Self.contents("\(folder)/out") == Self.contents("\(folder)/clean"))
    }

    /// Stale temporary files (of a PID that no longer runs) are removed, but never through a link.
    @Test func staleTemporaryFilesAreRemovedInsideTheOutputOnly() throws {
        let folder = try CLI.temporaryFolder()
        let fm = FileManager.default
        try fm.createDirectory(atPath: "\(folder)/out/platform", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: "\(folder)/elsewhere", withIntermediateDirectories: true)
        try Data("half".utf8).write(to: URL(fileURLWithPath: "\(folder)/out/platform/.portolan-999999-7.tmp"))
        try Data("other".utf8).write(to: URL(fileURLWithPath: "\(folder)/elsewhere/.portolan-999999-8.tmp"))
        try fm.createSymbolicLink(atPath: "\(folder)/out/link", withDestinationPath: "\(folder)/elsewhere")
        try Self.oneRowInput(in: folder)
        try CLI.expectRun(["build", "--input", "in", "--output", "out"], in: folder, status: 0, stdout: .text(""), stderr: .text(Self.oneRowReport))
        #expect(!fm.fileExists(atPath: "\(folder)/out/platform/.portolan-999999-7.tmp"))
        #expect(fm.fileExists(atPath: "\(folder)/elsewhere/.portolan-999999-8.tmp"))
    }

    /// A build waits while another holds the output folder's lock (here a stand-in that holds
    /// it for two seconds, with its PID in the lock file), says whom it waits for, then builds.
    @Test func aBuildWaitsForTheFoldersLock() throws {
        let folder = try CLI.temporaryFolder()
        try FileManager.default.createDirectory(atPath: "\(folder)/out", withIntermediateDirectories: true)
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["python3", "-c", """
            import fcntl, os, sys, time
            f = open(sys.argv[1], "w"); fcntl.flock(f, fcntl.LOCK_EX); f.write("%d\\n" % os.getpid()); f.flush()
            open(sys.argv[2], "w").close(); time.sleep(2)
            """, "\(folder)/out/.portolan.lock", "\(folder)/held"]
        try holder.run()
        while !FileManager.default.fileExists(atPath: "\(folder)/held") { usleep(20_000) }
        try Self.oneRowInput(in: folder)
        let started = Date()
        let result = try CLI.run(["build", "--input", "in", "--output", "out"], in: folder)
        holder.waitUntilExit()
        // The note, whole, then the build's usual report.
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "out: note: waiting for another portolan (pid \(holder.processIdentifier)) writing into this folder\n" + Self.oneRowReport)
        #expect(Date().timeIntervalSince(started) > 1.5)
        // The 97 files it says it wrote, and nothing else (the lock file is gone).
        #expect(Self.contents("\(folder)/out").count == 97)
    }

    /// Two builds of different documents into one folder at once: the folder ends as one of
    /// them makes it alone, never a mix.
    @Test func twoBuildsIntoOneFolderDoNotInterleave() async throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: "\(folder)/a", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: "\(folder)/b", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "\(CLI.root)/Input", toPath: "\(folder)/a/Input")
        try FileManager.default.copyItem(atPath: "\(CLI.root)/Input", toPath: "\(folder)/b/Input")
        // Every row of b's documents says TCP 5051 where a's say 5050.
        let path = "\(folder)/b/Input/000_719e74b289d3778a.txt"
        let text = String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self)
        try Data(text.replacingOccurrences(of: "5050", with: "5051").utf8).write(to: URL(fileURLWithPath: path))
        async let first = CLI.run(["build", "--input", "a/Input", "--output", "out"], in: folder)
        async let second = CLI.run(["build", "--input", "b/Input", "--output", "out"], in: folder)
        let (one, two) = try await (first, second)
        #expect(one.status == 0 && two.status == 0, "\(one.stderr)\n\(two.stderr)")
        // a alone makes what a build of Input/ makes (documents are named from the folder "Input"
        // on, see theInputPathDoesNotChangeTheOutput); b alone is built here.
        let seeds = try SeedBuild.get()
        #expect(seeds.run.status == 0)
        #expect(try CLI.run(["build", "--input", "b/Input", "--output", "clean-b"], in: folder).status == 0)
        let out = Self.contents("\(folder)/out"), cleanA = Self.contents(seeds.folder), cleanB = Self.contents("\(folder)/clean-b")
        #expect(cleanA != cleanB)
        #expect(out == cleanA || out == cleanB)
    }

    /// `--input Input`, `./Input/` and an absolute path give the same files, and no file holds
    /// the absolute path.
    @Test func theInputPathDoesNotChangeTheOutput() throws {
        let folder = try CLI.temporaryFolder()
        for (input, output) in [("./Input/", "b"), ("\(CLI.root)/Input", "c")] {
            let result = try CLI.run(["build", "--input", input, "--output", "\(folder)/\(output)"])
            #expect(result.status == 0, "\(input): \(result.stderr)")
        }
        let seeds = try SeedBuild.get()  // --input Input
        #expect(seeds.run.status == 0)
        let a = Self.contents(seeds.folder)
        #expect(Set(a.keys) == Self.builtNames)
        #expect(Self.contents("\(folder)/b") == a)
        #expect(Self.contents("\(folder)/c") == a)
        let absolute = Data(CLI.root.utf8)
        #expect(a.filter { $0.value.range(of: absolute) != nil }.keys.sorted() == [])
    }
}
