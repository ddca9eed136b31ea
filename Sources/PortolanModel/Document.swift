/// What Portolan read from one file: its tables and everything it found wrong on the way.
public struct Document: Codable, Sendable, Hashable {
    /// The path as the user gave it (relative paths stay relative, so output is portable).
    public var path: String
    public var title: String?
    /// The service the document describes ("from the point of view of X as a service").
    public var subject: String?
    /// The introduction's paragraphs as the document writes them, for the site's product page.
    public var intro: [String]
    /// Which layout the connections table was written in (`tab`, `wrapped`, `markdown`, `html`, `yaml`).
    public var layout: String?
    public var connections: [Connection]
    public var services: [IncludedService]
    public var diagnostics: [Diagnostic]

    public init(path: String, title: String? = nil, subject: String? = nil, intro: [String] = [], layout: String? = nil,
                connections: [Connection] = [], services: [IncludedService] = [],
                diagnostics: [Diagnostic] = []) {
        self.path = path
        self.title = title
        self.subject = subject
        self.intro = intro
        self.layout = layout
        self.connections = connections
        self.services = services
        self.diagnostics = diagnostics
    }

    public var worstSeverity: Severity? { diagnostics.map(\.severity).max() }

    enum CodingKeys: String, CodingKey {
        case path, title, subject, intro, layout, connections, services, diagnostics
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        path = try c.decode(String.self, forKey: .path)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        subject = try c.decodeIfPresent(String.self, forKey: .subject)
        intro = try c.decodeIfPresent([String].self, forKey: .intro) ?? []
        layout = try c.decodeIfPresent(String.self, forKey: .layout)
        connections = try c.decodeIfPresent([Connection].self, forKey: .connections) ?? []
        services = try c.decodeIfPresent([IncludedService].self, forKey: .services) ?? []
        diagnostics = try c.decodeIfPresent([Diagnostic].self, forKey: .diagnostics) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path)
        try c.encode(title, forKey: .title)
        try c.encode(subject, forKey: .subject)
        try c.encode(intro, forKey: .intro)
        try c.encode(layout, forKey: .layout)
        try c.encode(connections, forKey: .connections)
        try c.encode(services, forKey: .services)
        try c.encode(diagnostics, forKey: .diagnostics)
    }
}

/// Every document of one run, in the order they were given (folders sorted by name), and
/// what users told Portolan about components in a YAML model.
public struct Model: Codable, Sendable, Hashable {
    public var documents: [Document]
    public var components: [ComponentNote]

    public init(documents: [Document], components: [ComponentNote] = []) {
        self.documents = documents
        self.components = components
    }

    enum CodingKeys: String, CodingKey { case documents, components }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        documents = try c.decode([Document].self, forKey: .documents)
        components = try c.decodeIfPresent([ComponentNote].self, forKey: .components) ?? []
    }
}

/// A component as a user describes it in a YAML model: its kind and the other names it goes by.
public struct ComponentNote: Codable, Sendable, Hashable {
    public var name: String
    /// "workload", "datastore", "queue" or "external", as written; nil when not given.
    public var kind: String?
    public var aliases: [String]
    public var line: Int?

    public init(name: String, kind: String? = nil, aliases: [String] = [], line: Int? = nil) {
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.line = line
    }
}
