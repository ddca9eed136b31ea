import ArgumentParser

@main
struct Portolan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portolan",
        abstract: "Reads architecture documents' connections tables into one model and regenerates diagrams, tables and firewall sheets from it.",
        subcommands: [Build.self, Diagram.self, Parse.self, Tables.self, Firewall.self, Netpol.self, Lint.self, Diff.self, Site.self])
}
