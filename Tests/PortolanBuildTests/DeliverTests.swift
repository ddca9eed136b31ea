import Foundation
import PortolanBuild
import PortolanModel
import PortolanReaders
import Testing

/// With `deliver`, every file is handed over once, in groups, and the result keeps none (a
/// million-row build must not hold gigabytes of files to its end); the files are the same bytes
/// a build without `deliver` keeps in its result, and so are the diagnostics.
@Suite struct DeliverTests {
    @Test func everyFileIsDeliveredOnceAndNotKept() throws {
        var delivered: [String: Data] = [:]
        var groups = 0
        var repeated: [String] = []
        var platformTables: [[String]] = []
        let streamed = try Builder(.everything()).run(BuilderTests.workspace()) { files in
            groups += 1
            let tables = files.keys.filter { $0 == "platform/model.json" || $0 == "platform/firewall.csv" || $0 == "platform/firewall.xlsx" }
            if !tables.isEmpty { platformTables.append(tables.sorted()) }
            for (path, data) in files {
                if delivered[path] != nil { repeated.append(path) }
                delivered[path] = data
            }
        }
        let kept = try Builder(.everything()).run(BuilderTests.workspace())
        #expect(streamed.files.isEmpty)
        #expect(repeated.isEmpty)
        #expect(delivered == kept.files)
        #expect(kept.files.count > 60)
        // The lint files, each view's tables, each view's page, then the landscape and the indexes.
        #expect(groups >= 5)
        // Each table file is handed over on its own as soon as it is made (a million rows'
        // model.json is not held until the sheets are made).
        #expect(platformTables.sorted { $0[0] < $1[0] } == [["platform/firewall.csv"], ["platform/firewall.xlsx"], ["platform/model.json"]])
        #expect(streamed.diagnostics.map(\.formatted) == kept.diagnostics.map(\.formatted))
        // Each step of --timings once, in the pipeline's order.
        #expect(streamed.timings.map(\.step) == ["products and views", "tables and firewall sheets", "lint",
                                                  "diagrams and pages (as Graphviz draws them)", "landscape and focus pages",
                                                  "site index", "total"])
    }

    /// With `stream` too, each view's site page and Markdown page arrive piece by piece (a
    /// million rows' site page is 940 MB), every other file through `deliver`; together they are
    /// the files a build without either keeps, each once.
    @Test func pagesAreStreamedAndEveryOtherFileDelivered() throws {
        let lock = NSLock()
        var delivered: [String: Data] = [:]
        var streamed: [String: Data] = [:]
        var twice: [String] = []
        let result = try Builder(.everything()).run(BuilderTests.workspace(), deliver: { files in
            lock.withLock {
                for (path, data) in files {
                    if delivered[path] != nil || streamed[path] != nil { twice.append(path) }
                    delivered[path] = data
                }
            }
        }, stream: { paths, body in
            var whole = Data()
            try body { whole.append($0) }
            lock.withLock {
                for path in paths {
                    if delivered[path] != nil || streamed[path] != nil { twice.append(path) }
                    streamed[path] = whole
                }
            }
        })
        let kept = try Builder(.everything()).run(BuilderTests.workspace())
        #expect(result.files.isEmpty)
        #expect(twice.isEmpty)
        let slugs = kept.views.map(\.slug)
        // A view's model.json and its copies are streamed too when its drawing is already made.
        let models = Set(slugs.flatMap { ["\($0)/model.json", "site/\($0)/model.json", "docs/pages/\($0)/model.json"] })
        #expect(Set(streamed.keys).subtracting(models) == Set(slugs.flatMap { ["site/\($0)/index.html", "docs/pages/\($0)/index.md"] }))
        #expect(delivered.merging(streamed) { first, _ in first } == kept.files)
        #expect(result.diagnostics.map(\.formatted) == kept.diagnostics.map(\.formatted))
    }

    /// A stream that fails (a full disk) fails the build with its error; the page it was
    /// writing is not delivered some other way.
    @Test func aFailingStreamFailsTheBuild() throws {
        struct Full: Error {}
        let lock = NSLock()
        var delivered: Set<String> = []
        #expect(throws: Full.self) {
            _ = try Builder(.everything()).run(BuilderTests.workspace(), deliver: { files in
                lock.withLock { delivered.formUnion(files.keys) }
            }, stream: { paths, body in
                try body { _ in if paths == ["site/platform/index.html"] { throw Full() } }
            })
        }
        #expect(!delivered.contains("site/platform/index.html"))
    }

    /// Without pages, each view's model.json is streamed, always (no copies wait for a
    /// drawing): the same bytes the kept build holds, and not delivered whole as well.
    @Test func aModelWithoutPagesIsStreamed() throws {
        let lock = NSLock()
        var delivered: [String: Data] = [:]
        var streamed: [String: Data] = [:]
        let request = Request(parts: [.model])
        _ = try Builder(request).run(BuilderTests.workspace(), deliver: { files in
            lock.withLock { delivered.merge(files) { _, new in new } }
        }, stream: { paths, body in
            var whole = Data()
            var pieces = 0
            try body {
                whole.append($0)
                pieces += 1
            }
            #expect(pieces >= 1)
            lock.withLock { for path in paths { streamed[path] = whole } }
        })
        let kept = try Builder(request).run(BuilderTests.workspace())
        let models = kept.files.filter { $0.key.hasSuffix("/model.json") }
        #expect(models.count == kept.views.count && !models.isEmpty)
        #expect(streamed == models)
        #expect(delivered.keys.filter { $0.hasSuffix("/model.json") }.isEmpty)
    }

    /// `folders` names every folder a build writes a file into (the CLI checks them all before
    /// the first file): a new kind of folder must be added there.
    @Test func foldersNameEveryFolderABuildWritesInto() throws {
        let workspace = BuilderTests.workspace()
        let builder = Builder(.everything())
        let files = try builder.run(workspace).files.keys
        let written = Set(files.compactMap { path -> String? in
            let parts = path.split(separator: "/").dropLast()
            return parts.isEmpty ? nil : parts.joined(separator: "/")
        })
        #expect(written.subtracting(builder.folders(workspace)).isEmpty, "\(written.subtracting(builder.folders(workspace)).sorted())")
        #expect(written.contains("site/platform/terraform/aws"))
    }
}
