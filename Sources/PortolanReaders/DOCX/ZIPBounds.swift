/// Checks, before ZIPFoundation opens a ZIP held in memory, that everything its directory points
/// at lies inside the bytes: the central directory the end record names, and each entry's local
/// header and data. ZIPFoundation's in-memory file reads past the end when a damaged directory
/// sends it there (a crash, not an error; found by fuzzing, Tests/Fuzz/regressions/
/// docx-directory-past-the-end.docx), and leaks the copy it reads from when it cannot read the end
/// record (docx-comment-past-the-end.docx). A ZIP64 archive (sizes too large for the plain
/// record) is not a Word document anyone writes, and is refused too.
enum ZIPBounds {
    enum Verdict: Equatable, Sendable {
        case inside
        /// No end of central directory record: not a (whole) ZIP.
        case noEndRecord
        case outside
    }

    static func check(_ bytes: [UInt8]) -> Verdict {
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        // The end of central directory record: 22 bytes and a comment of up to 64 KB, at the end.
        guard bytes.count >= 22 else { return .noEndRecord }
        var end = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        while end >= lowest, u32(end) != 0x0605_4B50 { end -= 1 }
        guard end >= lowest else { return .noEndRecord }
        // Its comment too must end inside (ZIPFoundation, failing to read it, keeps the file open).
        guard end + 22 + u16(end + 20) <= bytes.count else { return .outside }
        let entries = u16(end + 10), size = u32(end + 12), offset = u32(end + 16)
        guard entries != 0xFFFF, size != 0xFFFF_FFFF, offset != 0xFFFF_FFFF, offset + size <= end else { return .outside }
        var at = offset
        for _ in 0..<entries {
            guard at + 46 <= offset + size, u32(at) == 0x0201_4B50 else { return .outside }
            let compressed = u32(at + 20), local = u32(at + 42)
            guard compressed != 0xFFFF_FFFF, local != 0xFFFF_FFFF, local + 30 <= bytes.count, u32(local) == 0x0403_4B50 else {
                return .outside
            }
            guard local + 30 + u16(local + 26) + u16(local + 28) + compressed <= bytes.count else { return .outside }
            at += 46 + u16(at + 28) + u16(at + 30) + u16(at + 32)
        }
        return at <= offset + size ? .inside : .outside
    }
}
