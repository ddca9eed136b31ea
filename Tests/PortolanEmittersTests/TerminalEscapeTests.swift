import Foundation
import PortolanAnalysis
import PortolanModel
import Testing
@testable import PortolanEmitters

/// Control characters and bidirectional overrides in names, subjects, cells and file names
/// (ESC[31m, BEL, U+202E, U+200F, C1 controls) never reach Markdown, lint text, the site's
/// HTML or the MkDocs tree as themselves: they show as `<U+XXXX>`.
@Suite struct TerminalEscapeTests {
    static let red = "Red\u{1B}[31mAlert\u{1B}[0m"
    static let bell = "Bell\u{7}Service"
    static let override = "Evil\u{202E}exe.txt"
    static let mark = "Mark\u{200F}Name"
    static let c1 = "CSI\u{9B}2J NEL\u{85} end"

    static func hidden(_ text: String) -> [String] {
        Set(text.unicodeScalars.filter(\.isHiddenControl).map { "U+" + String($0.value, radix: 16, uppercase: true) }).sorted()
    }

    static func products() -> [Product] {
        let document = Document(
            path: "docs/\(override)\u{1B}]0;pwned\u{7}.md", title: red, subject: "Hostile \(override) Product",
            intro: [bell],
            connections: [
                Connection(number: "1", source: red, destination: bell, protocol: "HTTPS",
                           ports: PortSpec(ranges: [PortRange(443)], text: "443"), classification: "Egress",
                           description: c1, line: 3),
                Connection(number: "2", source: override, destination: mark, protocol: "TCP",
                           ports: PortSpec(ranges: [PortRange(8080)], text: "8080"), classification: "Intra-cluster",
                           description: "plain", line: 4),
            ],
            services: [IncludedService(name: mark, description: c1, line: 5)])
        return Products.group(Model(documents: [document]))
    }

    @Test func markdownCellsShowCodePoints() {
        let table = MarkdownTable.render(header: ["Name"], rows: [[Self.red], [Self.bell], [Self.override], [Self.mark], [Self.c1]])
        #expect(Self.hidden(table).isEmpty, "\(Self.hidden(table))")
        #expect(table.contains("| Red&lt;U+001B&gt;\\[31mAlert&lt;U+001B&gt;\\[0m |"))
        #expect(table.contains("| Bell&lt;U+0007&gt;Service |"))
        #expect(table.contains("| Evil&lt;U+202E&gt;exe.txt |"))
        #expect(table.contains("| Mark&lt;U+200F&gt;Name |"))
        #expect(table.contains("| CSI&lt;U+009B&gt;2J NEL&lt;U+0085&gt; end |"))
    }

    @Test func connectionTablesShowCodePointsInNamesAndFileNames() throws {
        let product = try #require(Self.products().first)
        let page = ConnectionTables.product(product) + ConnectionTables.platform(Self.products())
        #expect(Self.hidden(page).isEmpty, "\(Self.hidden(page))")
        #expect(page.contains("From `docs/Evil<U+202E>exe.txt<U+001B>]0;pwned<U+0007>.md`."))
        #expect(page.contains("# Hostile Evil&lt;U+202E&gt;exe.txt Product"))
    }

    @Test func lintTextIsOneVisibleLinePerFinding() {
        let finding = LintFinding(rule: "MissingCell", severity: .warning, message: "'\(Self.red)' then\nforged: error: \(Self.override)",
                                  path: "in/\(Self.bell).txt", line: 3, column: 1)
        let text = LintText.render([finding])
        #expect(text == "in/Bell<U+0007>Service.txt:3:1: warning: 'Red<U+001B>[31mAlert<U+001B>[0m' then<U+000A>forged: error: Evil<U+202E>exe.txt [MissingCell]\n")
    }

    @Test func siteHTMLShowsCodePoints() throws {
        let files = try StaticSite.files(SiteTests.pages(Self.products()))
        let html = files.keys.filter { $0.hasSuffix(".html") }.sorted()
        #expect(html.count == 3)
        var all = ""
        for path in html {
            let text = SiteTests.text(files, path)
            #expect(Self.hidden(text).isEmpty, "\(path): \(Self.hidden(text))")
            all += text
        }
        #expect(all.contains("Red&lt;U+001B&gt;[31mAlert&lt;U+001B&gt;[0m"))
        #expect(all.contains("Hostile Evil&lt;U+202E&gt;exe.txt Product"))
        #expect(all.contains("Mark&lt;U+200F&gt;Name"))
        #expect(all.contains("CSI&lt;U+009B&gt;2J NEL&lt;U+0085&gt; end"))
    }

    @Test func mkdocsTreeShowsCodePoints() throws {
        let files = try MarkdownDocs.files(SiteTests.pages(Self.products()))
        for (path, data) in files where path.hasSuffix(".md") || path.hasSuffix(".yml") {
            let text = String(decoding: data, as: UTF8.self)
            #expect(Self.hidden(text).isEmpty, "\(path): \(Self.hidden(text))")
        }
        let config = SiteTests.text(files, "mkdocs.yml")
        #expect(config.contains("  - \"Hostile Evil&lt;U+202E&gt;exe.txt Product\": "))
        let slug = try #require(Self.products().first?.slug)
        let page = SiteTests.text(files, "pages/\(slug)/index.md")
        #expect(page.contains("Bell&lt;U+0007&gt;Service"))
        #expect(page.contains("`docs/Evil<U+202E>exe.txt<U+001B>]0;pwned<U+0007>.md`"))
    }
}

/// Paragraph and heading lines of the Markdown tree cannot open a block of MkDocs' extensions.
@Suite struct MarkdownInlineBlockTests {
    @Test func leadingBlockMarkersAreEscaped() {
        #expect(MarkdownTable.inline("!!! danger \"x\"") == "\\!!! danger \"x\"")
        #expect(MarkdownTable.inline("??? note") == "\\??? note")
        #expect(MarkdownTable.inline("::: block") == "\\::: block")
        #expect(MarkdownTable.inline("# heading") == "\\# heading")
        #expect(MarkdownTable.inline("Plain! text?") == "Plain! text?")
    }
}
