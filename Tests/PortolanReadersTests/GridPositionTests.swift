import PortolanReaders
import Testing

/// A grid position is stored in three 32-bit numbers (every grid cell holds one): what it
/// gives back must be what it was given, a page included or absent.
@Suite struct GridPositionTests {
    @Test func lineColumnAndPageComeBackAsGiven() {
        let plain = GridPosition(line: 12, column: 7)
        #expect(plain.line == 12 && plain.column == 7 && plain.page == nil)
        let paged = GridPosition(line: 3, page: 42)
        #expect(paged.line == 3 && paged.column == 1 && paged.page == 42)
        // Page 0 is a page, not its absence.
        #expect(GridPosition(line: 1, page: 0).page == 0)
        #expect(GridPosition(line: 1, page: 0) != GridPosition(line: 1))
    }

    @Test func changingAFieldChangesOnlyThatField() {
        var position = GridPosition(line: 5, column: 2, page: 9)
        position.page = nil
        #expect(position == GridPosition(line: 5, column: 2))
        position.line = 6
        position.page = 1
        #expect(position == GridPosition(line: 6, column: 2, page: 1))
    }

    @Test func orderIsPageThenLineThenColumn() {
        let ordered = [GridPosition(line: 9, column: 9), GridPosition(line: 1, page: 1), GridPosition(line: 2, page: 1),
                       GridPosition(line: 2, column: 3, page: 1), GridPosition(line: 1, page: 2)]
        #expect(ordered.shuffled().sorted() == ordered)
    }

    @Test func numbersBeyondThirtyTwoBitsAreClampedNotWrapped() {
        let far = GridPosition(line: Int(Int32.max) + 10, column: -5)
        #expect(far.line == Int(Int32.max))
        #expect(far.column == -5)
    }

    @Test func aCellTakesThirtyTwoBytes() {
        // The reason for the storage: a 100,000-row grid of seven columns is 12 MiB smaller.
        #expect(MemoryLayout<GridPosition>.size == 12)
        #expect(MemoryLayout<GridCell>.stride == 32)
    }
}
