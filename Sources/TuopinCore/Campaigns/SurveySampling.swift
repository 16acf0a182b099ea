/// Draws an approval survey's sample: in each stratum, `perStratum` households at random without
/// replacement (all of them where fewer), from a generator seeded with the survey's seed and the
/// stratum's code. The candidates are sorted first, so the draw depends only on the seed and on
/// which households there are, never on the order they were read in: the sample can be drawn
/// again from the record and checked.
public enum SurveySampling {
    /// The sample, stratum by stratum in code order, each in draw order.
    public static func draw(_ candidates: [AdminCode: [HouseholdNumber]], perStratum: Int, seed: UInt64) -> [SurveySample] {
        var samples: [SurveySample] = []
        for stratum in candidates.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            var pool = candidates[stratum]!.sorted()
            var rng = SeededRandom(seed: seed ^ fnv1a(stratum.rawValue))
            let n = min(max(perStratum, 0), pool.count)
            // A partial Fisher–Yates shuffle: the first n places are the draw.
            for i in 0..<n {
                let j = i + Int(rng.below(UInt64(pool.count - i)))
                pool.swapAt(i, j)
                samples.append(SurveySample(household: pool[i], stratum: stratum, order: i + 1))
            }
        }
        return samples
    }

    /// FNV-1a over the code's bytes: a stable hash (Swift's `Hasher` is seeded per process).
    static func fnv1a(_ text: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in text.utf8 {
            h ^= UInt64(b)
            h &*= 0x100_0000_01B3
        }
        return h
    }
}

/// Approval by area: households surveyed (answered and reached), approving, and the rate.
public struct ApprovalTally: Hashable, Sendable {
    public var sampled = 0
    public var surveyed = 0
    public var approving = 0
    public var notReached = 0

    public init() {}

    public init(_ samples: [SurveySample]) {
        for s in samples { add(s) }
    }

    public mutating func add(_ s: SurveySample) {
        sampled += 1
        guard let answer = s.answer else { return }
        if answer.surveyed { surveyed += 1 } else { notReached += 1 }
        if answer.approves { approving += 1 }
    }

    /// Still to be asked.
    public var pending: Int { sampled - surveyed - notReached }

    /// Approval in percent to two places; nil before anyone was surveyed.
    public var percent: FixedDecimal? { surveyed == 0 ? nil : Ratio(approving, surveyed).percent(places: 2) }
}
