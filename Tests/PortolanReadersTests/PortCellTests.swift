@testable import PortolanReaders
import PortolanModel
import Testing

@Suite struct PortCellTests {
    @Test func listsRangesAndMarks() {
        #expect(PortCell.parse("20, 21, 22").spec.ranges == [PortRange(20), PortRange(21), PortRange(22)])
        #expect(PortCell.parse("3004-3008").spec.ranges == [PortRange(3004, 3008)])
        let configurable = PortCell.parse("9092/9093*").spec
        #expect(configurable.ranges == [PortRange(9092), PortRange(9093)])
        #expect(configurable.configurable)
        #expect(configurable.text == "9092/9093*")
        #expect(PortCell.parse("20000-45000/14000-15999").spec.ranges == [PortRange(20000, 45000), PortRange(14000, 15999)])
    }

    @Test func wordsGiveNoRanges() {
        for text in ["N/A", "Not known (configured as trunk DN level in customer CME)", "Any"] {
            let parsed = PortCell.parse(text)
            #expect(parsed.spec.ranges.isEmpty)
            #expect(parsed.spec.text == text)
            #expect(parsed.problems.isEmpty)
        }
    }

    @Test func impossiblePortsAreReported() {
        #expect(PortCell.parse("70000").problems == ["port '70000' is outside 1-65535"])
        #expect(PortCell.parse("5000-4000").problems == ["port range '5000-4000' runs backwards"])
        #expect(PortCell.parse("0").spec.ranges.isEmpty)
        #expect(PortCell.parse("").spec == .absent)
    }

    @Test func wrappedPortWords() {
        #expect(PortCell.isPortWord("8888,"))
        #expect(PortCell.isPortWord("6379*"))
        #expect(PortCell.isPortWord("20000-45000/"))
        #expect(PortCell.continues("20000-45000/"))
        #expect(!PortCell.isPortWord("6.x"))
        #expect(!PortCell.isPortWord("Redis"))
    }
}
