import Foundation
import PortolanAnalysis
@testable import PortolanEmitters
import PortolanModel
import Testing

/// The SARIF log written directly (`LintSARIF.bytes`) is the log's `encode(to:)` through the
/// generic writer byte for byte, and Foundation's where the generic writer is: on findings made
/// to hit every escape, an empty list, the reader pseudo-rule, and the five seeds' findings.
@Suite struct LintSARIFTests {
    static let tricky: [LintFinding] = [
        LintFinding(rule: "WellKnownPort", severity: .warning, message: "Redis on port 8002, not its well-known 6379",
                    path: "Input/a b.txt", line: 5, column: 1, product: "Product 0", connection: "2"),
        LintFinding(rule: "MissingCell", severity: .error, message: "quote \" backslash \\ slash / <b>&amp;</b> `*` tab \t newline \n return \r",
                    path: "dir/é 😀:%#?.pdf", line: 0, column: -3, page: 2, product: nil, connection: nil),
        LintFinding(rule: "reader", severity: .note, message: "", path: "", line: 1, column: 1, product: "", connection: ""),
        LintFinding(rule: "NoSuchRule", severity: .warning, message: "nul \u{0} bell \u{7} esc \u{1B}[31m del \u{7F} line sep \u{2028} 中文",
                    path: "x.txt", line: 12_345_678, column: 9, product: "Zé", connection: "7"),
    ]

    /// What Foundation leaves raw and the generic writer escapes (C1 and bidirectional controls).
    static let hidden = LintFinding(rule: "DescriptionMismatch", severity: .warning, message: "a\u{202E}b\u{85}c\u{61C}d",
                                    path: "r\u{202E}l.txt", line: 3, column: 4, product: "P\u{9F}")

    static func generic(_ findings: [LintFinding], _ rules: [LintRuleDescription]) throws -> Data {
        try ModelSerialization.jsonData(LintSARIF.log(findings, rules: LintSARIF.withReader(rules, findings)))
    }

    @Test func trickyFindingsAreTheGenericBytes() throws {
        let rules = LintRules.descriptions
        for findings in [Self.tricky, Self.tricky + [Self.hidden], [], [Self.tricky[2]], [Self.hidden]] {
            let direct = try LintSARIF.data(findings, rules: rules)
            #expect(direct == (try Self.generic(findings, rules)))
        }
        // Where the generic writer is Foundation's, so is the direct one.
        let direct = try LintSARIF.data(Self.tricky, rules: rules)
        #expect(direct == (try ModelSerialization.foundationJSON(
            LintSARIF.log(Self.tricky, rules: LintSARIF.withReader(rules, Self.tricky)))))
        // A path's bidirectional override is percent-encoded (%E2%80%AE); a message's is written \u202e.
        let text = String(decoding: try LintSARIF.data([Self.hidden], rules: rules), as: UTF8.self)
        #expect(text.contains(#""uri" : "r%E2%80%AEl.txt""#))
        #expect(text.contains(#""text" : "a\u202eb\u0085c\u061cd""#))
    }

    @Test func anEmptyLogAndTheReaderRule() throws {
        let empty = String(decoding: try LintSARIF.data([], rules: []), as: UTF8.self)
        #expect(empty == """
            {
              "$schema" : "https://json.schemastore.org/sarif-2.1.0.json",
              "runs" : [
                {
                  "results" : [

                  ],
                  "tool" : {
                    "driver" : {
                      "name" : "portolan",
                      "rules" : [

                      ]
                    }
                  }
                }
              ],
              "version" : "2.1.0"
            }

            """)
        // A reader finding adds the reader pseudo-rule last: its index is the rules' count.
        let text = String(decoding: try LintSARIF.data([Self.tricky[2]], rules: LintRules.descriptions), as: UTF8.self)
        #expect(text.contains("\"ruleIndex\" : \(LintRules.descriptions.count)\n"))
        #expect(text.contains("\"id\" : \"reader\""))
    }

    /// The fingerprint worked out without joining the texts is the joined text's FNV-1a.
    @Test func fingerprintsAreTheJoinedTextsHash() throws {
        for finding in Self.tricky + [Self.hidden] {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in [finding.rule, finding.path, finding.product ?? "", finding.message].joined(separator: "\u{1F}").utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            #expect(LintSARIF.fingerprintValue(finding) == hash)
            let hex = String(hash, radix: 16)
            #expect(LintSARIF.fingerprint(finding) == String(repeating: "0", count: 16 - hex.count) + hex)
            let text = String(decoding: try LintSARIF.data([finding], rules: []), as: UTF8.self)
            #expect(text.contains("\"portolan/v1\" : \"\(LintSARIF.fingerprint(finding))\""))
        }
        // An empty finding: FNV-1a of three unit separators, leading zeros kept (16 digits).
        let empty = LintFinding(rule: "", severity: .note, message: "", path: "", line: 1, column: 1)
        #expect(LintSARIF.fingerprint(empty).count == 16)
    }

    @Test func theSeedsFindingsAreTheGenericBytes() throws {
        let findings = Linter.run(try JSONBytesTests.seeds(), config: LintConfig()).findings
        #expect(findings.count > 20)
        let rules = LintRules.descriptions
        #expect(try LintSARIF.data(findings, rules: rules) == (try Self.generic(findings, rules)))
    }

    /// lint.txt's bytes written directly are the text's: control characters, line breaks and
    /// bidirectional controls shown as code points, printable ASCII and other text as it is.
    @Test func lintTextBytesAreTheTexts() {
        for findings in [Self.tricky, Self.tricky + [Self.hidden], [], [Self.hidden]] {
            #expect(LintText.data(findings) == Data(LintText.render(findings).utf8))
        }
        #expect(LintText.data([]).isEmpty)
        let text = String(decoding: LintText.data([Self.tricky[1], Self.hidden]), as: UTF8.self)
        #expect(text.hasPrefix("dir/é 😀:%#?.pdf:page 2:0: error: quote \" backslash \\ slash / <b>&amp;</b> `*` tab \t newline <U+000A> return <U+000D> [MissingCell]\n"))
        #expect(text.hasSuffix("r<U+202E>l.txt:3:4: warning: a<U+202E>b<U+0085>c<U+061C>d [DescriptionMismatch]\n"))
    }
}
