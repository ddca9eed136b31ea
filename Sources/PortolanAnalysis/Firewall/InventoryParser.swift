import Foundation
import PortolanModel
import Yams

extension Inventory {
    static let entryKeys = ["aliases", "namespace", "podLabels", "addresses", "cidrs", "fqdns", "zone"]

    /// Reads inventory YAML. Never throws: a file that is not YAML, or entries of the wrong
    /// shape, give diagnostics and whatever entries could be read.
    public static func parse(_ text: String) -> (Inventory, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            return (.empty, [error.diagnostic(text: text)])
        } catch {
            return (.empty, [Diagnostic(.error, "the inventory is not YAML: \(error)", line: 1, column: 1)])
        }
        guard let root else { return (.empty, []) }
        guard let top = root.mapping else {
            return (.empty, [Diagnostic(.error, "the inventory must be a mapping with a 'components' key", at: root)])
        }
        var components: Node.Mapping?
        var request = Request(), dns = DNS()
        for (key, value) in top {
            switch key.string {
            case "components":
                components = value.mapping
                if components == nil, value.scalar?.string != "" {
                    diagnostics.append(Diagnostic(.error, "'components' must map component names to entries", at: value))
                }
            case "request": request = readRequest(value, diagnostics: &diagnostics)
            case "dns": dns = readDNS(value, diagnostics: &diagnostics)
            default:
                var message = "unknown key '\(key.string ?? "")' (expected 'components', 'request' or 'dns')"
                if let near = Names.closest(to: key.string ?? "", among: ["components", "request", "dns"]) {
                    message += "; did you mean '\(near)'?"
                }
                diagnostics.append(Diagnostic(.warning, message, at: key))
            }
        }
        var entries: [Entry] = []
        var owner: [String: String] = [:]
        for (key, value) in components ?? Node.Mapping([]) {
            guard let name = key.string, !Names.key(name).isEmpty else {
                diagnostics.append(Diagnostic(.error, "a component name must be a non-empty string", at: key))
                continue
            }
            var entry = Entry(name: name, line: key.mark?.line ?? 0)
            if let fields = value.mapping {
                read(fields, into: &entry, diagnostics: &diagnostics)
            } else if value.scalar?.string != "" {
                diagnostics.append(Diagnostic(.error, "the entry for '\(name)' must be a mapping", at: value))
            }
            for alias in [name] + entry.aliases {
                let aliasKey = Names.key(alias)
                if let first = owner[aliasKey], first != name || alias != name {
                    diagnostics.append(Diagnostic(.warning, "'\(alias)' of '\(name)' is already a name of '\(first)'; the first one is used", at: key))
                } else if owner[aliasKey] == nil {
                    owner[aliasKey] = name
                }
            }
            entries.append(entry)
        }
        return (Inventory(entries: entries, request: request, dns: dns), diagnostics)
    }

    private static func readRequest(_ node: Node, diagnostics: inout [Diagnostic]) -> Request {
        var request = Request()
        guard let fields = node.mapping else {
            if node.scalar?.string != "" { diagnostics.append(Diagnostic(.error, "'request' must be a mapping (requestedBy, ticket, environment)", at: node)) }
            return request
        }
        for (key, value) in fields {
            let field = key.string ?? ""
            switch field {
            case "requestedBy": request.requestedBy = string(value, field: field, diagnostics: &diagnostics)
            case "ticket": request.ticket = string(value, field: field, diagnostics: &diagnostics)
            case "environment": request.environment = string(value, field: field, diagnostics: &diagnostics)
            default:
                var message = "unknown key '\(field)' in 'request'"
                if let near = Names.closest(to: field, among: ["requestedBy", "ticket", "environment"]) { message += "; did you mean '\(near)'?" }
                diagnostics.append(Diagnostic(.warning, message, at: key))
            }
        }
        return request
    }

    private static func readDNS(_ node: Node, diagnostics: inout [Diagnostic]) -> DNS {
        var dns = DNS()
        guard let fields = node.mapping else {
            if node.scalar?.string != "" { diagnostics.append(Diagnostic(.error, "'dns' must be a mapping (namespace, podLabels)", at: node)) }
            return dns
        }
        var entry = Entry(name: "dns")
        read(fields, into: &entry, diagnostics: &diagnostics, allowed: ["namespace", "podLabels"])
        if let namespace = entry.namespace { dns.namespace = namespace }
        if fields["podLabels"] != nil { dns.podLabels = entry.podLabels }
        return dns
    }

    private static func read(_ fields: Node.Mapping, into entry: inout Entry, diagnostics: inout [Diagnostic],
                             allowed: [String] = entryKeys) {
        for (key, value) in fields {
            let field = key.string ?? ""
            switch allowed.contains(field) ? field : "" {
            case "aliases": entry.aliases = strings(value, field: field, diagnostics: &diagnostics)
            case "addresses", "cidrs", "fqdns":
                entry.addresses += addresses(value, field: field, diagnostics: &diagnostics)
            case "zone": entry.zone = string(value, field: field, diagnostics: &diagnostics)
            case "namespace":
                guard let namespace = string(value, field: field, diagnostics: &diagnostics) else { continue }
                if KubernetesNames.isLabel(namespace) {
                    entry.namespace = namespace
                } else {
                    diagnostics.append(Diagnostic(.error, "namespace '\(namespace)' is not a DNS label (lowercase letters, digits, '-', at most 63)", at: value))
                }
            case "podLabels":
                guard let labels = value.mapping else {
                    diagnostics.append(Diagnostic(.error, "'podLabels' must map label keys to values", at: value))
                    continue
                }
                for (labelKey, labelValue) in labels {
                    guard let k = labelKey.string, let v = labelValue.string,
                          KubernetesNames.isLabelKey(k), KubernetesNames.isLabelValue(v) else {
                        diagnostics.append(Diagnostic(.error, "pod label '\(labelKey.string ?? "")' is not a valid Kubernetes label", at: labelKey))
                        continue
                    }
                    entry.podLabels[k] = v
                }
            default:
                var message = "unknown key '\(field)' in the entry for '\(entry.name)'"
                if let near = Names.closest(to: field, among: allowed) { message += "; did you mean '\(near)'?" }
                diagnostics.append(Diagnostic(.warning, message, at: key))
            }
        }
    }

    /// The valid addresses of a list; each invalid one is an error at its own line.
    private static func addresses(_ node: Node, field: String, diagnostics: inout [Diagnostic]) -> [String] {
        let items: [Node]
        // `addresses:` with nothing after it lists none; a quoted "" is an empty address.
        if let scalar = node.scalar, scalar.string.isEmpty, scalar.style == .plain { return [] }
        if node.scalar != nil { items = [node] } else if let sequence = node.sequence { items = Array(sequence) } else {
            diagnostics.append(Diagnostic(.error, "'\(field)' must be a list", at: node))
            return []
        }
        var kept: [String] = []
        for item in items {
            guard let text = item.scalar?.string else {
                diagnostics.append(Diagnostic(.error, "'\(field)' must list single values", at: item))
                continue
            }
            switch NetworkAddress.parse(text) {
            case .success(let address):
                if field == "cidrs", address.cidr == nil {
                    diagnostics.append(Diagnostic(.error, "'\(text)' under 'cidrs' is a host name, not a CIDR block", at: item))
                } else if field == "fqdns", address.fqdn == nil {
                    diagnostics.append(Diagnostic(.error, "'\(text)' under 'fqdns' is an IP address, not a host name", at: item))
                } else if !kept.contains(text) {
                    kept.append(text)
                }
            case .failure(let invalid):
                diagnostics.append(Diagnostic(.error, "invalid address: \(invalid.message)", at: item))
            }
        }
        return kept
    }

    private static func string(_ node: Node, field: String, diagnostics: inout [Diagnostic]) -> String? {
        if let text = node.scalar?.string { return text }
        diagnostics.append(Diagnostic(.error, "'\(field)' must be a single value", at: node))
        return nil
    }

    private static func strings(_ node: Node, field: String, diagnostics: inout [Diagnostic]) -> [String] {
        if let text = node.scalar?.string { return text.isEmpty ? [] : [text] }
        guard let items = node.sequence else {
            diagnostics.append(Diagnostic(.error, "'\(field)' must be a list", at: node))
            return []
        }
        return items.compactMap { string($0, field: field, diagnostics: &diagnostics) }
    }
}
