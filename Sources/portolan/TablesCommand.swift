import ArgumentParser
import Foundation
import PortolanBuild

struct Tables: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print Markdown tables: per product connections, included services and listening ports, then all connections.")

    @OptionGroup var file: OutputFile
    @OptionGroup var documents: DocumentPaths

    func run() throws {
        let run = try Run(Request(parts: [.tables])) { try $0.load(documents.paths, configs: []) }
        run.report()
        let pages = run.result.views.map { String(decoding: run.result.files["\($0.slug)/connections.md"] ?? Data(), as: UTF8.self) }
        try Run.emit(Data(pages.joined(separator: "\n").utf8), output: file.output)
        try run.exit()
    }
}
