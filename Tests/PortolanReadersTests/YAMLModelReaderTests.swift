import PortolanModel
import PortolanReaders
import Testing

/// Hand-written YAML models: what is right is read, what is wrong is said with line and column.
@Suite struct YAMLModelReaderTests {
    func read(_ yaml: String) -> YAMLModelReader.Read {
        YAMLModelReader.read(path: "model.yaml", text: SourceText(text: yaml))
    }

    @Test func handWrittenModel() {
        let read = read("""
            portolan: 1
            documents:
              - subject: Billing
                connections:
                  - number: 1
                    source: Billing API
                    destination: PostgreSQL
                    protocol: Postgres
                    port: 5432
                    classification: Egress
                    description: Invoices.
                services:
                  - name: Billing API
                    items: [Creates invoices., Sends reminders.]
            components:
              - name: PostgreSQL
                kind: datastore
                aliases: [Postgres DB]
            """)
        let document = read.documents[0]
        #expect(document.subject == "Billing")
        #expect(document.connections.first?.ports.ranges == [PortRange(5432)])
        #expect(document.connections.first?.line == 5)
        #expect(document.services.first?.description == "Creates invoices. Sends reminders.")
        #expect(read.components == [ComponentNote(name: "PostgreSQL", kind: "datastore", aliases: ["Postgres DB"], line: 16)])
        #expect(document.diagnostics.isEmpty)
    }

    @Test func syntaxErrorHasLineAndColumn() {
        let read = read("documents:\n  - subject: A\n    connections: [\n")
        let diagnostic = read.documents[0].diagnostics.first
        #expect(diagnostic?.severity == .error)
        #expect(diagnostic?.message.hasPrefix("YAML syntax:") == true)
        #expect(diagnostic?.line == 4)
    }

    @Test func mistakesAreReportedWhereTheyAre() {
        let read = read("""
            documents:
              - subject: A
                conections: []
                connections:
                  - number: 1
                    source: [X, Y]
                    destination: B
                    protocol: TCP
                    port: 99999
                    classification: Egress
            components:
              - name: B
                kind: datstore
            """)
        let messages = read.documents[0].diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.message)" }
        #expect(messages.contains { $0.hasPrefix("3:5 unknown key 'conections' in a document (did you mean 'connections'?)") })
        #expect(messages.contains { $0.hasPrefix("6:17 'source' is a single value") })
        #expect(messages.contains { $0.hasPrefix("5:9 connection 1: port '99999' is outside 1-65535") })
        #expect(messages.contains { $0.hasPrefix("13:11 unknown kind 'datstore' (did you mean 'datastore'?)") })
        // The connection is still read, with what could be read.
        #expect(read.documents[0].connections.first?.destination == "B")
    }

    @Test func notAModel() {
        #expect(read("- just\n- a list\n").documents[0].diagnostics.first?.message == "a Portolan model is a mapping with a 'documents:' list")
        #expect(read("components: []\n").documents[0].diagnostics.map(\.message) == ["'documents' is missing"])
        #expect(YAMLModelReader.isModel(SourceText(text: "aliases:\n  GWS: [x]\n")) == false)
    }
}

/// Keys written twice in a YAML model (issue 12).
@Suite struct YAMLModelDuplicateKeyTests {
    @Test func duplicateKeyIsAnErrorWithBothLines() {
        let read = YAMLModelReader.read(path: "model.yaml", text: SourceText(text: """
            documents:
              - subject: Billing
                connections:
                  - number: 1
                    source: Billing API
                    destination: Ledger
                    destination: PostgreSQL
                    protocol: TCP
                    port: 5432
                    classification: Egress
            components:
              - name: PostgreSQL
                kind: datastore
            """))
        let document = read.documents[0]
        #expect(document.diagnostics == [Diagnostic(.error, "duplicate key 'destination' (first at line 6)", line: 7, column: 9, code: "duplicate-key")])
        // The rest of the model is still read.
        #expect(document.connections.count == 1)
        #expect(read.components.map(\.name) == ["PostgreSQL"])
    }
}

/// Control and bidirectional characters in a YAML model's names (issue 12): kept, and warned about.
@Suite struct YAMLModelControlCharacterTests {
    @Test func subjectAndComponentNamesWarn() {
        let read = YAMLModelReader.read(path: "model.yaml", text: SourceText(text: """
            documents:
              - subject: "Evil\\u202Etxt.exe"
                title: "Red \\e[31mtitle"
            components:
              - name: "Bell\\aService"
            """))
        let document = read.documents[0]
        #expect(document.subject == "Evil\u{202E}txt.exe")
        #expect(document.diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0): \($0.severity.rawValue): \($0.message)" } == [
            "2:14: warning: 'subject' has control or bidirectional characters (<U+202E>), shown as their code points",
            "3:12: warning: 'title' has control or bidirectional characters (<U+001B>), shown as their code points",
            "5:11: warning: 'name' has control or bidirectional characters (<U+0007>), shown as their code points",
        ])
    }
}

@Suite struct YAMLModelMessageTests {
    @Test func unknownKeyAndKindShowCodePoints() {
        let read = YAMLModelReader.read(path: "model.yaml", text: SourceText(text: """
            documents:
              - subject: A
                "sub\\e[31mject": B
            components:
              - {name: X, kind: "ext\\u202Eernal"}
            """))
        let messages = read.documents[0].diagnostics.map(\.message)
        #expect(messages.contains { $0.hasPrefix("unknown key 'sub<U+001B>[31mject' in a document") })
        #expect(messages.contains { $0.hasPrefix("unknown kind 'ext<U+202E>ernal'") })
        #expect(!messages.contains { ControlCharacters.contains($0) })
    }
}
