import PortolanModel
@testable import PortolanReaders
import Testing

/// Table geometry the fixtures do not all show, on pages of words placed by hand (10 pt boxes,
/// a space 3 pt wide, columns at x = 40, 100, 200, 260, 320).
@Suite struct PDFGeometryTests {
    static let columns: [Double] = [40, 100, 200, 260, 320]

    /// Words of one line of cells at `top`, each cell's words 3 pt apart, 5 pt per character.
    static func line(_ cells: [String], top: Double) -> [PDFWord] {
        var words: [PDFWord] = []
        for (column, cell) in cells.enumerated() where !cell.isEmpty {
            var x = columns[column]
            for word in cell.split(separator: " ") {
                let width = Double(word.count) * 5
                words.append(PDFWord(text: String(word), x0: x, y0: top, x1: x + width, y1: top + 10))
                x += width + 3
            }
        }
        return words
    }

    static func page(_ number: Int, _ lines: [([String], Double)]) -> PDFPage {
        PDFPage(number: number, width: 595, height: 842, words: lines.flatMap { line($0.0, top: $0.1) }, images: 0)
    }

    static let header = ["No.", "Source", "Port", "Purpose"]

    @Test func rowsPaddedFurtherApartThanALineAreOneTable() throws {
        // 25 pt from one row's top to the next: gaps of 15 pt, wider than a line.
        let rows = (1...4).map { (["\($0)", "Agent \($0)", "44\($0)", "Sends data"], 200 + 25 * Double($0)) }
        let read = PDFGrids.read([Self.page(1, [(Self.header, 200)] + rows)])
        let grid = try #require(read.grids.first)
        #expect(read.grids.count == 1)
        #expect(grid.header.map(\.texts) == [Self.header])
        #expect(grid.rows.map(\.texts) == (1...4).map { ["\($0)", "Agent \($0)", "44\($0)", "Sends data"] })
    }

    @Test func numberedRowsAsTightAsLinesAreSplitAtEachNumber() throws {
        // No padding: the second line of row 1 ("to the hub") is as close as the next row.
        let lines: [([String], Double)] = [
            (Self.header, 100), (["1", "Agent", "443", "Sends data"], 111), (["", "", "", "to the hub"], 122),
            (["2", "Hub", "8443", "Replies"], 133), (["3", "Hub", "9443", "Checks health"], 144),
        ]
        let grid = try #require(PDFGrids.read([Self.page(1, lines)]).grids.first)
        #expect(grid.rows.map(\.texts) == [["1", "Agent", "443", "Sends data to the hub"],
                                          ["2", "Hub", "8443", "Replies"], ["3", "Hub", "9443", "Checks health"]])
    }

    @Test func unnumberedRowsAsTightAsLinesStartWhereEveryColumnStarts() throws {
        // 1 pt between all lines and no number column: "and probe" / "to the hub" fill two of
        // the four columns and go on in lower case, the other lines start every column.
        let lines: [([String], Double)] = [
            (["Source", "Target", "Port", "Purpose"], 100), (["Agent", "Hub", "443", "Sends data"], 111),
            (["and probe", "", "", "to the hub"], 122), (["Hub", "Store", "8443", "Writes"], 133),
            (["Probe", "Hub", "9443", "Checks"], 144),
        ]
        let grid = try #require(PDFGrids.read([Self.page(1, lines)]).grids.first)
        #expect(grid.header.map(\.texts) == [["Source", "Target", "Port", "Purpose"]])
        #expect(grid.rows.map(\.texts) == [["Agent and probe", "Hub", "443", "Sends data to the hub"],
                                          ["Hub", "Store", "8443", "Writes"], ["Probe", "Hub", "9443", "Checks"]])
    }

    @Test func columnsOfARuledTableAreItsRulesWhereWordsNearlyTouch() throws {
        // Rules at x = 38, 100, 150, 300 from y = 95 to 130; words end 1.5 pt before a rule and
        // start 1.5 pt after it, closer than a space.
        func word(_ text: String, _ x0: Double, _ x1: Double, _ top: Double) -> PDFWord {
            PDFWord(text: text, x0: x0, y0: top, x1: x1, y1: top + 10)
        }
        let words = [word("Source", 40, 70, 100), word("Destination", 101.5, 148.5, 100), word("Port", 151.5, 171.5, 100),
                     word("Agent-host-01", 40, 98.5, 117), word("Store", 101.5, 126.5, 117), word("443", 151.5, 166.5, 117)]
        let rules = [38.0, 100, 150, 300].map { VerticalRule(x: $0, y0: 95, y1: 130) }
        let page = PDFPage(number: 1, width: 595, height: 842, words: words, images: 0)
        let read = PDFGrids.read([page], ruledLines: { _, _, _ in [113] }, verticalRules: { _, _ in rules })
        let grid = try #require(read.grids.first)
        #expect(grid.header.map(\.texts) == [["Source", "Destination", "Port"]])
        #expect(grid.rows.map(\.texts) == [["Agent-host-01", "Store", "443"]])
        // Without the rules the words run together into one line of text.
        #expect(PDFGrids.read([page]).grids.isEmpty)
    }

    @Test func pagesAreDrawnForTheirRulesOnlyWhereTheColumnsAreInDoubt() {
        // Clear gaps between every column: the page is never drawn. Words a space apart across a
        // column (a line with more cells than the table's columns): it is.
        final class Asked: @unchecked Sendable { var pages: [Int] = [] }
        let asked = Asked()
        let clear = Self.page(1, [(Self.header, 100), (["1", "Agent", "443", "Sends data"], 125), (["2", "Hub", "8443", "Replies"], 150)])
        _ = PDFGrids.read([clear], verticalRules: { page, _ in asked.pages.append(page); return [] })
        #expect(asked.pages.isEmpty)
        var doubtful = Self.page(2, [(Self.header, 100), (["1", "Agent", "443", "Sends data"], 125), (["2", "Hub", "8443", "Replies"], 150)])
        // "Sends data" of row 1 printed as two cells 10 pt apart, inside the Purpose column.
        doubtful.words = doubtful.words.map { $0.text == "data" && $0.y0 == 125 ? PDFWord(text: "data", x0: $0.x0 + 10, y0: $0.y0, x1: $0.x1 + 10, y1: $0.y1) : $0 }
        _ = PDFGrids.read([doubtful], verticalRules: { page, _ in asked.pages.append(page); return [] })
        #expect(asked.pages == [2])
    }

    @Test func rulesBetweenColumnsMakeTheBoxACaptionAboveIsNot() {
        // Outer rules from the caption down (y 80), rules between columns from the header down (y 95).
        let rules = [VerticalRule(x: 38, y0: 80, y1: 200), VerticalRule(x: 300, y0: 80, y1: 200),
                     VerticalRule(x: 100, y0: 95, y1: 200), VerticalRule(x: 150.5, y0: 95, y1: 200),
                     VerticalRule(x: 151, y0: 95, y1: 200), VerticalRule(x: 60, y0: 400, y1: 420), VerticalRule(x: 90, y0: 400, y1: 420)]
        #expect(RuledTables.boxes(rules) == [RuledTables.Box(x0: 38, x1: 300, y0: 95, y1: 200, inner: [100, 150.5])])
    }

    @Test func tableHeaderAtTheTopOfEveryPageIsTheTablesNotFurniture() throws {
        // Three pages, each starting with the same header in the top tenth and a footer at the bottom.
        let pages = (1...3).map { number in
            Self.page(number, [(Self.header, 40), (["\(number)", "Agent", "44\(number)", "Sends data"], 60),
                               (["Page \(number) of 3"], 820)])
        }
        let read = PDFGrids.read(pages)
        let grid = try #require(read.grids.first)
        #expect(read.grids.count == 1)
        #expect(grid.header.map(\.texts) == [Self.header])
        #expect(grid.rows.map(\.texts) == (1...3).map { ["\($0)", "Agent", "44\($0)", "Sends data"] })
        #expect(grid.rows.map(\.position.page) == [1, 2, 3])
        #expect(read.paragraphs.isEmpty)
    }

    @Test func paragraphAcrossTheColumnsEndsTheTableAndIsNotSwallowed() throws {
        let lines: [([String], Double)] = [
            (Self.header, 100), (["1", "Agent", "443", "Sends data"], 111), (["2", "Hub", "8443", "Replies"], 122),
        ]
        let sentence = (0..<12).map { PDFWord(text: "word\($0)", x0: 40 + Double($0) * 23, y0: 134, x1: 60 + Double($0) * 23, y1: 144) }
        var page = Self.page(1, lines)
        page.words += sentence
        let read = PDFGrids.read([page])
        #expect(read.grids.first?.rows.count == 2)
        #expect(read.paragraphs == [sentence.map(\.text).joined(separator: " ")])
    }

    @Test func headerCellOverTwoColumnsIsRepeatedAndSpanned() throws {
        // "Port" is printed centred over the TCP and UDP columns, across the gap between them.
        var page = Self.page(1, [(["No.", "Source", "", "", "Purpose"], 100), (["", "", "TCP", "UDP", ""], 111),
                                 (["1", "Agent", "443", "", "Sends data"], 125), (["2", "Hub", "", "53", "Lookups"], 139)])
        page.words.append(PDFWord(text: "Port", x0: 228, y0: 100, x1: 248, y1: 110))
        let grid = try #require(PDFGrids.read([page]).grids.first)
        #expect(grid.header.map(\.texts) == [["No.", "Source", "Port", "Port", "Purpose"], ["", "", "TCP", "UDP", ""]])
        #expect(grid.header[0].cells.map(\.spanned) == [false, false, false, true, false])
        #expect(grid.rows.map(\.texts) == [["1", "Agent", "443", "", "Sends data"], ["2", "Hub", "", "53", "Lookups"]])
    }

    @Test func aScannedPageAmongTextPagesIsAWarningWithItsPage() throws {
        let text = Self.page(1, [(Self.header, 100), (["1", "Agent", "443", "Sends data"], 125), (["2", "Hub", "8443", "Replies"], 150)])
        let scan = PDFPage(number: 2, width: 595, height: 842, words: [], images: 1)
        let read = PDFGrids.read([text, scan])
        #expect(read.grids.first?.rows.count == 2)
        #expect(read.diagnostics == [Diagnostic(.warning, "the page has images and no text (a scanned page?); nothing on it is read", page: 2)])
        #expect(read.diagnostics.first?.formatted(path: "guide.pdf") == "guide.pdf:page 2: warning: the page has images and no text (a scanned page?); nothing on it is read")
    }

    @Test func tablePrintedSmallerThanTheTextAroundItKeepsItsColumns() throws {
        // Body text in 14 pt boxes (most of the words), the table in 8 pt boxes with 5 pt between
        // columns: more than a space of the table's letters, less than one of the body's.
        var words: [PDFWord] = []
        for line in 0..<6 {
            for k in 0..<12 { words.append(PDFWord(text: "body", x0: 40 + Double(k) * 40, y0: 40 + Double(line) * 17, x1: 76 + Double(k) * 40, y1: 54 + Double(line) * 17)) }
        }
        let cells = [["Source", "Port", "Purpose"], ["Agent", "443", "Sends data"], ["Hub", "8443", "Replies"]]
        let columns: [Double] = [40, 75, 100]
        for (r, row) in cells.enumerated() {
            let top = 200 + Double(r) * 14
            for (c, cell) in row.enumerated() {
                var x = columns[c]
                for word in cell.split(separator: " ") {
                    words.append(PDFWord(text: String(word), x0: x, y0: top, x1: x + Double(word.count) * 4, y1: top + 8))
                    x += Double(word.count) * 4 + 2
                }
            }
        }
        let read = PDFGrids.read([PDFPage(number: 1, width: 595, height: 842, words: words, images: 0)])
        let grid = try #require(read.grids.first)
        #expect(grid.header.map(\.texts) == [cells[0]])
        #expect(grid.rows.map(\.texts) == Array(cells.dropFirst()))
    }

    @Test func cutWordsAreJoinedAndWholeWordsAreNot() {
        let lines = CellLines(words: [PDFWord(text: "data", x0: 0, y0: 0, x1: 1, y1: 1)] + ["data", "Postgr", "es"].map {
            PDFWord(text: $0, x0: 0, y0: 0, x1: 1, y1: 1)
        })
        func word(_ text: String, right: Double) -> [PDFWord] { [PDFWord(text: text, x0: 0, y0: 0, x1: right, y1: 10)] }
        // At the column's edge (right = 50): a piece no other word matches is joined; "data" is a word.
        #expect(lines.join([word("Postgr", right: 50), word("es", right: 10)], columnRight: 50, em: 10) == "Postgres")
        #expect(lines.join([word("Compliance", right: 50), word("data", right: 20)], columnRight: 50, em: 10) == "Compliance data")
        #expect(lines.join([word("909", right: 50), word("2/90", right: 50), word("93*", right: 15)], columnRight: 50, em: 10) == "9092/9093*")
        #expect(lines.join([word("Intra-", right: 30), word("cluster", right: 35)], columnRight: 50, em: 10) == "Intra-cluster")
        // Short of the edge, a line ends in a space.
        #expect(lines.join([word("443", right: 15), word("8080", right: 20)], columnRight: 50, em: 10) == "443 8080")
    }
}
