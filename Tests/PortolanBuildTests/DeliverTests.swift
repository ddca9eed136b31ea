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
}
