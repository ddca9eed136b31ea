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

/// Makes every named file side by side (on as many threads as there are cores) and returns them
/// by name (or the first error, in the order given).
func sideBySide(_ makers: [FileMaker]) throws -> [String: Data] {
    nonisolated(unsafe) var made = [Result<Data, Error>?](repeating: nil, count: makers.count)
    made.withUnsafeMutableBufferPointer { slots in
        nonisolated(unsafe) let slots = slots
        DispatchQueue.concurrentPerform(iterations: makers.count) { index in
            slots[index] = Result(catching: makers[index].make)
        }
    }
    var files: [String: Data] = [:]
    for (maker, result) in zip(makers, made) { files[maker.name] = try result!.get() }
    return files
}
