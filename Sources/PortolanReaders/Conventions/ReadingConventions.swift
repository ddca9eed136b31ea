/// The wording one family of documents uses for things a general reader cannot know: how
/// their titles end, the sentence that names the document's own product, the words their
/// classification column holds, and what their footnote marks mean. Everything vendor-specific
/// the readers know is here, in one value; the rest of the reader is general.
public struct ReadingConventions: Sendable, Hashable {
    /// Title endings dropped to get the product name ("… Private Edition Guide").
    public var titleSuffixes: [String]
    /// Sentences that name the document's subject: the text between `before` and `after`.
    public var subjectSentences: [(before: String, after: String)]
    /// Classification words a wrapped row's anchor recognises: lowercased letters only ("Intra-cluster" is "intracluster").
    public var classificationWords: Set<String>
    /// Header texts (lowercased, spaces collapsed) that mark a table written to these conventions;
    /// in such a table a `*` after a port means "configurable" even where the footnote was not copied.
    public var configurableMarkHeaders: Set<String>

    public init(titleSuffixes: [String], subjectSentences: [(before: String, after: String)],
                classificationWords: Set<String>, configurableMarkHeaders: Set<String>) {
        self.titleSuffixes = titleSuffixes
        self.subjectSentences = subjectSentences
        self.classificationWords = classificationWords
        self.configurableMarkHeaders = configurableMarkHeaders
    }

    /// The Genesys Multicloud private edition guides, the documents Portolan was first written for.
    public static let genesys = ReadingConventions(
        titleSuffixes: [" Private Edition Guide", " Guide"],
        subjectSentences: [("from the point of view of ", " as a service"), ("Learn about ", " architecture")],
        classificationWords: ["ingress", "egress", "intracluster", "intercluster"],
        configurableMarkHeaders: ["data that travels on this connection"])

    public static func == (lhs: ReadingConventions, rhs: ReadingConventions) -> Bool {
        lhs.titleSuffixes == rhs.titleSuffixes
            && lhs.subjectSentences.map { [$0.before, $0.after] } == rhs.subjectSentences.map { [$0.before, $0.after] }
            && lhs.classificationWords == rhs.classificationWords && lhs.configurableMarkHeaders == rhs.configurableMarkHeaders
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(titleSuffixes)
        hasher.combine(classificationWords)
    }
}
