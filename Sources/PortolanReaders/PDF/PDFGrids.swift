import PortolanModel

/// The library's entry for PDF files: bytes in, the document's tables as grids out, with the
/// text around them. Tables are rebuilt from where the words sit on the page (see TableFinder,
/// TableBands, CellLines), not from the order of the text stream. Never throws: a PDF that
/// cannot be read gives an error diagnostic that says what was found and what to do.
public enum PDFGrids {
    public static func read(_ bytes: [UInt8]) -> GridsRead {
        switch PopplerPages.read(bytes) {
        case .failure(.encrypted):
            return GridsRead(diagnostics: [Diagnostic(.error, "the PDF is encrypted and needs a password to open; "
                + "save or print an unprotected copy and read that")])
        case .failure(.damaged(let why)):
            return GridsRead(diagnostics: [Diagnostic(.error, "the file is not a PDF that can be opened (\(why)); "
                + "download it again or re-save it as PDF from the application that made it")])
        case .success(let read):
            return Self.read(read.pages, ruledLines: read.ruled.horizontal, verticalRules: read.ruled.vertical)
        }
    }

    /// `ruledLines`: the y of the lines a page rules across an x range, asked only for tables
    /// whose rows the gaps between lines do not part; `verticalRules`: the vertical lines at least
    /// so long a page draws, asked only for pages whose columns the gaps between words leave in doubt.
    static func read(_ pages: [PDFPage],
                     ruledLines: @escaping (_ page: Int, _ from: Double, _ to: Double) -> [Double] = { _, _, _ in [] },
                     verticalRules: (_ page: Int, _ minimum: Double) -> [VerticalRule] = { _, _ in [] }) -> GridsRead {
        var result = GridsRead()
        let withText = pages.filter { !$0.words.isEmpty }
        if withText.isEmpty {
            let scanned = pages.filter { $0.images > 0 }.count
            let message = scanned > 0
                ? "the PDF has no text, only images on \(scanned) of its \(pages.count) pages (a scan?); "
                    + "run it through OCR (for example `ocrmypdf`) and read the result"
                : "the PDF has no text on any of its \(pages.count) pages"
            result.diagnostics.append(Diagnostic(.error, message))
            return result
        }
        for page in pages where page.words.isEmpty && page.images > 0 {
            result.diagnostics.append(Diagnostic(.warning, "the page has images and no text (a scanned page?); "
                + "nothing on it is read", page: page.number))
        }
        let em = medianHeight(withText)
        let lines = pages.map { ($0, PDFLine.lines(of: $0)) }
        let furniture = PageFurniture.lines(in: lines)
        var assembler = GridAssembler(em: em, cellLines: CellLines(words: withText.flatMap(\.words)), ruledLines: ruledLines)
        for ((page, pageLines), furniture) in zip(lines, furniture) {
            assembler.startPage()
            var blocks = TableFinder.blocks(pageLines, em: em)
            // Only where the gaps between words leave the columns in doubt is the page drawn to look for rules.
            if RuledTables.columnsInDoubt(blocks, em: em) {
                let boxes = RuledTables.boxes(verticalRules(page.number, 1.5 * em))
                if !boxes.isEmpty { blocks = TableFinder.blocks(pageLines, em: em, boxes: boxes) }
            }
            for block in blocks {
                switch block {
                case .text(let line) where furniture.contains(line.number): continue
                case .text(let line): assembler.add(text: line)
                case .table(let table): assembler.add(table: table)
                }
            }
        }
        result.grids = assembler.grids()
        result.paragraphs = assembler.paragraphs
        result.title = assembler.title
        return result
    }

    private static func medianHeight(_ pages: [PDFPage]) -> Double {
        let heights = pages.flatMap { $0.words.map(\.height) }.sorted()
        return max(heights[heights.count / 2], 1)
    }
}
