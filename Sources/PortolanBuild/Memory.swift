/// The allocator's free memory given back to the system before a large page is made: lint's
/// threads each leave an arena of freed memory that glibc keeps (counted in the peak) otherwise.
enum Memory {
    static func giveBack() {
        #if os(Linux)
        _ = mallocTrim(0)
        #endif
    }
}

#if os(Linux)
/// glibc's `int malloc_trim(size_t pad)`, which the Glibc module does not export.
@_silgen_name("malloc_trim")
private func mallocTrim(_ pad: Int) -> Int32
#endif
