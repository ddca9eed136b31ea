import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes generated files under one root folder only, each atomically (a temporary file in
/// the same folder, then a rename), so a reader never sees half a file. A file that already
/// holds exactly the new bytes is left as it is (its modification time too), so regenerating
/// an unchanged output rewrites nothing.
struct OutputWriter {
    let root: String
    /// Every file of this run, written or found up to date.
    private(set) var written: [String] = []
    /// Those that were already up to date.
    private(set) var unchanged = 0
    private var folders: Set<String> = []

    init(root: String) {
        self.root = root
    }

    struct UnsafePath: Error, CustomStringConvertible {
        var path: String
        var description: String { "refusing to write outside the output folder: \(path)" }
    }

    struct Failure: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "cannot write \(path): \(reason)" }
    }

    mutating func write(_ text: String, to relativePath: String) throws {
        try write(Data(text.utf8), to: relativePath)
    }

    /// Files by path relative to `folder` (empty: the root), in path order.
    mutating func write(_ files: [String: Data], under folder: String) throws {
        for path in files.keys.sorted() {
            try write(files[path]!, to: folder.isEmpty ? path : "\(folder)/\(path)")
        }
    }

    mutating func write(_ data: Data, to relativePath: String) throws {
        let parts = relativePath.split(separator: "/")
        guard !parts.isEmpty, !relativePath.hasPrefix("/"),
              parts.allSatisfy({ $0 != ".." && $0 != "." && !$0.contains(where: { $0.isNewline || $0 == "\0" }) })
        else { throw UnsafePath(path: relativePath) }
        let url = URL(fileURLWithPath: root).appendingPathComponent(relativePath)
        let folder = url.deletingLastPathComponent().path
        if !folders.contains(folder) {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            folders.insert(folder)
        }
        written.append(relativePath)
        if Self.holds(url.path, data) {
            unchanged += 1
            return
        }
        try Self.replace(url.path, with: data, folder: folder)
    }

    /// True when `path` is a regular file (not a link, pipe or device) with exactly these bytes.
    private static func holds(_ path: String, _ data: Data) -> Bool {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) == data.count else { return false }
        return FileManager.default.contents(atPath: path) == data
    }

    /// A new file beside the target, written whole, then renamed over it (rename replaces a
    /// link itself, never what it points to). The temporary file is removed on any failure.
    private static func replace(_ path: String, with data: Data, folder: String) throws {
        let temporary = "\(folder)/.portolan-\(getpid())-\(UInt32.random(in: .min ... .max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        var failure: String?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += count
            }
        }
        if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw Failure(path: path, reason: failure)
        }
    }
}
