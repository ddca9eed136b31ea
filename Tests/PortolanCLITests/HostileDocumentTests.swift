import Foundation
import PortolanTestSupport
import Testing

/// One document full of hostile names and descriptions goes through `portolan build`; every
/// output format must carry the texts as inert text, and every file must stay in the output folder.
@Suite struct HostileDocumentTests {
    static let document = """
        From the point of view of ../../Evil <b>Corp</b> "X" as a service in the network.

        Connection\tSource\tDestination\tProtocol\tPort\tClassification\tData that travels on this connection
        1\t=HYPERLINK("http://evil.invalid","x")\t<script>alert(1)</script>\tHTTPS\t443\tEgress\tjavascript:alert(1) & "quotes" \\ back\\slash
        2\tA | pipe\tB\u{202E}gnp.exe\tTCP\t80\tIngress\t@SUM(1+1) -cmd +x
        3\tline&#10;break\t'single' "double"\tUDP\t53\tIntra-cluster\t<img src=x onerror=alert(1)> [link](javascript:alert(2))

        Included service\tDescription
        <script>alert(3)</script> "svc" & co\tAn included service no row names, listed in the diagram's box.

        """

    /// One build of the document per test process (`in/hostile.txt` -> `out/`, from its folder):
    /// every test here only reads what it wrote.
    static let built: (folder: String, run: Execution)? = {
        guard let folder = try? CLI.temporaryFolder(),
              (try? FileManager.default.createDirectory(atPath: "\(folder)/in", withIntermediateDirectories: true)) != nil,
              (try? CLI.write(Array(document.utf8), to: "\(folder)/in/hostile.txt")) != nil,
              let run = try? CLI.run(["build", "--input", "in", "--output", "out"], in: folder) else { return nil }
        return (folder, run)
    }()

    static func build() throws -> String {
        guard let built else { throw CocoaError(.executableNotLoadable) }
        #expect(built.run.status == 0, "\(built.run.stderr)")
        return built.folder
    }

    /// What the build prints, whole: rows 2 and 3 (lines 5 and 6) lose control characters from a
    /// cell (the right-to-left override; the line break), each said with a warning on its line.
    @Test func theBuildsReport() throws {
        let folder = try Self.build()
        let run = try #require(Self.built?.run)
        #expect(run.stdout == "")
        #expect(Golden.mismatch(run.stderr, target: "PortolanCLITests", test: "HostileDocumentTests", case: "build", extension: "txt") == nil)
        #expect(FileManager.default.fileExists(atPath: "\(folder)/out/platform/lint.txt"))
    }

    static func files(under folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []).sorted()
    }

    static func read(_ path: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }

    @Test func everythingStaysInsideTheOutputFolder() throws {
        let folder = try Self.build()
        // Nothing escaped the output folder through the subject "../../Evil ...".
        #expect(Self.files(under: folder).allSatisfy { $0 == "in" || $0.hasPrefix("in/") || $0 == "out" || $0.hasPrefix("out/") })
        let products = try FileManager.default.contentsOfDirectory(atPath: "\(folder)/out").sorted()
        #expect(products.contains("evil-corp-x"))
        #expect(products.allSatisfy { !$0.contains("..") && !$0.contains(" ") })
    }

    @Test func markupStaysText() throws {
        let folder = try Self.build()
        for file in Self.files(under: "\(folder)/out") where file.hasSuffix(".svg") || file.hasSuffix(".html") {
            let text = Self.read("\(folder)/out/\(file)")
            #expect(!text.contains("<script>alert"), "\(file)")
            #expect(!text.contains("<img src=x"), "\(file)")
            #expect(!text.contains("href=\"javascript:"), "\(file)")
            #expect(!text.contains("onerror=alert") || text.contains("&lt;img src=x onerror=alert"), "\(file)")
        }
        let svg = Self.read("\(folder)/out/evil-corp-x/connections.svg")
        #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        // The DOT file is one Graphviz accepts (the SVG was rendered from it) and quotes stay quoted.
        let dot = Self.read("\(folder)/out/evil-corp-x/connections.dot")
        #expect(dot.contains("\\\"double\\\"") || dot.contains("&quot;double&quot;"))
    }

    @Test func spreadsheetCellsCannotBeFormulas() throws {
        let folder = try Self.build()
        let csv = Self.read("\(folder)/out/evil-corp-x/firewall.csv")
        #expect(csv.contains("'=HYPERLINK("))
        #expect(!csv.contains(",=HYPERLINK("))
        #expect(csv.contains("'@SUM(1+1)"))
        // openpyxl reads no formula cell, and the same neutralised text.
        let check = try CLI.runTool("/usr/bin/env", ["python3", "-c", """
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
            assert not any(c.data_type == "f" for c in cells), "formula cell"
            values = [str(c.value) for c in cells if c.value is not None]
            assert any(v.startswith("'=HYPERLINK(") for v in values), values
            print("ok")
            """, "\(folder)/out/evil-corp-x/firewall.xlsx"])
        #expect(check.stdout == "ok\n", "\(check.stderr)")
    }

    @Test func markdownTablesKeepTheirColumns() throws {
        let folder = try Self.build()
        let markdown = Self.read("\(folder)/out/evil-corp-x/connections.md")
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| 2 ") }
        #expect(!rows.isEmpty)
        for row in rows {
            // Unescaped pipes: the row's own cell borders only (8 for 7 columns).
            var unescaped = 0, previous: Character = " "
            for ch in row { if ch == "|" && previous != "\\" { unescaped += 1 }; previous = ch }
            #expect(unescaped == 8, "\(row)")
        }
    }

    @Test func yamlAndJSONReadBackTheSameText() throws {
        let folder = try Self.build()
        let check = try CLI.runTool("/usr/bin/env", ["python3", "-c", """
            import sys, json, yaml
            model = json.load(open(sys.argv[1]))
            names = [c["source"] for d in model["documents"] for c in d["connections"]]
            assert names[0] == '=HYPERLINK("http://evil.invalid","x")', names
            assert names[1] == "A | pipe", names
            for doc in yaml.safe_load_all(open(sys.argv[2])):
                pass
            print("ok")
            """, "\(folder)/out/evil-corp-x/model.json", "\(folder)/out/evil-corp-x/networkpolicies.yaml"])
        #expect(check.stdout == "ok\n", "\(check.stderr)")
    }
}
