import ArgumentParser
import Foundation
import PortolanAnalysis
import PortolanEmitters
import PortolanModel

struct Netpol: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write Kubernetes NetworkPolicies allowing every documented flow of each pod the inventory places (namespace and pod labels), or CiliumNetworkPolicies with --cilium.")

    @Option(help: "Inventory YAML: component name or alias -> namespace, pod labels, addresses, zone.")
    var inventory: String

    @Flag(help: "Write CiliumNetworkPolicies (egress with toFQDNs) for the pods whose peers are known by host name, instead of the core policies.")
    var cilium = false

    @Option(help: "File to write (default: standard output).")
    var output: String?

    @Argument(help: "Documents or folders of documents.")
    var paths: [String]

    func run() throws {
        let model = try Inputs.model(paths)
        var worst = Inputs.report(model)
        let products = Products.group(model)
        let (loaded, severity) = try TableOutputs.loadInventory(inventory, products: products, report: true)
        worst = [worst, severity].compactMap { $0 }.max()
        let sheet = FirewallRules.derive(products, inventory: loaded)
        let pods = PodPolicies.plan(sheet)
        for diagnostic in PodPolicies.diagnostics(pods, inventory: loaded) { Console.error(diagnostic.formatted(path: inventory)) }
        let text = cilium ? CiliumPolicies.render(sheet, dns: loaded.dns) : NetworkPolicies.render(sheet, dns: loaded.dns)
        try TableOutputs.emit(Data(text.utf8), output: output)
        let open = pods.reduce(0) { $0 + ($1.ingress.isRestricted ? 0 : 1) + ($1.egress.isRestricted ? 0 : 1) }
        Console.error("\(pods.count) pods placed by the inventory; \(pods.count * 2 - open) NetworkPolicies; \(open) directions left unrestricted (see the warnings); \(CiliumPolicies.pods(sheet).count) CiliumNetworkPolicies")
        if worst == .error { throw ExitCode(1) }
    }

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one document or folder") }
    }
}
