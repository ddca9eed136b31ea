import Foundation

/// A value one thread hands to another; `wait()` blocks until it is there.
final class Handover<T: Sendable>: @unchecked Sendable {
    private var value: T?
    private let condition = NSCondition()

    func give(_ value: T) {
        condition.lock()
        if self.value == nil { self.value = value }
        condition.broadcast()
        condition.unlock()
    }

    func wait() -> T {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { condition.wait() }
        return value!
    }
}

/// Results made one after another on a thread of its own (with room for deep C recursion);
/// `result(at:)` waits for the one asked for, so the caller can use each as soon as it is made.
final class Produced<T: Sendable>: @unchecked Sendable {
    private var results: [Result<T, Error>] = []
    private let condition = NSCondition()

    /// Starts `work`, which calls `add` once per result, in order.
    init(_ work: @escaping @Sendable (_ add: (Result<T, Error>) -> Void) -> Void) {
        let thread = Thread { [self] in work(append) }
        thread.stackSize = 64 << 20
        thread.start()
    }

    private func append(_ result: Result<T, Error>) {
        condition.lock()
        results.append(result)
        condition.broadcast()
        condition.unlock()
    }

    /// Whether the result at `index` is made (without waiting for it).
    func isMade(_ index: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return results.count > index
    }

    func result(at index: Int) throws -> T {
        condition.lock()
        while results.count <= index { condition.wait() }
        let result = results[index]
        condition.unlock()
        return try result.get()
    }
}

/// Runs two pieces of work side by side and returns both results (or the first error).
func both<A: Sendable, B: Sendable>(_ first: @Sendable () throws -> A, _ second: @Sendable () throws -> B) throws -> (A, B) {
    nonisolated(unsafe) var a: Result<A, Error>?
    nonisolated(unsafe) var b: Result<B, Error>?
    DispatchQueue.concurrentPerform(iterations: 2) { index in
        if index == 0 { a = Result(catching: first) } else { b = Result(catching: second) }
    }
    return (try a!.get(), try b!.get())
}

/// A file's name and what makes its bytes.
struct FileMaker: Sendable {
    var name: String
    var make: @Sendable () throws -> Data

    init(_ name: String, _ make: @escaping @Sendable () throws -> Data) {
        self.name = name
        self.make = make
    }
}

/// Makes every named file side by side (on as many threads as there are cores) and hands each to
/// `each` on the calling thread as soon as it is made (in the order they finish), so the caller
/// can let it go before the last is made; then throws the first error, in the order given.
/// `width` files at most are made at once (in the order given), fewer to hold less.
func sideBySide(_ makers: [FileMaker], width: Int = ProcessInfo.processInfo.activeProcessorCount,
                each: (_ name: String, _ data: Data) throws -> Void) throws {
    let finished = Finished(count: makers.count)
    let next = Counter()
    DispatchQueue.global().async {
        DispatchQueue.concurrentPerform(iterations: max(1, min(width, makers.count))) { _ in
            while let index = next.take(below: makers.count) {
                finished.add(index, Result(catching: makers[index].make))
            }
        }
    }
    var errors: [(index: Int, error: Error)] = []
    var thrown: Error?
    for _ in makers.indices {
        let (index, result) = finished.next()
        // Once `each` has failed, the rest are only waited for (the makers still hold this
        // frame's values), not handed over.
        guard thrown == nil else { continue }
        switch result {
        case .success(let data):
            do { try each(makers[index].name, data) } catch { thrown = error }
        case .failure(let error): errors.append((index, error))
        }
    }
    if let first = errors.min(by: { $0.index < $1.index }) { throw first.error }
    if let thrown { throw thrown }
}

/// The results of work done side by side, taken one at a time as they finish.
private final class Finished: @unchecked Sendable {
    private var done: [(Int, Result<Data, Error>)] = []
    private let condition = NSCondition()

    init(count: Int) { done.reserveCapacity(count) }

    func add(_ index: Int, _ result: Result<Data, Error>) {
        condition.lock()
        done.append((index, result))
        condition.signal()
        condition.unlock()
    }

    /// The next finished result, waiting for one; the list lets go of it.
    func next() -> (Int, Result<Data, Error>) {
        condition.lock()
        defer { condition.unlock() }
        while done.isEmpty { condition.wait() }
        return done.removeFirst()
    }
}

/// Work done on a thread of its own while the caller goes on; `wait()` gives its result.
final class Background<T: Sendable>: @unchecked Sendable {
    private let outcome = Handover<Outcome>()

    private struct Outcome: @unchecked Sendable {
        var result: Result<T, Error>
    }

    init(_ work: @escaping @Sendable () throws -> T) {
        let outcome = self.outcome
        let thread = Thread { outcome.give(Outcome(result: Result(catching: work))) }
        thread.stackSize = 16 << 20
        thread.start()
    }

    func wait() throws -> T {
        try outcome.wait().result.get()
    }
}

/// A value made once, by the first thread that asks for it; the others wait for it.
final class Once<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: T?
    private let make: @Sendable () -> T

    init(_ make: @escaping @Sendable () -> T) {
        self.make = make
    }

    var value: T {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let value = make()
        made = value
        return value
    }
}

/// The next number to take, for threads sharing a list of work.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take(below end: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < end else { return nil }
        next += 1
        return next - 1
    }
}
