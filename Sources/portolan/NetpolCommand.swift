import ArgumentParser
import Foundation
import PortolanBuild
import PortolanEmitters

struct Netpol: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write Kubernetes NetworkPolicies for the intra-cluster flows the inventory places (namespace and pod labels).")

    @Option(help: "Inventory YAML: component name or alias -> namespace, pod labels, addresses, zone.")
    var inventory: String

    @OptionGroup var file: OutputFile
    @OptionGroup var documents: DocumentPaths

    func run() throws {
        let run = try Run(Request(parts: [.policies], scopes: [.platform])) {
            try $0.load(documents.paths, inventory: inventory, configs: [.inventory])
        }
        run.report()
        try Run.emit(run.result.files["platform/networkpolicies.yaml"] ?? Data(), output: file.output)
        if let sheet = run.result.platformSheet {
            let (rules, skipped) = NetworkPolicies.plan(sheet)
            Console.error("\(count(rules.count * 2, "NetworkPolicy", plural: "NetworkPolicies")) for \(count(rules.count, "intra-cluster rule")); \(skipped.count) intra-cluster \(skipped.count == 1 ? "rule needs" : "rules need") inventory entries, a transport or a port")
        }
        try run.exit()
    }
}
