import Foundation
import PortolanAnalysis
import PortolanModel

extension JSONBytes {
    /// A firewall sheet's JSON and a final newline, written directly: the same bytes as its
    /// `encode(to:)` through the generic writer (keys sorted, absent optionals left out), without
    /// a writer per member: a million rows' sheet is written once per view.
    /// `FirewallJSONTests` holds the two (and Foundation's) equal.
    static func firewallSheet(_ sheet: FirewallSheet) throws -> Data {
        let output = Output()
        var object = Members(output: output, depth: 0)
        object.key("documents")
        array(sheet.documents, depth: 1, into: output) { text, _ in output.string(text) }
        object.key("request")
        request(sheet.request, depth: 1, into: output)
        object.key("rules")
        try array(sheet.rules, depth: 1, into: output) { rule, depth in try firewallRule(rule, depth: depth, into: output) }
        object.end()
        // Never so far: a writer of the generic path refused a value (see `JSONBytes`).
        if output.unsupported { return try ModelSerialization.foundationJSON(sheet) }
        output.append(0x0A)
        return output.data
    }

    static func firewallRule(_ rule: FirewallRule, depth: Int, into output: Output) throws {
        let inner = depth + 1
        var object = Members(output: output, depth: depth)
        object.key("action")
        output.string(rule.action)
        object.key("applicationProtocols")
        array(rule.applicationProtocols, depth: inner, into: output) { text, _ in output.string(text) }
        object.key("destination")
        try endpoint(rule.destination, depth: inner, into: output)
        object.key("direction")
        output.string(rule.direction)
        object.key("flags")
        array(rule.flags, depth: inner, into: output) { flag, depth in
            var members = Members(output: output, depth: depth)
            members.key("kind")
            output.string(flag.kind.rawValue)
            members.key("message")
            output.string(flag.message)
            members.end()
        }
        object.key("id")
        output.string(rule.id)
        object.key("justifications")
        array(rule.justifications, depth: inner, into: output) { text, _ in output.string(text) }
        if let port = rule.port {
            object.key("port")
            portRange(port, depth: inner, into: output)
        }
        object.key("portText")
        output.string(rule.portText)
        object.key("references")
        array(rule.references, depth: inner, into: output) { reference, depth in
            var members = Members(output: output, depth: depth)
            members.key("connection")
            output.string(reference.connection)
            members.key("line")
            output.integer(reference.line)
            members.key("path")
            output.string(reference.path)
            members.key("product")
            output.string(reference.product)
            members.end()
        }
        object.key("section")
        output.string(rule.section.rawValue)
        object.key("source")
        try endpoint(rule.source, depth: inner, into: output)
        if let transport = rule.transport {
            object.key("transport")
            output.string(transport.rawValue)
        }
        object.end()
    }

    static func endpoint(_ endpoint: FirewallEndpoint, depth: Int, into output: Output) throws {
        var object = Members(output: output, depth: depth)
        object.key("addresses")
        array(endpoint.addresses, depth: depth + 1, into: output) { text, _ in output.string(text) }
        if let inventoryName = endpoint.inventoryName {
            object.key("inventoryName")
            output.string(inventoryName)
        }
        object.key("name")
        output.string(endpoint.name)
        if let namespace = endpoint.namespace {
            object.key("namespace")
            output.string(namespace)
        }
        object.key("podLabels")
        // Keys of a dictionary sorted as the generic writer sorts them: by it.
        try write(endpoint.podLabels, depth: depth + 1, into: output)
        if let zone = endpoint.zone {
            object.key("zone")
            output.string(zone)
        }
        object.end()
    }

    static func request(_ request: Inventory.Request, depth: Int, into output: Output) {
        var object = Members(output: output, depth: depth)
        let members: [(StaticString, String?)] = [("environment", request.environment), ("requestedBy", request.requestedBy), ("ticket", request.ticket)]
        for (name, value) in members {
            guard let value else { continue }
            object.key(name)
            output.string(value)
        }
        object.end()
    }
}
