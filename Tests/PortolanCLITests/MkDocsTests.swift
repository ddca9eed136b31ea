import Foundation
import PortolanTestSupport
import Testing

/// The Markdown tree `site --markdown` writes is really built by MkDocs, strictly (a broken
/// link or nav entry fails). Without mkdocs the check says it was skipped; under CI it fails.
@Suite struct MkDocsTests {
    @Test func theMarkdownTreeBuildsStrictly() throws {
        let which = try CLI.runTool("/usr/bin/env", ["sh", "-c", "command -v mkdocs"])
        guard which.status == 0 else {
            let line = skipped("mkdocs build --strict of the Markdown tree", because: "mkdocs is not installed (pip install mkdocs)")
            #expect(!runningInCI, "\(line)")
            return
        }
        let site = try TitledSite.get()
        let folder = site.folder
        #expect(site.run.status == 0, "\(site.run.stderr)")
        let mkdocs = which.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let built = try CLI.runTool(mkdocs, ["build", "--strict", "--quiet", "-f", "\(folder)/docs/mkdocs.yml", "-d", "\(folder)/html"])
        #expect(built.status == 0, "\(built.stderr)")
        // One page per product and the platform, and the index.
        for page in ["index.html", "cx-contact/index.html", "genesys-pulse/index.html", "voice-microservices/index.html",
                     "genesys-voice-platform/index.html", "platform/index.html"] {
            #expect(FileManager.default.fileExists(atPath: "\(folder)/html/\(page)"), "\(page)")
        }
    }
}
