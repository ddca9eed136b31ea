import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One writer at a time per output folder: an exclusive `flock` on `.portolan.lock` inside it,
/// holding the writer's PID. A second build waits for the first (saying whom it waits for);
/// the kernel releases the lock when the holder exits, even when it is killed. The lock file
/// is removed when the build is done, so the output folder holds only what Portolan made.
final class OutputLock {
    static let fileName = ".portolan.lock"
    private let path: String
    private let descriptor: Int32

    /// Takes the lock on `folder` (created if missing), then removes the temporary files that
    /// writers which died before renaming them left behind.
    init(folder: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw OutputWriter.Refusal(path: folder, reason: "the output folder is a file; name a folder (it is created if missing)")
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputWriter.Refusal(path: folder, reason: "cannot create the output folder: \((error as NSError).localizedFailureReason ?? error.localizedDescription)")
        }
        path = "\(folder)/\(Self.fileName)"
        while true {
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard descriptor >= 0 else {
                throw OutputWriter.Refusal(path: path, reason: "cannot take the output folder's lock: \(String(cString: strerror(errno)))")
            }
            if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                Console.error("\(folder): note: waiting for another portolan\(holder.isEmpty ? "" : " (pid \(holder))") writing into this folder")
                flock(descriptor, LOCK_EX)
            }
            // The holder before us may have removed the file: lock the one at the path now.
            var held = stat(), current = stat()
            if fstat(descriptor, &held) == 0, stat(path, &current) == 0, held.st_ino == current.st_ino, held.st_dev == current.st_dev {
                self.descriptor = descriptor
                break
            }
            close(descriptor)
        }
        let pid = Data("\(getpid())\n".utf8)
        ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        Self.removeStaleTemporaries(in: folder)
    }

    /// Removes the lock file, then releases the lock.
    func release() {
        unlink(path)
        close(descriptor)
    }

    /// `.portolan-PID-N.tmp` files under `folder` whose process is gone (links are not followed).
    static func removeStaleTemporaries(in folder: String) {
        guard let names = FileManager.default.enumerator(atPath: folder) else { return }
        for case let name as String in names {
            let file = (name as NSString).lastPathComponent
            guard file.hasPrefix(".portolan-"), file.hasSuffix(".tmp") else { continue }
            let fields = file.dropFirst(".portolan-".count).split(separator: "-")
            guard let pid = fields.first.flatMap({ pid_t($0) }), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink("\(folder)/\(name)")
        }
    }
}
