import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes generated files under one root folder only, each atomically (a temporary file in
/// the same folder, then a rename), so a reader never sees half a file. A file that already
/// holds exactly the new bytes is left as it is (its modification time too), so regenerating
/// an unchanged output rewrites nothing. A build hands it files from two threads at once (a
/// page streamed while the next view's tables are written): what it keeps is under a lock.
final class OutputWriter: @unchecked Sendable {
    let root: String
    private let lock = NSLock()
    /// Every file of this run, written or found up to date.
    private var writtenPaths: [String] = []
    /// Those that were already up to date.
    private var unchangedCount = 0
    private var folders: Set<String> = []

    var written: [String] { lock.withLock { writtenPaths } }
    var unchanged: Int { lock.withLock { unchangedCount } }

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
    private static let temporaryLock = NSLock()

    /// Counts a temporary file about to be renamed (and kills the process there, under the hook).
    private static func countTemporary() {
        let count = temporaryLock.withLock {
            temporaryFiles += 1
            return temporaryFiles
        }
        if let killAfter, count >= killAfter { kill(getpid(), SIGKILL) }
    }
    private static let killAfter = ProcessInfo.processInfo.environment["PORTOLAN_FAULT_KILL_AFTER_TEMP"].flatMap { Int($0) }

    func write(_ text: String, to relativePath: String) throws {
        try write(Data(text.utf8), to: relativePath)
    }

    /// Files of this size or more that have the same bytes as a file this writer placed before
    /// are hard links to it (a million rows' model.json is 480 MB, and the site and the MkDocs
    /// tree each hold a copy beside their page); smaller ones are written each.
    static let linkedSize = 1 << 20
    /// The relative paths of the files of `linkedSize` or more placed so far, by size.
    private var placed: [Int: [String]] = [:]

    /// Files by path relative to `folder` (empty: the root), in path order.
    func write(_ files: [String: Data], under folder: String) throws {
        for path in files.keys.sorted() {
            try write(files[path]!, to: folder.isEmpty ? path : "\(folder)/\(path)")
        }
    }

    /// Writes `data` (a file already up to date is left alone); a large file with the same bytes
    /// as one placed before (compared on disk) is a hard link to it when the file system allows.
    func write(_ data: Data, to relativePath: String) throws {
        let (url, folder) = try prepare(relativePath)
        let large = data.count >= Self.linkedSize
        if Self.holds(url.path, data) {
            record(relativePath, unchanged: true, placedSize: large ? data.count : nil)
            return
        }
        if large {
            for twin in lock.withLock({ placed[data.count] ?? [] }) {
                let twinPath = URL(fileURLWithPath: root).appendingPathComponent(twin).path
                if Self.holds(twinPath, data), Self.link(twinPath, as: url.path, folder: folder) {
                    record(relativePath, unchanged: false, placedSize: data.count)
                    return
                }
            }
        }
        try Self.replace(url.path, with: data, folder: folder)
        record(relativePath, unchanged: false, placedSize: large ? data.count : nil)
    }

    /// A file written piece by piece as `body` makes it (`Builder.run`'s `stream`): into a
    /// temporary file beside the target, renamed over it once whole; removed if `body` throws.
    /// A file that already holds exactly these bytes (compared piece by piece) is left as it is.
    /// The same bytes under each further path: hard links to the first (compared on disk, left
    /// alone when already the same), copied where no link can be made.
    func stream(_ relativePaths: [String], _ body: (_ write: (Data) throws -> Void) throws -> Void) throws {
        guard let first = relativePaths.first else { return }
        try check(relativePaths)
        try stream(first, body)
        let firstPath = URL(fileURLWithPath: root).appendingPathComponent(first).path
        for copy in relativePaths.dropFirst() {
            let (url, folder) = try prepare(copy)
            if Self.sameFiles(url.path, firstPath) {
                record(copy, unchanged: true, placedSize: nil)
            } else if Self.link(firstPath, as: url.path, folder: folder) {
                record(copy, unchanged: false, placedSize: nil)
            } else {
                try Self.replace(url.path, with: try Data(contentsOf: URL(fileURLWithPath: firstPath)), folder: folder)
                record(copy, unchanged: false, placedSize: nil)
            }
        }
    }

    /// Whether two regular files hold the same bytes: one file under two names, or compared a
    /// megabyte at a time (not mapped: a mapped file counts in the process's memory).
    private static func sameFiles(_ path: String, _ other: String) -> Bool {
        var a = stat(), b = stat()
        guard lstat(path, &a) == 0, lstat(other, &b) == 0, a.st_mode & S_IFMT == S_IFREG, b.st_mode & S_IFMT == S_IFREG,
              a.st_size == b.st_size else { return false }
        if a.st_dev == b.st_dev, a.st_ino == b.st_ino { return true }
        let first = open(path, O_RDONLY | O_CLOEXEC), second = open(other, O_RDONLY | O_CLOEXEC)
        defer {
            if first >= 0 { close(first) }
            if second >= 0 { close(second) }
        }
        guard first >= 0, second >= 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let got = buffer.withUnsafeMutableBytes { Glibc.read(first, $0.baseAddress!, $0.count) }
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else { return false }
            if got == 0 { return atEnd(second) }
            guard read(second, equals: Data(buffer[0..<got])) else { return false }
        }
    }

    private func stream(_ relativePath: String, _ body: (_ write: (Data) throws -> Void) throws -> Void) throws {
        let (url, folder) = try prepare(relativePath)
        let temporary = Self.temporaryName(in: folder)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(path: url.path, reason: "cannot write: " + String(cString: strerror(errno))) }
        var status = stat()
        var existing: Int32 = -1
        if lstat(url.path, &status) == 0, status.st_mode & S_IFMT == S_IFREG { existing = open(url.path, O_RDONLY | O_CLOEXEC) }
        defer { if existing >= 0 { close(existing) } }
        var same = existing >= 0
        do {
            try body { piece in
                if let failure = Self.writeAll(descriptor, piece) { throw Failure(path: url.path, reason: "cannot write: " + failure) }
                if same { same = Self.read(existing, equals: piece) }
            }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        var failure = close(descriptor) != 0 ? String(cString: strerror(errno)) : nil
        if failure == nil, same, Self.atEnd(existing) {
            unlink(temporary)
            record(relativePath, unchanged: true, placedSize: nil)
            return
        }
        Self.countTemporary()
        if failure == nil, rename(temporary, url.path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw Failure(path: url.path, reason: "cannot write: " + failure)
        }
        record(relativePath, unchanged: false, placedSize: nil)
    }

    /// The target's URL and folder, its path checked to stay inside the root and its folder made.
    private func prepare(_ relativePath: String) throws -> (url: URL, folder: String) {
        let parts = relativePath.split(separator: "/")
        guard !parts.isEmpty, !relativePath.hasPrefix("/"),
              parts.allSatisfy({ $0 != ".." && $0 != "." && !$0.contains(where: { $0.isNewline || $0 == "\0" }) })
        else { throw UnsafePath(path: relativePath) }
        let url = URL(fileURLWithPath: root).appendingPathComponent(relativePath)
        let folder = url.deletingLastPathComponent().path
        lock.lock()
        defer { lock.unlock() }
        if !folders.contains(folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw Failure(path: folder, reason: "cannot create the folder (\((error as NSError).localizedFailureReason ?? "a file is in the way, or no permission"))")
            }
            folders.insert(folder)
        }
        return (url, folder)
    }

    private func record(_ relativePath: String, unchanged: Bool, placedSize: Int?) {
        lock.lock()
        defer { lock.unlock() }
        writtenPaths.append(relativePath)
        if unchanged { unchangedCount += 1 }
        if let placedSize { placed[placedSize, default: []].append(relativePath) }
    }

    /// Whether the next bytes of `descriptor` are exactly `piece`'s.
    private static func read(_ descriptor: Int32, equals piece: Data) -> Bool {
        var buffer = [UInt8](repeating: 0, count: min(piece.count, 1 << 20))
        var offset = 0
        while offset < piece.count {
            let want = min(buffer.count, piece.count - offset)
            let got = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, want) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return false }
            let equal = buffer.withUnsafeBytes { mine in
                piece.withUnsafeBytes { memcmp(mine.baseAddress!, $0.baseAddress! + offset, got) == 0 }
            }
            guard equal else { return false }
            offset += got
        }
        return true
    }

    /// Whether `descriptor` has no more bytes.
    private static func atEnd(_ descriptor: Int32) -> Bool {
        var byte: UInt8 = 0
        return Glibc.read(descriptor, &byte, 1) == 0
    }

    /// A hard link to `existing` made beside `path`, then renamed over it. False (nothing left
    /// behind) when the link cannot be made, so the caller writes the bytes instead.
    private static func link(_ existing: String, as path: String, folder: String) -> Bool {
        let temporary = temporaryName(in: folder)
        guard Glibc.link(existing, temporary) == 0 else { return false }
        countTemporary()
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// Writes every byte; the system's reason when it cannot.
    private static func writeAll(_ descriptor: Int32, _ data: Data) -> String? {
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += count
            }
            return nil
        }
    }

    private static func temporaryName(in folder: String) -> String {
        "\(folder)/.portolan-\(getpid())-\(UInt32.random(in: .min ... .max)).tmp"
    }

    /// True when `path` is a regular file (not a link, pipe or device) with exactly these bytes.
    private static func holds(_ path: String, _ data: Data) -> Bool {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) == data.count else { return false }
        // Read a megabyte at a time, not mapped: a mapped file counts in the process's memory.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return read(descriptor, equals: data) && atEnd(descriptor)
    }

    /// A new file beside the target, written whole, then renamed over it (rename replaces a
    /// link itself, never what it points to). The temporary file is removed on any failure.
    private static func replace(_ path: String, with data: Data, folder: String) throws {
        let temporary = temporaryName(in: folder)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(path: path, reason: "cannot write: " + String(cString: strerror(errno))) }
        var failure = writeAll(descriptor, data)
        if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        countTemporary()
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw Failure(path: path, reason: "cannot write: " + failure)
        }
    }
}
