/// General infrastructure knowledge the lint rules use to tell what a component is from its
/// name alone: datastores, message brokers and parties outside the platform. Words name kinds
/// of things, never particular documents' components; matching is by whole lowercase words.
enum ComponentKnowledge {
    enum Kind: String, Sendable {
        case datastore, broker, external

        /// "a datastore", "a message broker", "an external party".
        var phrase: String {
            switch self {
            case .datastore: "a datastore"
            case .broker: "a message broker"
            case .external: "outside the platform"
            }
        }
    }

    static let datastores = [
        "redis", "postgres", "postgresql", "sql server", "mssql", "mysql", "mariadb", "oracle database", "mongodb",
        "cassandra", "couchbase", "dynamodb", "cosmos db", "elasticsearch", "opensearch", "memcached", "valkey",
        "database", "db", "object storage", "object store", "blob storage", "s3", "bucket", "file share",
        "file storage", "nfs",
    ]
    static let brokers = [
        "kafka", "activemq", "rabbitmq", "nats", "pulsar", "sqs", "kinesis", "event hub", "event hubs",
        "message bus", "message broker", "message queue",
    ]
    /// People, their devices, the internet, carriers, vendors and their clouds.
    static let externals = [
        "browser", "browsers", "internet", "public internet", "api client", "end user", "end users", "provider",
        "providers", "vendor", "partner", "third party", "external", "sbc", "session border controller",
        "carrier", "carriers", "pstn", "google", "aws", "azure",
    ]
    /// Kinds of Kubernetes objects: a name ending in one is something the document deploys itself.
    static let kubernetesObjects = ["replicaset", "statefulset", "deployment", "daemonset", "cronjob", "job", "pod", "pods", "namespace"]

    /// The kind a name tells, or nil when the name says nothing general.
    static func kind(of name: String) -> Kind? {
        let words = self.words(name)
        if matches(words, externals) { return .external }
        if matches(words, brokers) { return .broker }
        if matches(words, datastores) { return .datastore }
        return nil
    }

    static func isKubernetesObject(_ name: String) -> Bool {
        words(name).last.map(kubernetesObjects.contains) ?? false
    }

    /// Lowercase words of letters and digits ("Customer Browser/API" -> customer, browser, api).
    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    static func matches(_ words: [String], _ phrases: [String]) -> Bool {
        phrases.contains { contains(words, phrase: $0) }
    }

    /// True when the words of `phrase` occur consecutively in `words`.
    static func contains(_ words: [String], phrase: String) -> Bool {
        let needle = phrase.split(separator: " ").map(String.init)
        guard !needle.isEmpty, needle.count <= words.count else { return false }
        return (0...(words.count - needle.count)).contains { Array(words[$0..<$0 + needle.count]) == needle }
    }

    /// "Tenant Service (Voice Config Service)" -> "Tenant Service"; "Redis 6.x" -> "Redis": the name
    /// without a trailing parenthesis or version, for comparing names across documents.
    static func baseName(_ name: String) -> String {
        var parts = name.split(whereSeparator: \.isWhitespace).map(String.init)
        if let open = parts.firstIndex(where: { $0.hasPrefix("(") }), open > 0, parts.last?.hasSuffix(")") == true {
            parts = Array(parts[..<open])
        }
        if parts.count >= 2, let last = parts.last, isVersion(last) { parts.removeLast() }
        return parts.joined(separator: " ")
    }

    /// "6.x", "2.8", "v2": a version word.
    static func isVersion(_ word: String) -> Bool {
        let lower = word.lowercased()
        let body = lower.hasPrefix("v") ? lower.dropFirst() : lower[...]
        let pieces = body.split(separator: ".", omittingEmptySubsequences: false)
        guard let first = pieces.first, !first.isEmpty, first.allSatisfy(\.isNumber) else { return false }
        if pieces.count == 1 { return lower.hasPrefix("v") }
        return pieces.dropFirst().allSatisfy { !$0.isEmpty && ($0 == "x" || $0.allSatisfy(\.isNumber)) }
    }
}
