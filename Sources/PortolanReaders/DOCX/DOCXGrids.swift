import PortolanModel

/// The library's entry for Word documents (.docx): bytes in, the tables as grids and the other
/// paragraphs out. A grid's `line` is the paragraph or table row counted from the start of the
/// body (Word has no lines). Never throws: a document that cannot be read gives one error that
/// says what was found and what to do.
public enum DOCXGrids {
    public static func read(_ bytes: [UInt8]) -> GridsRead {
        let part: [UInt8]
        switch WordArchive.documentPart(bytes) {
        case .success(let bytes): part = bytes
        case .failure(let problem): return GridsRead(diagnostics: [Diagnostic(.error, message(problem))])
        }
        let root: WordNode
        switch WordNode.parse(part) {
        case .success(let node): root = node
        case .failure(let failure):
            return GridsRead(diagnostics: [Diagnostic(.error, "the Word document's text (word/document.xml) is damaged (\(failure.reason)); "
                + "open it in Word or LibreOffice and save it again")])
        }
        var result = GridsRead()
        var line = 1
        var pending: [String] = []
        for block in WordBody.blocks(root) {
            switch block {
            case .paragraph(let text, let style):
                if result.title == nil, !text.isEmpty, let style, ["Title", "Heading1"].contains(style) { result.title = text }
                if !text.isEmpty {
                    result.paragraphs.append(text)
                    pending.append(text)
                }
                line += 1
            case .table(let table):
                let grid = WordTable.grid(table, line: line, context: Array(pending.suffix(3)))
                line += table.children("tr").count
                if !grid.header.isEmpty { result.grids.append(grid) }
                pending = []
            }
        }
        return result
    }

    static func message(_ problem: WordArchive.Problem) -> String {
        switch problem {
        case .compoundFile:
            "the file is an OLE compound document, not a .docx ZIP: a password-protected Word document or an old .doc; "
                + "remove the password (or save it as .docx) in Word or LibreOffice and read that"
        case .notZIP:
            "the file is not a Word document (.docx files are ZIP archives, and this is not one); "
                + "save it as .docx from Word or LibreOffice"
        case .noDocumentPart:
            "the ZIP has no word/document.xml, so it is not a Word document; save it as .docx from Word or LibreOffice"
        case .tooLarge:
            "the Word document's text is larger than \(WordArchive.maximumPartSize >> 20) MB unpacked; it is not read"
        case .unreadable(let why):
            "the Word document is damaged (\(why)); open it in Word or LibreOffice and save it again"
        }
    }
}
