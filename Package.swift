// swift-tools-version:6.0
// Portolan: architecture documents -> one connection model -> diagrams, tables, firewall sheets, site.
// The pipeline shows in the targets: readers -> model -> analysis -> emitters -> CLI.
import PackageDescription

let package = Package(
    name: "Portolan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "portolan", targets: ["portolan"]),
        .library(name: "PortolanKit", targets: ["PortolanModel", "PortolanReaders", "PortolanAnalysis", "PortolanEmitters"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // Value types only: documents, connections, ports, diagnostics.
        .target(name: "PortolanModel"),
        // One reader per layout; best-effort model plus diagnostics, never throws on bad content.
        .target(name: "PortolanReaders", dependencies: [
            "PortolanModel", "CLibXML2", "CPoppler",
            .product(name: "Yams", package: "Yams"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], exclude: ["YAML/portolan-model.schema.json"]),
        // libxml2's forgiving HTML parser, for saved web pages; touched in one file only.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // poppler-glib, for PDF files: every word with its page and box; touched in one file only.
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib", providers: [.apt(["libpoppler-glib-dev"])]),
        // Pure functions over the model: products, name resolution, protocol families.
        .target(name: "PortolanAnalysis", dependencies: ["PortolanModel", "PortolanReaders", .product(name: "Yams", package: "Yams")]),
        // Pure (model, options) -> text/bytes; no file I/O.
        .target(name: "PortolanEmitters", dependencies: [
            "PortolanModel", "PortolanAnalysis",
            .product(name: "Yams", package: "Yams"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "Mustache", package: "swift-mustache"),
        ], resources: [.copy("Site/Templates"), .copy("Docs/MarkdownTemplates")]),
        // The only code that touches the Graphviz C API.
        .systemLibrary(name: "CGraphviz", pkgConfig: "libgvc",
                       providers: [.apt(["libgraphviz-dev", "graphviz", "pkg-config"])]),
        // Also the diagram's layout choice, PNG reuse and warm-up (from the emitters' DOT).
        .target(name: "PortolanGraphviz", dependencies: ["CGraphviz", "PortolanModel", "PortolanAnalysis", "PortolanEmitters"]),
        // The one entry point: a workspace (documents and configuration, in memory) in, named
        // files and every diagnostic out; no file I/O. Every command goes through it.
        .target(name: "PortolanBuild", dependencies: [
            "PortolanModel", "PortolanReaders", "PortolanAnalysis", "PortolanEmitters", "PortolanGraphviz",
            .target(name: "CMalloc", condition: .when(platforms: [.linux])),
        ]),
        // glibc's malloc_trim: the build hands freed memory back before its largest pages.
        .systemLibrary(name: "CMalloc"),
        // Thin CLI: one file per subcommand; reads the workspace, calls PortolanBuild, writes files.
        .executableTarget(name: "portolan", dependencies: [
            "PortolanModel", "PortolanReaders", "PortolanAnalysis", "PortolanEmitters", "PortolanBuild",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // `make bench`: parse time and peak memory on generated documents.
        .executableTarget(name: "portolan-bench", dependencies: ["PortolanModel", "PortolanReaders"]),
        // `make test-fuzz`: libFuzzer over every reader (built with -D FUZZING); otherwise replays files.
        .executableTarget(name: "portolan-fuzz", dependencies: ["PortolanModel", "PortolanReaders", "PortolanAnalysis"]),
        .testTarget(name: "PortolanModelTests", dependencies: ["PortolanModel"]),
        .testTarget(name: "PortolanReadersTests", dependencies: ["PortolanReaders", "PortolanModel", "PortolanTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "PortolanEmittersTests", dependencies: ["PortolanEmitters", "PortolanAnalysis", "PortolanReaders", "PortolanModel", "PortolanTestSupport"]),
        .testTarget(name: "PortolanAnalysisTests", dependencies: ["PortolanAnalysis", "PortolanReaders", "PortolanModel", "PortolanTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "PortolanGraphvizTests", dependencies: ["PortolanGraphviz", "PortolanEmitters", "PortolanAnalysis", "PortolanReaders", "PortolanModel", "PortolanTestSupport"]),
        // Shared by the test targets: the repository's root, temporary folders, running the binary, skips.
        .target(name: "PortolanTestSupport", path: "Tests/PortolanTestSupport"),
        .testTarget(name: "PortolanCLITests", dependencies: ["PortolanModel", "PortolanTestSupport"], exclude: ["testdata"]),
        .testTarget(name: "PortolanBuildTests", dependencies: ["PortolanBuild", "PortolanReaders", "PortolanModel"]),
    ]
)
