import PortolanModel

/// Documents read from their bytes, not as text: PDF files and Word documents. Everything else
/// is decoded as text (SourceText) and read by its layout.
public enum DocumentFormat: String, Sendable, CaseIterable {
    case pdf, docx

    /// The file extensions a folder of documents is searched for, beside the text ones (`.doc`
    /// too, so an old Word file in the folder gets its message instead of being passed over).
    public static let extensions: Set<String> = ["pdf", "docx", "doc"]

    /// PDF by extension or, whatever the name, by starting with `%PDF-`; Word by extension
    /// (`.docx`, and `.doc`, which gets a message saying to save it as .docx).
    public static func of(path: String, bytes: [UInt8]) -> DocumentFormat? {
        let name = path.lowercased()
        if name.hasSuffix(".pdf") { return .pdf }
        if name.hasSuffix(".docx") || name.hasSuffix(".doc") { return .docx }
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        return nil
    }
}

extension DocumentReader {
    /// Reads a PDF file or Word document: its tables' grids through the one column interpreter,
    /// the title and subject from its headings and paragraphs, as for any other document.
    public static func read(path: String, bytes: [UInt8], format: DocumentFormat, options: Options = Options()) -> Document {
        let read = format == .pdf ? PDFGrids.read(bytes) : DOCXGrids.read(bytes)
        let text = read.paragraphs
        let title = read.title ?? DocumentMetadata.title(text)
        let subject = DocumentMetadata.subject(text, title: title, conventions: options.conventions)
        return DocumentReader.read(path: path, grids: read.grids, title: title, subject: subject,
                                   intro: DocumentMetadata.intro(text), diagnostics: read.diagnostics, options: options,
                                   starMeansConfigurable: declaresConfigurableMark(text))
    }
}
