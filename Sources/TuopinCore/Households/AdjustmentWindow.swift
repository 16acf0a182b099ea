/// The dated phases of a year's dynamic adjustment (动态调整, REFERENCE §3.11), configurable per
/// year: the 2020 schedule of 国开办司发〔2020〕14号 is the seed. A status change made inside
/// the visits or entry phase belongs to the year's adjustment; one made outside is mid-year.
public struct AdjustmentWindow: Hashable, Sendable, Codable {
    public var year: Int
    public var phase: AdjustmentPhase
    public var from: CivilDate
    public var to: CivilDate

    public init(year: Int, phase: AdjustmentPhase, from: CivilDate, to: CivilDate) throws(AdjustmentWindowError) {
        guard from <= to else { throw .endBeforeStart }
        guard from.year == year || to.year == year else { throw .outsideYear(year) }
        self.year = year
        self.phase = phase
        self.from = from
        self.to = to
    }

    public func contains(_ date: CivilDate) -> Bool { from <= date && date <= to }

    /// The reference's 2020 schedule.
    public static var schedule2020: [AdjustmentWindow] {
        let rows: [(AdjustmentPhase, String, String)] = [
            (.training, "2020-09-01", "2020-09-30"), (.visits, "2020-10-01", "2020-10-31"), (.entry, "2020-11-01", "2020-11-20"),
            (.townshipCleaning, "2020-11-21", "2020-11-23"), (.countyReview, "2020-11-24", "2020-11-25"), (.feedback, "2020-11-26", "2020-12-31"),
            (.summary, "2020-12-01", "2020-12-31"),
        ]
        // Literal dates in order: they always build.
        return rows.map { try! AdjustmentWindow(year: 2020, phase: $0.0, from: CivilDate($0.1), to: CivilDate($0.2)) }
    }
}

public enum AdjustmentWindowError: Error, Equatable, Sendable {
    case endBeforeStart
    case outsideYear(Int)
}

public enum AdjustmentPhase: String, CodeListValue, Codable {
    case training
    case visits
    case entry
    case townshipCleaning
    case countyReview
    case feedback
    case summary

    public var label: Label {
        switch self {
        case .training: Label("培训", "training")
        case .visits: Label("入户核查、履行程序", "visits and procedures")
        case .entry: Label("数据录入", "data entry")
        case .townshipCleaning: Label("乡镇规则清洗", "township rule-based cleaning")
        case .countyReview: Label("县级审核", "county review")
        case .feedback: Label("上级反馈", "upper-level feedback")
        case .summary: Label("总结", "summary")
        }
    }
}

/// Whether a status change falls in the year's adjustment or is a mid-year change.
public enum AdjustmentTiming {
    /// The adjustment phase (visits or entry) a change on `date` belongs to, or nil (mid-year);
    /// a year without windows has no adjustment, so every change is mid-year.
    public static func phase(of date: CivilDate, windows: [AdjustmentWindow]) -> AdjustmentPhase? {
        windows.first { $0.year == date.year && ($0.phase == .visits || $0.phase == .entry) && $0.contains(date) }?.phase
    }

    /// The change kind a status event of `kind` on `date` records (REFERENCE §3.11).
    public static func changeKind(_ kind: StatusEventKind, on date: CivilDate, windows: [AdjustmentWindow]) -> AnnualChangeKind? {
        let inWindow = phase(of: date, windows: windows) != nil
        switch kind {
        case .naturalClosure: return .naturalClosure
        case .removedIneligible: return inWindow ? nil : .midYearRemoval
        case .identified, .returnedToPoverty: return inWindow ? nil : .midYearAddition
        case .exited, .policiesEnded, .corrected: return nil
        }
    }
}
