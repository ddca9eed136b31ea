import PortolanModel

/// What a component is, as far as a diagram draws it.
public enum ComponentKind: String, Codable, Sendable, CaseIterable, Comparable {
    case workload
    case datastore
    case queue
    case external

    public static func < (lhs: ComponentKind, rhs: ComponentKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// General infrastructure knowledge: words and phrases that name kinds of things, never the
/// names of particular documents' components. Matching is by whole lowercase words.
enum Knowledge {
    static let datastores = [
        "redis", "postgres", "postgresql", "sql", "mssql", "mysql", "mariadb", "oracle database", "mongodb", "mongo",
        "cassandra", "couchbase", "couchdb", "dynamodb", "cosmos db", "cosmosdb", "elasticsearch", "opensearch",
        "memcached", "valkey", "keydb", "database", "db", "object storage", "object store", "blob storage", "blob",
        "s3", "bucket", "file share", "file storage", "file system", "filesystem", "nfs", "smb", "cifs", "storage",
    ]
    static let queues = [
        "kafka", "activemq", "rabbitmq", "amqp", "nats", "pulsar", "sqs", "sns", "kinesis", "event hub", "event hubs",
        "message bus", "message broker", "message queue", "mq", "pubsub", "pub sub",
    ]
    /// Service registries and key-value stores every product shares, drawn with the datastores
    /// and queues. (Monitoring and ingress controllers start connections into the products, so
    /// they are drawn as platform services, not in the infrastructure group.)
    static let sharedServices = ["consul", "etcd", "zookeeper", "vault", "service registry"]
    /// Parties outside the platform: people, their devices, the internet, carriers, vendors' clouds.
    static let externals = [
        "browser", "browsers", "internet", "public internet", "customer", "customers", "api client", "end user",
        "end users", "provider", "providers", "vendor", "partner", "third party", "external", "sbc",
        "session border controller", "carrier", "carriers", "pstn", "sftp", "ftp", "google", "aws", "amazon",
        "azure", "microsoft", "twilio",
    ]
    /// Kubernetes workload kinds: a name that carries one is a workload the document deploys itself.
    static let kubernetesWorkloads = ["replicaset", "statefulset", "deployment", "daemonset", "cronjob", "job", "pod", "pods", "namespace"]

    static func matches(_ words: [String], _ phrases: [String]) -> Bool {
        phrases.contains { NameKey.contains(words, phrase: $0) }
    }

    /// The kind a name alone tells, or nil when the name says nothing.
    static func kind(ofName name: String) -> ComponentKind? {
        let words = NameKey.words(name)
        if matches(words, externals) { return .external }
        if matches(words, queues) { return .queue }
        if matches(words, datastores) { return .datastore }
        return nil
    }

    static func isSharedService(_ name: String) -> Bool {
        matches(NameKey.words(name), sharedServices)
    }

    static func isKubernetesWorkload(_ name: String) -> Bool {
        guard let last = NameKey.words(name).last else { return false }
        return kubernetesWorkloads.contains(last)
    }
}

/// What a YAML model's `components:` entries declare: a component's kind and its other names.
/// A declaration wins over everything Portolan infers from names, protocols and rows, in the
/// diagrams, the tables, the firewall sheet, the NetworkPolicies and lint.
public struct DeclaredComponents: Sendable, Hashable {
    /// Each entry's canonical name and aliases, in file order (for the name resolution).
    public private(set) var notes: [ComponentNote] = []
    private var kindByKey: [String: ComponentKind] = [:]

    public init(_ notes: [ComponentNote] = []) {
        for note in notes {
            self.notes.append(note)
            guard let kind = note.kind.flatMap(ComponentKind.init(rawValue:)) else { continue }
            // The first declaration of a name wins; the reader reports unknown kinds.
            for name in [note.name] + note.aliases {
                let key = AliasTable.key(name)
                if !key.isEmpty, kindByKey[key] == nil { kindByKey[key] = kind }
            }
        }
    }

    public var isEmpty: Bool { notes.isEmpty }

    /// The declared kind of a component written `name` (its declared name or an alias), if any.
    public func kind(of name: String) -> ComponentKind? {
        kindByKey.isEmpty ? nil : kindByKey[AliasTable.key(name)]
    }

    /// The first declared kind among the names one component is written as.
    public func kind(ofAny names: [String]) -> ComponentKind? {
        kindByKey.isEmpty ? nil : names.lazy.compactMap { self.kindByKey[AliasTable.key($0)] }.first
    }
}
