@testable import PortolanReaders
import Testing

/// The word tests the wrapped layouts ask of every word: ASCII words are checked byte by byte,
/// any other word by the general path; both must give the same answers.
@Suite struct WordTestTests {
    @Test func portWords() {
        for word in ["8888", "8888,", "6379*", "9092/9093*", "20000-45000/", "0", "65535", "0065535", "n/a", "N/A", "80–90"] {
            #expect(PortCell.isPortWord(word), "\(word)")
        }
        for word in ["65536", "99999999999999999999", "", ",80", "*", "80a", "TCP", "N/A/", "8 0", "80–9x", "٣"] {
            #expect(!PortCell.isPortWord(word), "\(word)")
        }
    }

    @Test func classifications() {
        for word in ["Ingress", "egress", "Intra-cluster", "Inter-cluster", "Ingress/Egress", "Ingress//Egress", "Egress/", "Intra‑cluster"] {
            #expect(Anchor.isClassification(word), "\(word)")
        }
        // A part with no letters names no classification; other words starting with I or E neither.
        for word in ["Egress/1", "Exchange", "Ingress/Kafka", "E", "I/", "Internal", "egress2x"] {
            #expect(!Anchor.isClassification(word), "\(word)")
        }
        // Digits and hyphens are not letters: "Egress2" is the key "egress".
        #expect(Anchor.isClassification("Egress2"))
    }

    @Test func protocols() {
        for word in ["TCP", "SIP/TCP", "HTTP(S)", "https", "RTP/RTCP", "Redis"] {
            #expect(Vocabulary.isProtocol(word), "\(word)")
        }
        for word in ["SIP/", "TCP2", "Tenant", "/TCP", "(TLS)", "8080", "TCP-UDP", "Ünicode"] {
            #expect(!Vocabulary.isProtocol(word), "\(word)")
        }
    }

    @Test func wordsOfALine() {
        #expect(Text.words("  Tenant\tService \u{00A0}8888,  Ingress ") == ["Tenant", "Service", "8888,", "Ingress"])
        #expect(Text.words("Café\u{00A0}Señor") == ["Café", "Señor"])
        #expect(Text.words("") == [])
        #expect(Text.words(Substring("a b").dropFirst()) == ["b"])
    }
}
