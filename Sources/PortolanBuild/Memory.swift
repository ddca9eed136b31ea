#if os(Linux)
import CMalloc
#endif

/// The allocator's free memory given back to the system before a large page is made: lint's
/// threads each leave an arena of freed memory that glibc keeps (counted in the peak) otherwise.
enum Memory {
    static func giveBack() {
        #if os(Linux)
        _ = malloc_trim(0)
        #endif
    }
}
