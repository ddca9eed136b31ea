import Foundation

/// Writes generated files under one root folder only, each atomically (a temporary file in
/// the same folder, then a rename), so a reader never sees half a file.
struct OutputWriter {
    let root: String
    private(set) var written: [String] = []

    init(root: String) {
        self.root = root
    }

    struct UnsafePath: Error, CustomStringConvertible {
        var path: String
        var description: String { "refusing to write outside the output folder: \(path)" }
    }

    mutating func write(_ text: String, to relativePath: String) throws {
        try write(Data(text.utf8), to: relativePath)
    }

    mutating func write(_ data: Data, to relativePath: String) throws {
        let parts = relativePath.split(separator: "/")
        guard !parts.isEmpty, !relativePath.hasPrefix("/"),
              parts.allSatisfy({ $0 != ".." && $0 != "." && !$0.contains(where: { $0.isNewline || $0 == "\0" }) })
        else { throw UnsafePath(path: relativePath) }
        let url = URL(fileURLWithPath: root).appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
        written.append(relativePath)
    }
}
