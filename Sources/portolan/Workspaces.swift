import Foundation
import PortolanAnalysis
import PortolanBuild
import PortolanModel
import PortolanReaders

/// Reading what the user names into a `Workspace`: documents from files and folders (sorted by
/// name), and the alias, inventory and lint files beside them. All the CLI's reading is here.
struct Workspaces {
    /// Document names as outputs carry them -> the path the user can reach them by.
    private(set) var display: [String: String] = [:]

    /// The workspace of `paths`. A document in a folder is named by the folder's own name and
    /// its path inside it ("Input/000.txt", whether the folder was given as `Input`, `./Input/`
    /// or an absolute path), so no output depends on where the folder sits; a file given by
    /// itself keeps the path it was given by (made relative when it is under the working folder).
    mutating func load(_ paths: [String], aliases: String? = nil, inventory: String? = nil, lint: String? = nil,
                       configs: Set<Config> = Set(Config.allCases)) throws -> Workspace {
        var documents: [Document] = [], components: [ComponentNote] = []
        let folder = paths.first(where: Self.isDirectory)
        // columns.yaml beside the documents: header text -> role, for columns the reader cannot
        // guess. It is part of reading, so every command reads it (the same rows everywhere).
        var options = DocumentReader.Options()
        if let file = try Self.configFile(explicit: nil, names: ["columns.yaml", "columns.yml"], folder: folder, what: "column mapping") {
            let parsed = ColumnMapping.parse(file.text)
            options = DocumentReader.Options(mapping: parsed.mapping)
            if !parsed.diagnostics.isEmpty {
                // Named like the documents beside it, so no output depends on where the folder sits.
                let name = folder.map { "\(Self.name(ofFolder: $0))/\((file.path as NSString).lastPathComponent)" } ?? file.path
                display[name] = file.path
                documents.append(Document(path: name, diagnostics: parsed.diagnostics))
            }
        }
        let listed = try files(paths)
        for (name, path) in listed { display[name] = path }
        for read in Self.read(listed, options: options) {
            documents += read.documents
            components += read.components
        }
        func config(_ explicit: String?, _ kind: Config) throws -> (path: String, text: String)? {
            guard configs.contains(kind) else { return nil }
            return try Self.configFile(explicit: explicit, names: kind.fileNames, folder: folder, what: kind.what)
        }
        return Workspace(
            model: Model(documents: documents, components: components),
            aliases: try config(aliases, .aliases).map { Workspace.aliases(path: $0.path, text: $0.text) },
            inventory: try config(inventory, .inventory).map { Workspace.inventory(path: $0.path, text: $0.text) },
            lint: try config(lint, .lint).map { Workspace.lint(path: $0.path, text: $0.text) })
    }

    /// Each file's documents, in the order given. The files are read side by side, as many at
    /// once as there are cores, each file's bytes held only while it is read.
    private static func read(_ files: [(name: String, path: String)], options: DocumentReader.Options)
        -> [(documents: [Document], components: [ComponentNote])] {
        let slots = Slots<(documents: [Document], components: [ComponentNote])>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let (name, path) = files[index]
            guard let data = FileManager.default.contents(atPath: path) else {
                slots.put(([Document(path: name, diagnostics: [Diagnostic(.error, "cannot read the file")])], []), at: index)
                return
            }
            slots.put(FileReader.read(path: name, bytes: [UInt8](data), options: options), at: index)
        }
        return slots.all
    }

    /// Results filled in by index from several threads.
    private final class Slots<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [T?]

        init(count: Int) { values = Array(repeating: nil, count: count) }

        func put(_ value: T, at index: Int) { lock.withLock { values[index] = value } }

        /// Every slot, once every thread has put its value.
        var all: [T] { lock.withLock { values.map { $0! } } }
    }

    enum Config: CaseIterable {
        case aliases, inventory, lint

        var fileNames: [String] {
            switch self {
            case .aliases: ["aliases.yaml"]
            case .inventory: ["inventory.yaml", "inventory.yml"]
            case .lint: ["lint.yaml"]
            }
        }

        var what: String {
            switch self {
            case .aliases: "alias file"
            case .inventory: "inventory file"
            case .lint: "lint configuration"
            }
        }
    }

    /// Every document file: (its name in outputs, its path on disk).
    func files(_ paths: [String]) throws -> [(name: String, path: String)] {
        var files: [(name: String, path: String)] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw Failure(path, "no such file or folder")
            }
            guard isDirectory.boolValue else {
                files.append((Self.name(ofFile: path), path))
                continue
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            let names = try fm.contentsOfDirectory(atPath: path).sorted().filter { name in
                FileReader.isDocument(name: name) { fm.contents(atPath: "\(base)/\(name)").map { [UInt8]($0) } }
            }
            if names.isEmpty {
                let extensions = FileReader.documentExtensions.sorted().joined(separator: ", .")
                throw Failure(path, "the folder has no documents (looked for .\(extensions) and YAML models)")
            }
            let folderName = Self.name(ofFolder: path)
            files += names.map { ("\(folderName)/\($0)", "\(base)/\($0)") }
        }
        return files
    }

    /// The folder's own name: `Input` for `Input`, `./Input/` and `/abs/Input`.
    static func name(ofFolder path: String) -> String {
        let name = URL(fileURLWithPath: path).standardizedFileURL.lastPathComponent
        return name.isEmpty || name == "/" ? "documents" : name
    }

    /// A file's path without `./`, relative when it is under the working folder.
    static func name(ofFile path: String) -> String {
        let standard = URL(fileURLWithPath: path).standardizedFileURL.path
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path + "/"
        if standard.hasPrefix(here) { return String(standard.dropFirst(here.count)) }
        return path.hasPrefix("/") ? standard : path
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// A configuration file: `explicit` (which must exist), else one of `names` in `folder`, else none.
    static func configFile(explicit: String?, names: [String], folder: String?, what: String) throws -> (path: String, text: String)? {
        let path: String
        if let explicit {
            guard FileManager.default.fileExists(atPath: explicit) else { throw Failure(explicit, "no such \(what)") }
            path = explicit
        } else if let folder, let found = names.map({ (folder as NSString).appendingPathComponent($0) })
            .first(where: { FileManager.default.fileExists(atPath: $0) }) {
            path = found
        } else {
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw Failure(path, "cannot read the \(what)") }
        return (path, String(decoding: data, as: UTF8.self))
    }
}
