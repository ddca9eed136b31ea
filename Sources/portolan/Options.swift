import ArgumentParser

/// The documents every reading command takes.
struct DocumentPaths: ParsableArguments {
    @Argument(help: "Documents or folders of documents (the first folder's columns.yaml, and the aliases.yaml, inventory.yaml or lint.yaml this command uses, are read too).")
    var paths: [String]
}

/// Where a command that makes one file writes it.
struct OutputFile: ParsableArguments {
    @Option(help: "File to write (default: standard output).")
    var output: String?
}

/// The name the site and the Markdown tree carry in every page's header and title.
struct SiteTitle: ParsableArguments {
    @Option(help: "The site's name, in every page's header and title.")
    var title: String = "Portolan architecture"
}
