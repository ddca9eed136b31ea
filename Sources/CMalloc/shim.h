// glibc's allocator controls (malloc_trim), which Swift's Glibc module does not export.
// Only PortolanBuild/Memory.swift uses it, and only on Linux.
#include <malloc.h>
