import ArgumentParser
import Foundation
import PortolanModel
import PortolanReaders

/// Reading the paths a user names: files, or folders of documents (sorted by name).
enum Inputs {
    static let documentExtensions: Set<String> = ["txt", "md", "markdown", "text", "html", "htm"]
    static let modelExtensions: Set<String> = ["yaml", "yml"]

    static func isYAMLModel(_ path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path),
              case .success(let text) = SourceText.decode([UInt8](data)) else { return false }
        return YAMLModelReader.isModel(text)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Expands folders and checks that every path exists.
    static func files(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw Failure(description: "\(path): error: no such file or folder")
            }
            if isDirectory.boolValue {
                let names = try fm.contentsOfDirectory(atPath: path).sorted()
                let base = path.hasSuffix("/") ? String(path.dropLast()) : path
                let documents = names.filter { name in
                    guard !name.hasPrefix(".") else { return false }
                    let ext = (name as NSString).pathExtension.lowercased()
                    // YAML in a folder is configuration (aliases, inventory, lint) unless it is a model.
                    if modelExtensions.contains(ext) { return isYAMLModel("\(base)/\(name)") }
                    return documentExtensions.contains(ext) || DocumentFormat.extensions.contains(ext)
                }
                if documents.isEmpty {
                    throw Failure(description: "\(path): error: the folder has no documents (looked for .\(documentExtensions.union(DocumentFormat.extensions).sorted().joined(separator: ", .")) and YAML models)")
                }
                files += documents.map { "\(base)/\($0)" }
            } else {
                files.append(path)
            }
        }
        return files
    }

    /// A configuration file beside the documents: `explicit` (which must exist), else `name` in
    /// the first folder of `inputs`, else none. Returns its path and text.
    static func configFile(explicit: String?, named name: String, inputs: [String], what: String) throws -> (path: String, text: String)? {
        let path: String
        if let explicit {
            guard FileManager.default.fileExists(atPath: explicit) else {
                throw Failure(description: "\(explicit): error: no such \(what)")
            }
            path = explicit
        } else if let folder = inputs.first(where: DiagramFiles.isDirectory) {
            path = (folder as NSString).appendingPathComponent(name)
            if !FileManager.default.fileExists(atPath: path) { return nil }
        } else {
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "\(path): error: cannot read the \(what)")
        }
        return (path, String(decoding: data, as: UTF8.self))
    }

    /// Reads and parses every file. Files that cannot be decoded become documents holding
    /// one error, so every problem is reported and nothing stops the others.
    static func model(_ paths: [String]) throws -> Model {
        var documents: [Document] = []
        var components: [ComponentNote] = []
        // columns.yaml beside the documents: header text -> role, for columns the reader cannot guess.
        var options = DocumentReader.Options()
        if let file = try configFile(explicit: nil, named: "columns.yaml", inputs: paths, what: "column mapping") {
            let parsed = ColumnMapping.parse(file.text)
            options = DocumentReader.Options(mapping: parsed.mapping)
            if !parsed.diagnostics.isEmpty { documents.append(Document(path: file.path, diagnostics: parsed.diagnostics)) }
        }
        for file in try files(paths) {
            guard let data = FileManager.default.contents(atPath: file) else {
                documents.append(Document(path: file, diagnostics: [Diagnostic(.error, "cannot read the file")]))
                continue
            }
            if let format = DocumentFormat.of(path: file, bytes: [UInt8](data.prefix(1024))) {
                documents.append(DocumentReader.read(path: file, bytes: [UInt8](data), format: format, options: options))
                continue
            }
            switch SourceText.decode([UInt8](data)) {
            case .success(let text) where modelExtensions.contains((file as NSString).pathExtension.lowercased()):
                let read = YAMLModelReader.read(path: file, text: text)
                documents += read.documents
                components += read.components
            case .success(let text):
                documents.append(DocumentReader.read(path: file, text: text, options: options))
            case .failure(let problem):
                documents.append(Document(path: file, diagnostics: [problem.diagnostic]))
            }
        }
        return Model(documents: documents, components: components)
    }

    /// Prints every diagnostic as `path:line:col: severity: message` to standard error and
    /// returns the worst severity seen.
    /// At most this many lines a document, so a broken 50 MB file cannot flood the terminal;
    /// the rest are counted. `parse` JSON always carries them all.
    static let printedPerDocument = 100

    @discardableResult
    static func report(_ model: Model, minimum: Severity = .warning) -> Severity? {
        var worst: Severity?
        for document in model.documents {
            var printed = 0, withheld = 0
            for diagnostic in document.diagnostics {
                worst = max(worst ?? diagnostic.severity, diagnostic.severity)
                guard diagnostic.severity >= minimum else { continue }
                if printed < printedPerDocument {
                    Console.error(diagnostic.formatted(path: document.path))
                    printed += 1
                } else {
                    withheld += 1
                }
            }
            if withheld > 0 {
                Console.error("\(document.path): note: \(withheld) more diagnostics not shown (see `portolan parse` JSON)")
            }
        }
        return worst
    }
}

enum Console {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
