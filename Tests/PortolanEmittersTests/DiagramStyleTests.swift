import PortolanEmitters
import Testing

/// The CSS class a connection's classification cell gives its edge: the three kinds the tables
/// define through the one recogniser, `ClassificationKind(written:)`, whatever their spelling.
@Suite struct DiagramStyleTests {
    @Test(arguments: [
        ("Ingress", "ingress"), ("EGRESS", "egress"), ("Intra-cluster", "intra-cluster"),
        ("intra cluster", "intra-cluster"), ("IntraCluster", "intra-cluster"), ("Intra\u{2011}cluster", "intra-cluster"),
        ("Ingress/Egress", "ingress-egress"), ("Internet <edge>", "internet-edge"), ("  ", "unclassified"),
    ])
    func classificationClass(written: String, expected: String) {
        #expect(DiagramStyle.classificationClass(written) == expected)
    }

    @Test func anEmptyCellIsUnclassified() {
        #expect(DiagramStyle.classificationClass(nil) == "unclassified")
        #expect(DiagramStyle.classificationClass("") == "unclassified")
    }
}
