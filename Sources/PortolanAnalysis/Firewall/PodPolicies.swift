import PortolanModel

/// What the NetworkPolicies of one pod allow: the pod is an inventory entry with a namespace
/// and pod labels, and every documented flow from or to it (any section) is allowed, so a
/// policy never denies something the documents require.
public struct PodPolicy: Sendable, Hashable {
    /// The inventory entry's name.
    public var name: String
    /// The stem of the policy names ("portolan-<stem>-ingress"), unique in the sheet.
    public var stem: String
    public var namespace: String
    public var podLabels: [String: String]
    /// Where the entry is in the inventory (1-based), for diagnostics.
    public var line: Int
    public var ingress: Direction
    public var egress: Direction

    /// One direction of a pod's traffic: restricted to the listed peers, or left open because
    /// a documented peer cannot be written as a selector or a CIDR block.
    public struct Direction: Sendable, Hashable {
        public var peers: [PolicyPeer] = []
        /// Documented peers with no address or namespace: nothing can restrict this direction.
        public var unaddressed: [OpenPeer] = []
        /// Documented peers known by host name: a core policy cannot match them; Cilium's
        /// `toFQDNs` can (egress only).
        public var hostNamed: [OpenPeer] = []

        /// Why the direction is left unrestricted by the core policy; empty when it is restricted.
        public var openBecause: [String] { (unaddressed + hostNamed).map(\.description) }
        public var isRestricted: Bool { unaddressed.isEmpty && hostNamed.isEmpty }
        /// A Cilium policy can restrict it: every peer has an address, some only a host name.
        public var needsCilium: Bool { unaddressed.isEmpty && !hostNamed.isEmpty }
    }
}

/// A documented peer that keeps a direction open, with the rules it comes from.
public struct OpenPeer: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var ruleIDs: [String]
    public var why: String

    public var description: String { "'\(name)' (\(ruleIDs.joined(separator: ", "))) \(why)" }

    static func note(_ name: String, _ id: String, _ why: String, in list: inout [OpenPeer]) {
        if let index = list.firstIndex(where: { $0.name == name && $0.why == why }) {
            if !list[index].ruleIDs.contains(id) { list[index].ruleIDs.append(id) }
        } else {
            list.append(OpenPeer(name: name, ruleIDs: [id], why: why))
        }
    }
}

/// A peer of a pod: pods by selector, a namespace, CIDR blocks or host names, with the ports
/// the documented flows use (empty: all ports and protocols, because a flow's port or
/// transport is not known).
public struct PolicyPeer: Sendable, Hashable {
    public var name: String
    public var namespace: String?
    public var podLabels: [String: String]
    public var cidrs: [String]
    public var fqdns: [String]
    public var ports: [PolicyPort]
    /// The rules the peer comes from.
    public var ruleIDs: [String]

    /// A peer the cluster's own selectors reach.
    public var isInCluster: Bool { namespace != nil }
}

public struct PolicyPort: Sendable, Hashable {
    public var transport: Transport
    /// nil: every port of the transport.
    public var range: PortRange?

    public init(transport: Transport, range: PortRange?) {
        self.transport = transport
        self.range = range
    }
}

public enum PodPolicies {
    /// The pods the inventory places (namespace and pod labels) that appear in the sheet's
    /// rules, in first-rule order, with what their policies allow.
    public static func plan(_ sheet: FirewallSheet) -> [PodPolicy] {
        var order: [String] = []
        var pods: [String: PodPolicy] = [:]
        func touch(_ endpoint: FirewallEndpoint) -> String? {
            guard let key = endpoint.inventoryName, let namespace = endpoint.namespace, !endpoint.podLabels.isEmpty else { return nil }
            if pods[key] == nil {
                order.append(key)
                let empty = PodPolicy.Direction()
                pods[key] = PodPolicy(name: key, stem: "", namespace: namespace, podLabels: endpoint.podLabels,
                                      line: 0, ingress: empty, egress: empty)
            }
            return key
        }
        for rule in sheet.rules {
            if let key = touch(rule.destination) { add(rule, peer: rule.source, to: &pods[key]!.ingress, ingress: true) }
            if let key = touch(rule.source) { add(rule, peer: rule.destination, to: &pods[key]!.egress, ingress: false) }
        }
        var used: Set<String> = []
        return order.map { key in
            var pod = pods[key]!
            var stem = slug(pod.name)
            if !used.insert(stem).inserted {
                stem = String(stem.prefix(30)) + "-" + String(FirewallRules.fnv1a(pod.name), radix: 16).prefix(8)
                used.insert(stem)
            }
            pod.stem = stem
            return pod
        }
    }

    /// Adds one rule's peer to a direction: merged with an earlier entry for the same peer.
    static func add(_ rule: FirewallRule, peer endpoint: FirewallEndpoint, to direction: inout PodPolicy.Direction, ingress: Bool) {
        let addresses = endpoint.addresses.compactMap { try? NetworkAddress.parse($0).get() }
        var peer = PolicyPeer(name: endpoint.name, namespace: nil, podLabels: [:], cidrs: [], fqdns: [], ports: [], ruleIDs: [rule.id])
        if let namespace = endpoint.namespace {
            peer.namespace = namespace
            peer.podLabels = endpoint.podLabels
        } else if !addresses.isEmpty {
            peer.cidrs = addresses.compactMap(\.cidr)
            peer.fqdns = addresses.compactMap(\.fqdn)
        }
        if peer.namespace == nil && peer.cidrs.isEmpty && peer.fqdns.isEmpty {
            OpenPeer.note(endpoint.name, rule.id, "has no address or namespace in the inventory", in: &direction.unaddressed)
            return
        } else if !peer.fqdns.isEmpty {
            let why = "has host names (\(peer.fqdns.joined(separator: ", "))), which a NetworkPolicy cannot match"
            // Inbound traffic cannot be matched by name at all; outbound, Cilium can.
            if ingress {
                OpenPeer.note(endpoint.name, rule.id, why, in: &direction.unaddressed)
            } else {
                OpenPeer.note(endpoint.name, rule.id, why + "; see the CiliumNetworkPolicy", in: &direction.hostNamed)
            }
        }
        let port: PolicyPort? = rule.transport.map { PolicyPort(transport: $0, range: rule.port) }
        if let index = direction.peers.firstIndex(where: { samePeer($0, peer) }) {
            if !direction.peers[index].ruleIDs.contains(rule.id) { direction.peers[index].ruleIDs.append(rule.id) }
            // Empty ports already mean "all"; an unknown transport widens the peer to all.
            if direction.peers[index].ports.isEmpty { return }
            if let port {
                if !direction.peers[index].ports.contains(port) { direction.peers[index].ports.append(port) }
            } else {
                direction.peers[index].ports = []
            }
        } else {
            peer.ports = port.map { [$0] } ?? []
            direction.peers.append(peer)
        }
    }

    static func samePeer(_ a: PolicyPeer, _ b: PolicyPeer) -> Bool {
        a.namespace == b.namespace && a.podLabels == b.podLabels && a.cidrs == b.cidrs && a.fqdns == b.fqdns
            && (a.namespace != nil || !a.cidrs.isEmpty || !a.fqdns.isEmpty || a.name == b.name)
    }

    /// A DNS-label-safe stem: lowercase letters, digits and '-', at most 40.
    static func slug(_ name: String) -> String {
        var out = ""
        for scalar in name.lowercased().unicodeScalars {
            if scalar.isASCII, CharacterSetLike.alphanumeric(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, out.last != "-" {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        out = String(out.prefix(40))
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "pod-" + String(String(FirewallRules.fnv1a(name), radix: 16).prefix(8)) : out
    }

    /// What each pod's unrestricted directions say, as warnings at the inventory entry.
    public static func diagnostics(_ pods: [PodPolicy], inventory: Inventory) -> [Diagnostic] {
        pods.flatMap { pod -> [Diagnostic] in
            let line = inventory.entry(for: pod.name)?.line
            return [("ingress", pod.ingress), ("egress", pod.egress)].flatMap { label, direction in
                direction.openBecause.map { reason in
                    Diagnostic(.warning, "NetworkPolicy for '\(pod.name)': \(label) left unrestricted: \(reason)", line: line, column: 1,
                               code: "policy-unrestricted")
                }
            }
        }
    }
}

enum CharacterSetLike {
    static func alphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
