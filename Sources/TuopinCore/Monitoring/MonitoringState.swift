/// Where a monitoring case stands (REFERENCE §3.10). The procedure states carry the index of
/// the current stage in the case's template (a template may hold a step twice).
public enum MonitoringState: Hashable, Sendable {
    case identifying(stage: Int)
    case monitoring
    case eliminating(stage: Int)
    case riskEliminated(EliminationMethod)
    case notIdentified
    case naturallyRemoved(NaturalReductionReason)

    /// The stored token: `identifying`, `monitoring`, …
    public var token: String {
        switch self {
        case .identifying: "identifying"
        case .monitoring: "monitoring"
        case .eliminating: "eliminating"
        case .riskEliminated: "riskEliminated"
        case .notIdentified: "notIdentified"
        case .naturallyRemoved: "naturallyRemoved"
        }
    }

    /// Every state's token, in the order of the procedure.
    public static let tokens = ["identifying", "monitoring", "eliminating", "riskEliminated", "notIdentified", "naturallyRemoved"]

    /// The stage index of a procedure state, else nil.
    public var stage: Int? {
        switch self {
        case .identifying(let s), .eliminating(let s): s
        default: nil
        }
    }

    /// The outcome's token of an ended state (the elimination method or removal reason).
    public var outcome: String? {
        switch self {
        case .riskEliminated(let m): m.token
        case .naturallyRemoved(let r): r.token
        default: nil
        }
    }

    /// Rebuilds a state from its stored parts; nil if they do not fit together.
    public init?(token: String, stage: Int?, outcome: String?) {
        switch token {
        case "identifying":
            guard let stage, stage >= 0 else { return nil }
            self = .identifying(stage: stage)
        case "monitoring": self = .monitoring
        case "eliminating":
            guard let stage, stage >= 0 else { return nil }
            self = .eliminating(stage: stage)
        case "riskEliminated":
            guard let m = outcome.flatMap(EliminationMethod.init(token:)) else { return nil }
            self = .riskEliminated(m)
        case "notIdentified": self = .notIdentified
        case "naturallyRemoved":
            guard let r = outcome.flatMap(NaturalReductionReason.init(token:)) else { return nil }
            self = .naturallyRemoved(r)
        default: return nil
        }
    }

    /// Whether the case has ended (nothing more happens to it except follow-up visits).
    public var isClosed: Bool {
        switch self {
        case .riskEliminated, .notIdentified, .naturallyRemoved: true
        case .identifying, .monitoring, .eliminating: false
        }
    }

    /// Whether the household counts as a monitored one (identified, risk not yet eliminated).
    public var isMonitored: Bool {
        switch self {
        case .monitoring, .eliminating: true
        default: false
        }
    }

    public var label: Label {
        switch self {
        case .identifying: Label("识别中", "being identified")
        case .monitoring: Label("监测帮扶中", "monitored")
        case .eliminating: Label("风险消除中", "risk being eliminated")
        case .riskEliminated(let m): Label("已消除风险（\(m.label.zh)）", "risk eliminated (\(m.label.en))")
        case .notIdentified: Label("未纳入监测", "not identified")
        case .naturallyRemoved(let r): Label("自然减少（\(r.label.zh)）", "removed (\(r.label.en))")
        }
    }
}
