import PortolanModel

/// Reader dispatch by file type: which files of a folder are documents, and the reader for each.
/// Takes the file's path (its name in outputs and diagnostics) and bytes; never touches the disk.
public enum FileReader {
    public static let documentExtensions: Set<String> = Set(["txt", "md", "markdown", "text", "html", "htm", "csv", "tsv", "rst"])
        .union(DocumentFormat.extensions)
    public static let modelExtensions: Set<String> = ["yaml", "yml"]

    /// Whether a file found in a folder is read as a document: a document extension, or YAML
    /// that is a model (other YAML in a folder is configuration: aliases, inventory, lint).
    public static func isDocument(name: String, bytes: () -> [UInt8]?) -> Bool {
        guard !name.hasPrefix(".") else { return false }
        let ext = fileExtension(name)
        if modelExtensions.contains(ext) {
            guard let bytes = bytes(), case .success(let text) = SourceText.decode(bytes) else { return false }
            return YAMLModelReader.isModel(text)
        }
        return documentExtensions.contains(ext)
    }

    /// The documents (and declared components) of one file. A file that cannot be decoded is a
    /// document holding one error, so every problem is reported and nothing stops the others.
    /// `options` carries what the user said about columns (`columns.yaml`).
    public static func read(path: String, bytes: [UInt8], options: DocumentReader.Options = DocumentReader.Options())
        -> (documents: [Document], components: [ComponentNote]) {
        if let format = DocumentFormat.of(path: path, bytes: Array(bytes.prefix(1024))) {
            return ([DocumentReader.read(path: path, bytes: bytes, format: format, options: options)], [])
        }
        switch SourceText.decode(bytes) {
        case .success(let text) where modelExtensions.contains(fileExtension(path)):
            let read = YAMLModelReader.read(path: path, text: text)
            return (read.documents, read.components)
        case .success(let text):
            return ([DocumentReader.read(path: path, text: text, options: options)], [])
        case .failure(let problem):
            return ([Document(path: path, diagnostics: [problem.diagnostic])], [])
        }
    }

    static func fileExtension(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot > name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
