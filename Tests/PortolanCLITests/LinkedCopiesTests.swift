import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The site and the MkDocs tree each hold a copy of a view's table files beside its page; a copy
/// of 1 MiB or more is a hard link to the file at the top (a million rows' model.json is 480 MB,
/// written once instead of three times), smaller copies are files of their own.
@Suite struct LinkedCopiesTests {
    /// One product of `rows` rows: about 600 bytes of model.json a row.
    static func input(rows: Int, in folder: String) throws {
        try FileManager.default.createDirectory(atPath: "\(folder)/in", withIntermediateDirectories: true)
        var text = "From the point of view of Billing as a service in the network.\n\n"
        text += "Connection\tSource\tDestination\tProtocol\tPort\tClassification\tData that travels on this connection\n"
        for n in 1...rows {
            text += "\(n)\tService \(n % 9)\tStore \(n % 4)\tTCP\t\(8000 + n % 50)\tIntra-cluster\tRecords of batch \(n)\n"
        }
        try CLI.write(Array(text.utf8), to: "\(folder)/in/billing.txt")
    }

    static func status(_ path: String) -> stat {
        var status = stat()
        #expect(lstat(path, &status) == 0, "\(path)")
        return status
    }

    @Test func largeCopiesAreOneFileSmallOnesAreTheirOwn() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.input(rows: 3000, in: folder)
        let built = try CLI.run(["build", "--input", "in", "--output", "out"], in: folder)
        #expect(built.status == 0, "\(built.stderr.suffix(400))")
        let out = "\(folder)/out"
        let model = FileManager.default.contents(atPath: "\(out)/platform/model.json") ?? Data()
        #expect(model.count >= 1 << 20)
        let rows = (try JSONSerialization.jsonObject(with: model) as? [String: Any])
            .flatMap { ($0["documents"] as? [[String: Any]])?.first?["connections"] as? [Any] }
        #expect(rows?.count == 3000)
        // The platform's model.json and its two copies beside the pages, and (one product: the
        // same bytes) the product's and its copies: one file, six names.
        #expect(FileManager.default.contents(atPath: "\(out)/billing/model.json") == model)
        let top = Self.status("\(out)/platform/model.json")
        for copy in ["site/platform/model.json", "docs/pages/platform/model.json", "billing/model.json",
                     "site/billing/model.json", "docs/pages/billing/model.json"] {
            let status = Self.status("\(out)/\(copy)")
            #expect(status.st_ino == top.st_ino && status.st_dev == top.st_dev, "\(copy)")
        }
        #expect(top.st_nlink == 6)
        // The Markdown table (3,000 rows of about 90 bytes) is under 1 MiB: its copies are files.
        let table = Self.status("\(out)/platform/connections.md")
        #expect(table.st_size < 1 << 20 && table.st_nlink == 1)
        #expect(Self.status("\(out)/site/platform/connections.md").st_ino != table.st_ino)
        // No file of the output is a link to one of less than 1 MiB.
        for file in SafeOutputTests.files(under: out) {
            let status = Self.status("\(out)/\(file)")
            if status.st_mode & S_IFMT == S_IFREG, status.st_nlink > 1 { #expect(status.st_size >= 1 << 20, "\(file)") }
        }

        // A copy changed in place (which changes all three names) is put back by the next build,
        // and a build with nothing changed writes nothing.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: "\(out)/site/platform/model.json"))
        try handle.write(contentsOf: Data("{}".utf8))
        try handle.close()
        #expect(FileManager.default.contents(atPath: "\(out)/platform/model.json") != model)
        let again = try CLI.run(["build", "--input", "in", "--output", "out"], in: folder)
        #expect(again.status == 0)
        for copy in ["platform/model.json", "site/platform/model.json", "docs/pages/platform/model.json", "billing/model.json"] {
            #expect(FileManager.default.contents(atPath: "\(out)/\(copy)") == model, "\(copy)")
        }
        let unchanged = try CLI.run(["build", "--input", "in", "--output", "out"], in: folder)
        #expect(unchanged.stderr.contains("; wrote 0 files to out/ ("), "\(unchanged.stderr.suffix(300))")
    }
}
