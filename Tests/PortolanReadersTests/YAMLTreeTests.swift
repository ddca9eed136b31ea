import PortolanModel
import PortolanReaders
import Testing

/// The YAML every reader composes through: duplicate keys named at the second key with the
/// first key's line, the tree still read; quoted scalars stay text.
@Suite struct YAMLTreeTests {
    @Test func duplicateKeyIsAnErrorAtTheSecondKey() {
        let composed = YAMLTree.compose("a: 1\nb: 2\na: 3\n")
        #expect(composed.diagnostics == [Diagnostic(.error, "duplicate key 'a' (first at line 1)", line: 3, column: 1, code: "duplicate-key")])
        // Both entries are kept in file order, so a reader still sees the whole file.
        #expect(composed.root?.mapping?.map { $0.key.string } == ["a", "b", "a"])
        #expect(composed.root?.mapping?.map { $0.value.string } == ["1", "2", "3"])
    }

    @Test func everyDuplicateInEveryMappingIsFound() {
        let yaml = """
            top:
              - name: x
                name: y
                kind: a
                kind: 'b'
              - {k: 1, k: 2, "k": 3}
            top: again
            """
        let found = YAMLTree.compose(yaml).diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.message)" }
        #expect(found == [
            "3:5 duplicate key 'name' (first at line 2)",
            "5:5 duplicate key 'kind' (first at line 4)",
            "6:12 duplicate key 'k' (first at line 6)",
            "6:18 duplicate key 'k' (first at line 6)",
            "7:1 duplicate key 'top' (first at line 1)",
        ])
    }

    @Test func quotedKeysAreTheirText() {
        // A quoted '~' is the text "~"; a plain ~ is null. Both may sit in one mapping.
        let composed = YAMLTree.compose("'~': quoted\n~: plain\n\"null\": text\n")
        #expect(composed.diagnostics.isEmpty)
        let keys = composed.root?.mapping?.map(\.key) ?? []
        #expect(keys.map(\.string) == ["~", "~", "null"])
        #expect(keys.map { $0.null == nil } == [true, false, true])
    }

    @Test func quotedAndPlainSpellingsOfOneTextAreDuplicates() {
        let composed = YAMLTree.compose("name: a\n'name': b\n")
        #expect(composed.diagnostics.map(\.message) == ["duplicate key 'name' (first at line 1)"])
        #expect(composed.diagnostics.first?.line == 2)
    }

    @Test func positionsCountCarriageReturnLineBreaks() {
        let composed = YAMLTree.compose("a: 1\r\nb: 2\r\na: 3\r\n")
        #expect(composed.diagnostics.first?.line == 3)
        #expect(composed.diagnostics.first?.message == "duplicate key 'a' (first at line 1)")
    }

    @Test func controlCharactersInAKeyAreShownAsCodePoints() {
        let composed = YAMLTree.compose("\"a\\e[31m\": 1\n\"a\\e[31m\": 2\n")
        #expect(composed.diagnostics.map(\.message) == ["duplicate key 'a<U+001B>[31m' (first at line 1)"])
    }

    @Test func syntaxErrorsKeepTheirPosition() {
        let composed = YAMLTree.compose("a: [1, 2\n", syntaxPrefix: "not valid YAML: ")
        #expect(composed.root == nil)
        #expect(composed.diagnostics.count == 1)
        #expect(composed.diagnostics.first?.message.hasPrefix("not valid YAML: ") == true)
        #expect(composed.diagnostics.first?.line == 2)
    }

    @Test func duplicateCollectionKeysAreReportedWithoutLooping() {
        // A key that cannot be located for swapping still gives one error with the first line.
        let composed = YAMLTree.compose("? [a]\n: 1\n? [a]\n: 2\n")
        #expect(composed.diagnostics.count == 1)
        #expect(composed.diagnostics.first?.line == 1)
        #expect(composed.diagnostics.first?.message.hasPrefix("duplicate key") == true)
    }

    @Test func manyDuplicatesStopAtTheLimit() {
        let yaml = (0..<200).map { _ in "k: v\n" }.joined()
        let composed = YAMLTree.compose(yaml)
        // The tree cannot be composed, so the one error says where the first key is.
        #expect(composed.root == nil)
        #expect(composed.diagnostics == [Diagnostic(.error, "duplicate key 'k' (first at line 1); later duplicates not located",
                                                    line: 1, column: 1, code: "duplicate-key")])
    }
}
