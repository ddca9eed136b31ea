/// Numbers for values in the order they are first seen: the first is 0, the next new one 1, and
/// a value seen before keeps its number. Per-value work can then be kept in arrays indexed by
/// number instead of asked of a dictionary on every row (a large table writes the same few
/// names on every row).
struct Numbering<Value: Hashable> {
    /// Every value numbered so far, at its number.
    private(set) var values: [Value] = []
    private var numbers: [Value: Int] = [:]

    /// The value's number, and whether this call gave it.
    mutating func number(_ value: Value) -> (number: Int, isNew: Bool) {
        if let found = numbers[value] { return (found, false) }
        let number = values.count
        numbers[value] = number
        values.append(value)
        return (number, true)
    }
}
