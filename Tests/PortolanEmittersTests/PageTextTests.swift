import Foundation
import PortolanAnalysis
import PortolanModel
import Testing
@testable import PortolanEmitters

/// The pages' byte fast paths (`PageText`, `MarkdownTable.appendCell`, `MarkdownDocs.appendCode`)
/// held equal to the general functions they stand in for, on every ASCII byte and on texts
/// made of what those paths must leave alone: control, bidirectional and C1 characters,
/// combining marks after markup, line breaks in both orders, non-ASCII, empty text.
@Suite struct PageTextTests {
    /// Single characters worth trying, alone and mixed.
    static let pieces: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) } + [
        "\u{80}", "\u{85}", "\u{9F}", "\u{A0}", "\u{61C}", "\u{200E}", "\u{200F}", "\u{202A}", "\u{202E}",
        "\u{2066}", "\u{2069}", "\u{301}", "&\u{301}", "<\u{338}", "'\u{301}", "`\u{301}", "\u{1FEF}", "é", "ü",
        "日本", "👍🏽", "\r\n", "\n\r", "\r\r\n", "\u{FEFF}", "\u{2028}",
    ]

    /// The pieces alone, the empty text, and 2,000 texts of one to eight pieces (a fixed
    /// pseudo-random sequence, so every run tries the same texts).
    static let texts: [String] = {
        var texts = [""] + pieces
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<2000 {
            let plain = ["Service 0-7", "data ", "8001", "SIP/UDP", "a"]
            texts.append((0...next(8)).map { _ in next(3) == 0 ? plain[next(plain.count)] : pieces[next(pieces.count)] }.joined())
        }
        return texts
    }()

    static func bytes(_ append: (inout [UInt8]) -> Void) -> String {
        var out: [UInt8] = Array("x|".utf8)  // written after other bytes, as in a page
        append(&out)
        return String(decoding: out.dropFirst(2), as: UTF8.self)
    }

    @Test func htmlFastPathIsTheGeneralEscape() {
        for text in Self.texts {
            let general = HTMLText.escape(ControlCharacters.visible(text))
            #expect(Self.bytes { $0.appendHTML(text) } == general, "\(Array(text.unicodeScalars))")
            #expect(SiteRows.escape(text) == general)
        }
        #expect(Self.bytes { $0.appendHTML("<a href='x'>&\"</a>") } == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;")
        #expect(Self.bytes { $0.appendHTML("\u{1B}[31m&\u{202E}") } == "&lt;U+001B&gt;[31m&amp;&lt;U+202E&gt;")
        // A combining mark makes "&" part of another character: the template leaves it as it is.
        #expect(Self.bytes { $0.appendHTML("&\u{301}<") } == "&\u{301}&lt;")
    }

    @Test func markdownCellFastPathIsTheGeneralEscape() {
        for text in Self.texts {
            let general = MarkdownTable.general(text)
            #expect(MarkdownTable.escape(text) == general, "\(Array(text.unicodeScalars))")
            #expect(Self.bytes { MarkdownTable.appendCell(text, to: &$0) } == general, "\(Array(text.unicodeScalars))")
            #expect(Self.bytes { MarkdownDocs.appendVisibleCell(text, to: &$0) } == ControlCharacters.visible(general))
        }
        #expect(MarkdownTable.escape("a|b\\c`d*e_f[g]h~i<j>k&l") == "a\\|b\\\\c\\`d\\*e\\_f\\[g\\]h\\~i&lt;j&gt;k&amp;l")
        #expect(MarkdownTable.escape("one\r\ntwo\nthree\rfour\n\rfive\tsix") == "one<br>two<br>three<br>four<br><br>five six")
        #expect(MarkdownTable.escape("bell\u{7}") == "bell&lt;U+0007&gt;")
    }

    @Test func markdownRowsAreTheRenderedTable() {
        let rows = Self.texts.enumerated().map { index, text in Array(repeating: text, count: index % 5) }
        let header = ["A", "B|", "C"]
        let bytes = PageBytes()
        MarkdownTable.write(header: header, rows: rows, into: bytes)
        let written = String(decoding: bytes.data, as: UTF8.self)
        let lines = ["| A | B\\| | C |", "| --- | --- | --- |"] + rows.map { row in
            "| " + (0..<3).map { $0 < row.count ? MarkdownTable.general(row[$0]) : "" }.joined(separator: " | ") + " |"
        }
        #expect(written == lines.joined(separator: "\n") + "\n")
        #expect(MarkdownTable.render(header: header, rows: rows) == written)
        #expect(MarkdownTable.render(header: [], rows: [["x"]]) == "|  |\n|\n|  |\n")
    }

    @Test func codeSpanFastPathIsTheGeneralOne() {
        for text in Self.texts {
            let general = ControlCharacters.visible(ControlCharacters.visible(text, lineBreaks: true).replacingOccurrences(of: "`", with: "'"))
            #expect(Self.bytes { MarkdownDocs.appendCode(text, to: &$0) } == general, "\(Array(text.unicodeScalars))")
        }
        #expect(Self.bytes { MarkdownDocs.appendCode("in/`p`.txt:5:1", to: &$0) } == "in/'p'.txt:5:1")
    }

    @Test func pageBytesHandOnPiecesThatMakeTheWhole() throws {
        var pieces: [Data] = []
        let bytes = PageBytes { pieces.append($0) }
        let row = String(repeating: "é<row>", count: 1000)
        for _ in 0..<2000 { bytes.write { $0.appendHTML(row) } }
        #expect(try bytes.finish().isEmpty)
        #expect(pieces.count > 1)
        #expect(pieces.dropLast().allSatisfy { $0.count >= PageBytes.pieceSize })
        let whole = pieces.reduce(Data(), +)
        #expect(whole == Data(String(repeating: HTMLText.escape(row), count: 2000).utf8))
    }

    @Test func markersAreFoundAsBytes() {
        let page = Array("<p><portolan-splice-a/></p><portolan-splice-a/>".utf8)
        #expect(page.places(of: Array("<portolan-splice-a/>".utf8), from: 0) == [3, 27])
        #expect(page.places(of: Array("<portolan-splice-a/>".utf8), from: 4) == [27])
        #expect(Array("aaa".utf8).places(of: Array("aa".utf8), from: 0) == [0])
        #expect(Array("ab".utf8).places(of: Array("abc".utf8), from: 0) == [])
    }

    /// A page whose findings, listening ports or services are off renders spliced (the marker
    /// of an unshown value is not there) the same bytes as whole.
    @Test func pagesWithSectionsOffSpliceAsTheyRenderWhole() throws {
        let library = try SiteResources.library(folder: "Templates", names: StaticSite.templates)
        let docs = try SiteResources.library(folder: MarkdownDocs.folder, names: MarkdownDocs.templates)
        var pages = SiteTests.pages(try TableSeeds.products())
        let links = pages.map(SiteLink.init)
        var bare = pages[0]
        bare.findings = []
        bare.listening = []
        bare.services = []
        pages.append(bare)
        for page in pages {
            let context = SiteContexts.page(page, all: links, options: StaticSite.Options())
            let spliced = try library.pageSplicing("page", context, large: ["rowsHTML", "listeningHTML", "findingsHTML"])
            #expect(spliced == (try library.pageWhole("page", context)), "\(page.slug)")
            let docsContext = MarkdownDocs.context(page)
            let docsSpliced = try docs.pageSplicing("page", docsContext, large: ["connectionsTable", "findingsList"])
            #expect(docsSpliced == (try docs.pageWhole("page", docsContext)), "\(page.slug)")
        }
        let html = String(decoding: try library.pageSplicing("page", SiteContexts.page(bare, all: links, options: StaticSite.Options()),
                                                             large: ["rowsHTML", "listeningHTML", "findingsHTML"]), as: UTF8.self)
        #expect(html.contains("<p>No warnings.</p>"))
        #expect(!html.contains("portolan-splice"))
    }

    /// The listening ports link a number to the first edge of its product and number, as a
    /// front-to-back search finds it, when a number repeats within a product and across products.
    @Test func edgeLookupKeepsTheFirstEdgeOfANumber() throws {
        func row(_ number: String, _ source: String, _ destination: String, line: Int) -> Connection {
            Connection(number: number, source: source, destination: destination, protocol: "TCP",
                       ports: PortSpec(ranges: [PortRange(8000 + line)], text: "\(8000 + line)"), classification: nil,
                       description: "row at \(line)", line: line)
        }
        let products = Products.group(Model(documents: [
            Document(path: "a.txt", subject: "Alpha", connections: [row("1", "Web", "API", line: 3), row("1", "API", "DB", line: 4), row("2", "API", "Queue", line: 5)]),
            Document(path: "b.txt", subject: "Beta", connections: [row("1", "Gateway", "Cache", line: 3), row("2", "Cache", "Disk", line: 4)]),
            Document(path: "c.txt", subject: "Alpha", connections: [row("2", "Queue", "Worker", line: 3)]),
        ])) + (try TableSeeds.products())
        let graph = ComponentGraphs.platform(products, aliases: AliasTable())
        var expected: [String: [String: String]] = [:]
        for edge in graph.edges where expected[edge.product]?[edge.connection.number] == nil {
            expected[edge.product, default: [:]][edge.connection.number] = edge.id
        }
        let lookup = SiteContexts.edgeLookup(graph)
        #expect(lookup == expected)
        #expect(lookup["Alpha"]?["1"] == graph.edges.first { $0.product == "Alpha" && $0.connection.line == 3 }?.id)
        #expect(lookup["Alpha"]?["2"] == graph.edges.first { $0.product == "Alpha" && $0.connection.line == 5 }?.id)
        #expect(lookup["Beta"]?["1"] != lookup["Alpha"]?["1"])
    }
}
