import ArgumentParser
import Foundation
import PortolanAnalysis
import PortolanBuild
import PortolanEmitters

struct Netpol: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write Kubernetes NetworkPolicies allowing every documented flow of each pod the inventory places (namespace and pod labels), or CiliumNetworkPolicies with --cilium.")

    @Option(help: "Inventory YAML: component name or alias -> namespace, pod labels, addresses, zone. Default: inventory.yaml beside the documents.")
    var inventory: String?

    @Flag(help: "Write CiliumNetworkPolicies (egress with toFQDNs) for the pods whose peers are known by host name, instead of the core policies.")
    var cilium = false

    @OptionGroup var file: OutputFile
    @OptionGroup var documents: DocumentPaths

    func run() throws {
        let run = try Run(Request(parts: [.policies], scopes: [.platform])) {
            let workspace = try $0.load(documents.paths, inventory: inventory, configs: [.inventory])
            guard workspace.inventory != nil else {
                throw Failure(documents.paths[0], "no inventory.yaml here: netpol places pods by an inventory (give --inventory FILE)")
            }
            return workspace
        }
        run.report()
        let name = cilium ? "ciliumnetworkpolicies.yaml" : "networkpolicies.yaml"
        try Run.emit(run.result.files["platform/\(name)"] ?? Data(), output: file.output)
        if let sheet = run.result.platformSheet {
            let pods = PodPolicies.plan(sheet)
            let open = pods.reduce(0) { $0 + ($1.ingress.isRestricted ? 0 : 1) + ($1.egress.isRestricted ? 0 : 1) }
            Console.error("\(count(pods.count, "pod")) placed by the inventory; \(count(pods.count * 2 - open, "NetworkPolicy", plural: "NetworkPolicies")); \(count(open, "direction")) left unrestricted (see the warnings); \(count(CiliumPolicies.pods(sheet).count, "CiliumNetworkPolicy", plural: "CiliumNetworkPolicies"))")
        }
        try run.exit()
    }
}
