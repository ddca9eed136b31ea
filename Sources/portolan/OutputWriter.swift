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
        var description: String { "\(path): error: refusing to write outside the output folder" }
    }

    struct Failure: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "\(path): error: \(reason)" }
    }

    /// Checks, before anything is written, that every folder these files go into is the output
    /// folder itself or a real folder inside it: never a link to a folder (which could lead
    /// out of the output tree) and never a file. A missing folder is fine: it is created.
    func check(_ paths: [String]) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw Refusal(path: root, reason: "the output folder is a file; name a folder (it is created if missing)")
        }
        var folders: Set<String> = []
        for path in paths {
            var parts = path.split(separator: "/").map(String.init)
            parts.removeLast()
            for depth in parts.indices { folders.insert(parts[...depth].joined(separator: "/")) }
        }
        for folder in folders.sorted() {
            let full = "\(root)/\(folder)"
            var status = stat()
            guard lstat(full, &status) == 0 else { continue }
            switch status.st_mode & S_IFMT {
            case S_IFDIR: continue
            case S_IFLNK:
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: full)) ?? "?"
                throw Refusal(path: full, reason: "is a link to \(target); refusing to write through a linked folder, which can lead out of the output folder (remove the link, or choose another output folder)")
            default:
                throw Refusal(path: full, reason: "is a file where Portolan writes a folder; remove it or choose another output folder")
            }
        }
    }

    struct Refusal: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "\(path): error: \(reason)" }
    }

    /// Test hook (`PORTOLAN_FAULT_KILL_AFTER_TEMP=N`): the process kills itself with SIGKILL once
    /// its Nth temporary file is written and before it is renamed, as a crash or `kill -9` would.
    nonisolated(unsafe) private static var temporaryFiles = 0
    private static let killAfter = ProcessInfo.processInfo.environment["PORTOLAN_FAULT_KILL_AFTER_TEMP"].flatMap { Int($0) }

    mutating func write(_ text: String, to relativePath: String) throws {
        try write(Data(text.utf8), to: relativePath)
    }

    /// Files of this size or more that have the same bytes as a file this writer placed before
    /// are hard links to it (a million rows' model.json is 480 MB, and the site and the MkDocs
    /// tree each hold a copy beside their page); smaller ones are written each.
    static let linkedSize = 1 << 20
    /// The relative paths of the files of `linkedSize` or more placed so far, by size.
    private var placed: [Int: [String]] = [:]

    /// Files by path relative to `folder` (empty: the root), in path order.
    mutating func write(_ files: [String: Data], under folder: String) throws {
        for path in files.keys.sorted() {
            try write(files[path]!, to: folder.isEmpty ? path : "\(folder)/\(path)")
        }
    }

    /// Writes `data` (a file already up to date is left alone); a large file with the same bytes
    /// as one placed before (compared on disk) is a hard link to it when the file system allows.
    mutating func write(_ data: Data, to relativePath: String) throws {
        let parts = relativePath.split(separator: "/")
        guard !parts.isEmpty, !relativePath.hasPrefix("/"),
              parts.allSatisfy({ $0 != ".." && $0 != "." && !$0.contains(where: { $0.isNewline || $0 == "\0" }) })
        else { throw UnsafePath(path: relativePath) }
        let url = URL(fileURLWithPath: root).appendingPathComponent(relativePath)
        let folder = url.deletingLastPathComponent().path
        if !folders.contains(folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw Failure(path: folder, reason: "cannot create the folder (\((error as NSError).localizedFailureReason ?? "a file is in the way, or no permission"))")
            }
            folders.insert(folder)
        }
        written.append(relativePath)
        let large = data.count >= Self.linkedSize
        defer { if large { placed[data.count, default: []].append(relativePath) } }
        if Self.holds(url.path, data) {
            unchanged += 1
            return
        }
        if large {
            for twin in placed[data.count] ?? [] {
                let twinPath = URL(fileURLWithPath: root).appendingPathComponent(twin).path
                if Self.holds(twinPath, data), Self.link(twinPath, as: url.path, folder: folder) { return }
            }
        }
        try Self.replace(url.path, with: data, folder: folder)
    }

    /// A hard link to `existing` made beside `path`, then renamed over it. False (nothing left
    /// behind) when the link cannot be made, so the caller writes the bytes instead.
    private static func link(_ existing: String, as path: String, folder: String) -> Bool {
        let temporary = temporaryName(in: folder)
        guard Glibc.link(existing, temporary) == 0 else { return false }
        temporaryFiles += 1
        if let killAfter, temporaryFiles >= killAfter { kill(getpid(), SIGKILL) }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    private static func temporaryName(in folder: String) -> String {
        "\(folder)/.portolan-\(getpid())-\(UInt32.random(in: .min ... .max)).tmp"
    }

    /// True when `path` is a regular file (not a link, pipe or device) with exactly these bytes.
    private static func holds(_ path: String, _ data: Data) -> Bool {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) == data.count else { return false }
        // Mapped, not read: a large file is compared in the page cache without a copy.
        return (try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)) == data
    }

    /// A new file beside the target, written whole, then renamed over it (rename replaces a
    /// link itself, never what it points to). The temporary file is removed on any failure.
    private static func replace(_ path: String, with data: Data, folder: String) throws {
        let temporary = temporaryName(in: folder)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(path: path, reason: "cannot write: " + String(cString: strerror(errno))) }
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
        temporaryFiles += 1
        if let killAfter, temporaryFiles >= killAfter { kill(getpid(), SIGKILL) }
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw Failure(path: path, reason: "cannot write: " + failure)
        }
    }
}
