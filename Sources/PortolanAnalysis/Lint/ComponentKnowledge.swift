/// What the lint rules need to know of a component from its name alone, in their own words
/// ("a datastore", "a message broker", "outside the platform"). The knowledge itself is the
/// diagrams': `Knowledge` (kinds of things, never particular documents' components) and `NameKey`.
enum ComponentKnowledge {
    enum Kind: String, Sendable {
        case datastore, broker, external

        /// "a datastore", "a message broker", "outside the platform".
        var phrase: String {
            switch self {
            case .datastore: "a datastore"
            case .broker: "a message broker"
            case .external: "outside the platform"
            }
        }
    }

    /// The kind a YAML model declares, else the kind a name tells, or nil when neither says.
    static func kind(of name: String, declared: DeclaredComponents = DeclaredComponents()) -> Kind? {
        switch declared.kind(of: name) ?? Knowledge.kind(ofName: name) {
        case .external: .external
        case .queue: .broker
        case .datastore: .datastore
        case .workload, nil: nil
        }
    }

    /// A name ending in a Kubernetes workload kind: something the document deploys itself.
    static func isKubernetesObject(_ name: String) -> Bool { Knowledge.isKubernetesWorkload(name) }

    /// Lowercase words of letters and digits ("Customer Browser/API" -> customer, browser, api).
    static func words(_ text: String) -> [String] { NameKey.words(text) }

    /// True when the words of `phrase` occur consecutively in `words`.
    static func contains(_ words: [String], phrase: String) -> Bool { NameKey.contains(words, phrase: phrase) }

    /// "Tenant Service (Voice Config Service)" -> "Tenant Service"; "Redis 6.x" -> "Redis": the name
    /// without a trailing parenthesis or version, for comparing names across documents.
    static func baseName(_ name: String) -> String {
        let bare = NameKey.parenthetical(name)?.base ?? NameKey.tidy(name)
        return NameKey.withoutVersion(bare) ?? bare
    }
}
