import Foundation
@testable import PortolanAnalysis
import PortolanModel
import Testing

/// The lint rules' shortcuts for plain ASCII text, and the work they do once per name instead of
/// once per row, give what the general code gives: on texts made to hit letters, digits, case,
/// punctuation, markup, whitespace of every kind, control characters, combining marks, other
/// scripts and the empty string.
@Suite struct LintFastPathTests {
    static let pieces = [
        "", " ", "  ", "\t", "\n", "\r\n", "\u{B}", "\u{C}", "\u{1C}", "\u{1F}", "\u{0}", "\u{7F}", "\u{85}", "\u{A0}",
        "\u{2028}", "\u{3000}", "a", "Z", "data 1", "Pulse Load Distribution Server (LDS) retrieves",
        "(lds) x", "-Foo bar", "123 Abc", "1abc", "ABC-def", "x.y", "<b>&amp;</b>", "\"Quoted\"", "'single'",
        "`code`", "e\u{301}cole", "E\u{301}cole", "Élan", "élan", "ß", "Σίσυφος", "σ", "中文 Service", "😀 Emoji",
        "\u{202E}Rtl", "Ⅻ roman", "½ half", "٣ arabic digit", "x\u{1B}[31mRed",
    ]

    /// Every piece, and every piece followed by every other.
    static var texts: [String] {
        pieces + pieces.flatMap { a in pieces.map { b in a + b } } + pieces.flatMap { a in pieces.map { b in a + " " + b } }
    }

    @Test func descriptionWordsAreTheCharactersWords() {
        var ascii = 0
        for text in Self.texts {
            let general = DescriptionMismatch.originalByCharacter(text)
            #expect(DescriptionMismatch.original(text) == general, "\(text.debugDescription)")
            if let count = DescriptionMismatch.asciiWordCount(text) {
                ascii += 1
                #expect(count == general.count, "\(text.debugDescription)")
            } else {
                #expect(!text.utf8.allSatisfy { $0 < 0x80 }, "\(text.debugDescription)")
            }
        }
        #expect(ascii > 500)
    }

    @Test func capitalisedOpeningsAreTheCharactersOpenings() {
        var rejected = 0, opened = 0
        for text in Self.texts {
            for sentence in text.split(separator: ".") + [Substring(text)] {
                let general = DescriptionMismatch.leadingCapitalisedByCharacter(sentence)
                #expect(DescriptionMismatch.leadingCapitalised(sentence) == general, "\(sentence.debugDescription)")
                if DescriptionMismatch.opensWithoutCapital(sentence) {
                    rejected += 1
                    #expect(general.isEmpty, "\(sentence.debugDescription)")
                }
                if !general.isEmpty { opened += 1 }
            }
        }
        // Both answers are common among the texts.
        #expect(rejected > 1000)
        #expect(opened > 1000)
        #expect(DescriptionMismatch.leadingCapitalised("Pulse Load Distribution Server (LDS) retrieves data")
            == ["Pulse", "Load", "Distribution", "Server", "(LDS)"])
    }

    @Test func sentencesAreTheFullStopsSplit() {
        for text in Self.texts + ["a. b", ".", "..x..", "x.\u{301}y", "Done. Next", "e.g. x"] {
            #expect(DescriptionMismatch.sentences(text) == text.split(separator: "."), "\(text.debugDescription)")
        }
    }

    /// Each row's ends are the places of its source and destination among the context's names.
    @Test func rowsEndsAreTheirNames() throws {
        let products = try LintSupport.seeds()
        let context = LintContext(products: products)
        #expect(context.ends.count == context.rows.count && context.rows.count > 100)
        #expect(Set(context.names).count == context.names.count)
        for (row, ends) in zip(context.rows, context.ends) {
            #expect(context.names[ends.source] == row.connection.source)
            #expect(context.names[ends.destination] == row.connection.destination)
        }
        #expect(Set(context.names) == Set(context.rows.flatMap { [$0.connection.source, $0.connection.destination] }))
    }

    @Test func connectionNumbersAreTheTrimmedCellsNumbers() {
        let cells = Self.texts + ["1", " 1", "1 ", "\t7\t", "+5", "-3", "007", "1a", "١", "\u{A0}4", "4\u{A0}", "\u{2003}9\u{2003}",
                                  "\u{3000}12", "99999999999999999999", "0x1F", "1 2", "7\t", "\t7", "12 \t", "8\u{A0}"]
        for cell in cells {
            #expect(ConnectionNumbering.number(cell) == Int(cell.trimmingCharacters(in: .whitespaces)), "\(cell.debugDescription)")
        }
        #expect(ConnectionNumbering.number("\u{2003}9\u{2003}") == 9)
        #expect(ConnectionNumbering.number(" 12") == 12)
        #expect(ConnectionNumbering.number("7\t") == 7)
    }

    /// The evidence worked out once per name is the evidence worked out row by row (the code
    /// before: every row's keys and claims asked again).
    @Test func evidenceIsTheRowByRowEvidence() throws {
        func rowByRow(_ membership: SubjectMembership, otherProducts: Set<String>) -> Set<String> {
            let product = membership.product
            var score: [String: Int] = [:]
            for connection in product.connections {
                switch connection.classificationKind {
                case .egress:
                    score[SubjectMembership.key(connection.source), default: 0] += 1
                case .ingress:
                    if membership.nameClaim(connection.source) != nil { continue }
                    score[SubjectMembership.key(connection.destination), default: 0] += 1
                    score[SubjectMembership.key(connection.source), default: 0] -= 1
                case .intraCluster, nil:
                    continue
                }
            }
            var names: [String: String] = [:]
            for connection in product.connections {
                names[SubjectMembership.key(connection.source)] = connection.source
                names[SubjectMembership.key(connection.destination)] = connection.destination
            }
            var evidence: Set<String> = []
            for (key, value) in score where value >= 1 && !otherProducts.contains(key) {
                if let name = names[key], ComponentKnowledge.kind(of: name, declared: product.declared) != nil { continue }
                evidence.insert(key)
            }
            return evidence
        }
        // Names that share a key, written in different orders, a datastore written last or
        // first under one key, Ingress rows from the subject's own component, unknown classifications.
        let made = LintSupport.product("Billing", [
            ("1", "Ledger", "HTTP", "Redis 6.x", "443", "Egress"),
            ("2", "Redis", "HTTP", "Ledger", "443", "Ingress"),
            ("3", "Portal", "HTTP", "ledger", "443", "Ingress"),
            ("4", "Billing API", "HTTP", "Portal", "443", "Ingress"),
            ("5", "Portal", "HTTP", "Cache", "443", "Egress"),
            ("6", "Cache", "HTTP", "Portal", "443", "Egress"),
            ("7", "Queue", "TCP", "Kafka 2.8", "9092", "Ingress"),
            ("8", "Kafka", "TCP", "Queue", "9092", "Egres"),
            ("9", "Worker", "TCP", "Worker", "1", "Egress"),
            ("10", "", "TCP", "", "1", "Ingress"),
        ])
        let products = try LintSupport.seeds() + [made]
        #expect(products.count == 5)
        var compared = 0
        for (index, product) in products.enumerated() {
            let others = products.enumerated().filter { $0.offset != index }
                .reduce(into: Set<String>()) { $0.formUnion(SubjectMembership($1.element).identities) }
            for otherProducts in [others, [], ["ledger", "portal"]] {
                let expected = rowByRow(SubjectMembership(product), otherProducts: otherProducts)
                var alone = SubjectMembership(product)
                alone.gatherEvidence(otherProducts: otherProducts)
                #expect(alone.evidence == expected, "\(product.name)")
                let keys = Dictionary(product.connections.flatMap { [$0.source, $0.destination] }.map { ($0, SubjectMembership.key($0)) },
                                      uniquingKeysWith: { a, _ in a })
                var given = SubjectMembership(product)
                given.gatherEvidence(otherProducts: otherProducts, keys: keys)
                #expect(given.evidence == expected, "\(product.name)")
                compared += expected.count
            }
        }
        #expect(compared > 5)
    }

    /// A product's rows are a slice of the context's rows: those filtering by its slug gives.
    @Test func aProductsRowsAreTheRowsWithItsSlug() {
        let a = LintSupport.product("Billing", [("1", "A", "HTTP", "B", "443", "Egress"), ("2", "B", "HTTP", "C", "443", "Egress")])
        let b = LintSupport.product("Orders", [("1", "C", "HTTP", "D", "443", "Egress")])
        let empty = LintSupport.product("Empty", [])
        for products in [[a, b], [b, empty, a], [empty], []] {
            let context = LintContext(products: products)
            for product in products + [a, b, empty] {
                #expect(Array(context.rows(of: product)) == context.rows.filter { $0.product.slug == product.slug })
            }
        }
        #expect(LintContext(products: [b, empty, a]).rows(of: a).map(\.connection.number) == ["1", "2"])
    }

    /// A row holds its product and document once for its document's rows; it is still a value:
    /// equal and hashed by product, document and connection, whoever made it.
    @Test func rowsAreValuesWhateverTheirOrigin() {
        let product = LintSupport.product("Billing", [("1", "A", "HTTP", "B", "443", "Egress"), ("2", "B", "HTTP", "C", "443", "Egress")])
        let context = LintContext(products: [product])
        let document = product.documents[0]
        let made = LintRow(product: product, document: document, connection: document.connections[0])
        #expect(context.rows[0] == made)
        #expect(context.rows[0].hashValue == made.hashValue)
        #expect(context.rows[0] != context.rows[1])
        #expect(Set(context.rows + [made]).count == 2)
        var renamed = made
        renamed.product.name = "Other"
        #expect(renamed != made)
        #expect(renamed.product.name == "Other" && made.product.name == "Billing")
        #expect(renamed.document == made.document && renamed.connection == made.connection)
        var moved = context.rows[0]
        moved.document.path = "elsewhere.md"
        #expect(moved != context.rows[0] && moved.document.path == "elsewhere.md")
        #expect(context.rows[0].document.path == document.path && context.rows[1].document.path == document.path)
        renamed.product.name = "Billing"
        #expect(renamed == made)
    }
}
