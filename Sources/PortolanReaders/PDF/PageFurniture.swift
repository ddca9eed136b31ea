/// Running page headers and footers: lines in the top or bottom margin band that come back on
/// several pages with the same words (page numbers aside). They are neither table nor context,
/// unless they are the top of a table (a table's header repeated at the top of every page).
enum PageFurniture {
    /// The share of the page height at the top and at the bottom where furniture sits.
    static let band = 0.1

    /// The numbers of every page's lines that are running headers and footers.
    static func lines(in pages: [(page: PDFPage, lines: [PDFLine])]) -> [Set<Int>] {
        guard pages.count >= 2 else { return pages.map { _ in [] } }
        var seen: [String: Set<Int>] = [:]
        for (page, lines) in pages {
            for line in lines where inBand(line, page) { seen[key(line), default: []].insert(page.number) }
        }
        let needed = pages.count >= 3 ? 3 : 2
        return pages.map { page, lines in
            Set(lines.filter { inBand($0, page) && (seen[key($0)]?.count ?? 0) >= needed }.map(\.number))
        }
    }

    private static func inBand(_ line: PDFLine, _ page: PDFPage) -> Bool {
        line.y1 <= page.height * band || line.y0 >= page.height * (1 - band)
    }

    /// The words with digits dropped, so "Page 2 of 5" and "Page 3 of 5" are the same line.
    private static func key(_ line: PDFLine) -> String {
        String(line.text.unicodeScalars.filter { !("0"..."9").contains($0) }.map(Character.init))
    }
}
