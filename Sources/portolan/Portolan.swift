import ArgumentParser
import Foundation
import PortolanReaders

struct Portolan: ParsableCommand {
    static let version = "0.3.0"

    static let configuration = CommandConfiguration(
        commandName: "portolan",
        abstract: "Reads architecture documents' connections tables into one model and regenerates diagrams, tables and firewall sheets from it.",
        version: version,
        subcommands: [Build.self, Diagram.self, Parse.self, Tables.self, Firewall.self, Netpol.self, Lint.self, Diff.self, Site.self])
}

/// Runs the command line: a misspelt command gets "did you mean", and every failure prints
/// as `path: error: message` (or `portolan: error: ...` for a usage mistake), never `Error:`.
@main
enum Main {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let problem = unknownCommand(arguments) {
            Console.error(problem)
            Console.error("Run 'portolan --help' for the commands.")
            exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try Portolan.parseAsRoot(arguments)
            try command.run()
        } catch {
            finish(error)
        }
    }

    static var commandNames: [String] {
        Portolan.configuration.subcommands.map { $0._commandName }
    }

    /// `portolan biuld` or `portolan help nosuch`: the command is not one of Portolan's.
    static func unknownCommand(_ arguments: [String]) -> String? {
        guard var word = arguments.first, !word.hasPrefix("-") else { return nil }
        if word == "help" {
            guard arguments.count > 1, !arguments[1].hasPrefix("-") else { return nil }
            word = arguments[1]
        }
        guard !commandNames.contains(word) else { return nil }
        return "portolan: error: '\(word)' is not a portolan command\(Suggest.didYouMean(word, among: commandNames))"
    }

    static func finish(_ error: Error) -> Never {
        if let code = error as? ExitCode { exit(code.rawValue) }
        if let failure = error as? ReportedFailure {
            Console.error(failure.description)
            exit(1)
        }
        let code = Portolan.exitCode(for: error)
        var message = Portolan.fullMessage(for: error)
        if code == .success {
            print(message)
            exit(0)
        }
        if message.hasPrefix("Error: ") { message = "portolan: error: " + message.dropFirst("Error: ".count) }
        for line in message.split(separator: "\n", omittingEmptySubsequences: false) { Console.error(String(line)) }
        exit(code.rawValue)
    }
}

/// The CLI's own failures: they print as `path: error: message` and exit 1.
protocol ReportedFailure: Error, CustomStringConvertible {}
extension Failure: ReportedFailure {}
extension OutputWriter.Failure: ReportedFailure {}
extension OutputWriter.UnsafePath: ReportedFailure {}
extension OutputWriter.Refusal: ReportedFailure {}
