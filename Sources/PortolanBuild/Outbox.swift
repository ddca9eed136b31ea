import Foundation

/// A file too large to hold whole, written by the caller as it is made:
/// `stream(paths) { write in ... }` calls `write` with each piece in order; when the body
/// returns, the file is complete; when it throws, the caller discards what it was given. The
/// same bytes go under every path (a view's model.json and its copies beside the pages).
public typealias Streaming = (_ paths: [String], _ body: (_ write: (Data) throws -> Void) throws -> Void) throws -> Void

/// Where the build's files go, from whichever thread made them: handed to the caller's
/// `deliver` (one call at a time) and `stream`, or kept for the result when there is no `deliver`.
final class Outbox: @unchecked Sendable {
    private let lock = NSLock()
    private let deliver: (([String: Data]) throws -> Void)?
    private let stream: Streaming?
    private var kept: [String: Data] = [:]

    init(deliver: (([String: Data]) throws -> Void)?, stream: Streaming?) {
        self.deliver = deliver
        self.stream = deliver == nil ? nil : stream
    }

    func send(_ files: [String: Data]) throws {
        guard !files.isEmpty else { return }
        lock.lock()
        defer { lock.unlock() }
        if let deliver {
            try deliver(files)
        } else {
            kept.merge(files) { _, new in new }
        }
    }

    /// A file made in pieces by `body` (given where each piece goes), under every path, streamed to the caller
    /// when it takes streams, else put together and sent whole; returns what `body` returns.
    func stream<T>(_ paths: [String], _ body: (_ write: (Data) throws -> Void) throws -> T) throws -> T {
        var made: T?
        if let stream {
            try withoutActuallyEscaping(body) { body in
                try stream(paths) { write in made = try body(write) }
            }
        } else {
            var whole = Data()
            made = try body { whole.append($0) }
            try send(Dictionary(uniqueKeysWithValues: paths.map { ($0, whole) }))
        }
        return made!
    }

    /// Whether files sent can be streamed to the caller (else `stream` puts them together).
    var streams: Bool { stream != nil }

    /// Every file sent without a `deliver`.
    func takeKept() -> [String: Data] {
        lock.lock()
        defer { lock.unlock() }
        let files = kept
        kept = [:]
        return files
    }
}
