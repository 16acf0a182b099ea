/// Splits a whole number into parts proportional to weights, exactly (largest remainder).
enum Apportion {
    static func split(_ total: Int, weights: [Double]) -> [Int] {
        let sum = weights.reduce(0, +)
        guard sum > 0, !weights.isEmpty else { return weights.map { _ in 0 } }
        let raw = weights.map { Double(total) * $0 / sum }
        var parts = raw.map { Int($0.rounded(.down)) }
        let order = raw.indices.sorted { (raw[$0] - Double(parts[$0]), -$0) > (raw[$1] - Double(parts[$1]), -$1) }
        var left = total - parts.reduce(0, +)
        for i in order where left > 0 {
            parts[i] += 1
            left -= 1
        }
        return parts
    }
}
