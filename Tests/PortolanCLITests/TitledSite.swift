import Foundation
import PortolanTestSupport

/// One `portolan site --title "Acme <b>platform</b>" --markdown` of the seeds per test process,
/// for the tests that only read it (the title's escaping, MkDocs building the tree): a site of
/// the seeds is ~5 s of CPU, and two tests used to make their own.
struct TitledSite: Sendable {
    /// Holds `site/` (the HTML site) and `docs/` (the Markdown tree).
    let folder: String
    let run: Execution

    static let title = "Acme <b>platform</b>"

    /// Made on first use; nil when the binary could not be run at all (the test then says so).
    static let shared: TitledSite? = {
        guard let folder = try? CLI.temporaryFolder(),
              let run = try? CLI.run(["site", "--title", title, "--output", "\(folder)/site", "--markdown", "\(folder)/docs", "Input"])
        else { return nil }
        return TitledSite(folder: folder, run: run)
    }()

    static func get() throws -> TitledSite {
        guard let shared else { throw CocoaError(.executableNotLoadable) }
        return shared
    }
}
