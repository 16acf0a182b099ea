import Testing

@testable import TuopinCore

@Suite("Small-cell suppression (REFERENCE §4.4)")
struct SmallCellSuppressionTests {
    typealias P = SmallCellSuppression.Position

    @Test func smallCountsAreHiddenAndZerosShown() {
        let hidden = SmallCellSuppression.suppressed([[0, 3, 12]], k: 5, relations: [])
        #expect(hidden == [P(0, 1)])
    }

    /// Three villages adding up to a published township: one hidden village would be the
    /// township minus the others, so the next smallest is hidden too.
    @Test func aLoneHiddenCellInARelationTakesTheNextSmallest() {
        let values: [[Int64]] = [[40], [2], [17], [9]]
        let hidden = SmallCellSuppression.suppressed(values, k: 5, relations: SmallCellSuppression.columns(rows: 4, columns: 1))
        #expect(hidden == [P(1, 0), P(3, 0)])
    }

    /// The complementary cell opens another relation (its row): that one needs a second cell too.
    @Test func complementaryCellsCascadeUntilNoRelationHasOneHiddenCell() {
        // Rows: enrolled, exited, not exited (exited + not exited = enrolled); columns: two villages of a township.
        let values: [[Int64]] = [[30, 8], [27, 6], [3, 2]]
        let columns = (0..<2).map { j in (0..<3).map { P($0, j) } }
        let rows = (0..<3).map { i in (0..<2).map { P(i, $0) } }
        let hidden = SmallCellSuppression.suppressed(values, k: 5, relations: columns + rows)
        for relation in columns + rows {
            #expect(relation.filter(hidden.contains).count != 1, "\(relation)")
        }
        #expect(hidden.isSuperset(of: [P(2, 0), P(2, 1)]))
        #expect(SmallCellSuppression.suppressed(values, k: 1, relations: columns).isEmpty, "k = 1 hides nothing")
    }
}
