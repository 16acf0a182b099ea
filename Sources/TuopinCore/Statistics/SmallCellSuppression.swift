/// Small-cell suppression for published tables (REFERENCE §4.4): a count from 1 to k − 1 is
/// shown as "<k" (primary suppression; 0 is shown, it reveals nobody), and wherever a
/// suppressed cell could be worked out from its neighbours (children that add up to a published
/// parent, exited + not exited = enrolled), one more cell of that relation is suppressed too
/// (complementary suppression, shown as "x": it is not small), the smallest, until no relation
/// has exactly one hidden cell.
/// The minimum size k is configurable: there is no official value.
public enum SmallCellSuppression {
    /// A table cell by row and column.
    public struct Position: Hashable, Sendable {
        public let row: Int
        public let column: Int

        public init(_ row: Int, _ column: Int) {
            self.row = row
            self.column = column
        }
    }

    /// The cells to hide in `values` (rows × columns) at minimum size `k`. `relations` are the
    /// groups of cells whose sum is published or derivable (each column of children, each
    /// row's parts with their whole).
    public static func suppressed(_ values: [[Int64]], k: Int64, relations: [[Position]]) -> Set<Position> {
        let (primary, complementary) = suppression(values, k: k, relations: relations)
        return primary.union(complementary)
    }

    /// The cells hidden because they are small, and those hidden so that the small ones cannot
    /// be worked out.
    public static func suppression(_ values: [[Int64]], k: Int64, relations: [[Position]]) -> (primary: Set<Position>, complementary: Set<Position>) {
        guard k > 1 else { return ([], []) }
        var hidden: Set<Position> = []
        for (i, row) in values.enumerated() {
            for (j, v) in row.enumerated() where v > 0 && v < k { hidden.insert(Position(i, j)) }
        }
        let primary = hidden
        var changed = true
        while changed {
            changed = false
            for relation in relations where relation.filter(hidden.contains).count == 1 {
                // The smallest other cell, zeros last (hiding a zero protects nobody).
                let candidates = relation.filter { !hidden.contains($0) }
                let pick = candidates.min { a, b in
                    let (x, y) = (values[a.row][a.column], values[b.row][b.column])
                    return (x == 0 ? Int64.max : x, a.row, a.column) < (y == 0 ? Int64.max : y, b.row, b.column)
                }
                if let pick {
                    hidden.insert(pick)
                    changed = true
                }
            }
        }
        return (primary, hidden.subtracting(primary))
    }

    /// The relations of a table whose rows are children of a published parent: every column.
    public static func columns(rows: Int, columns: Int) -> [[Position]] {
        (0..<columns).map { j in (0..<rows).map { Position($0, j) } }
    }
}
