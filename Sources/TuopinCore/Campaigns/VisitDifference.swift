/// What the registry holds on a household for a visit to compare with: the guarantees recorded
/// as secured in its latest year record, its latest per-capita net income, its house's danger
/// grade and its toilet. Each may be unknown.
public struct RegistrySnapshot: Hashable, Sendable {
    public var secured: Set<BasicGuarantee>?
    public var perCapitaIncome: Money?
    public var dangerGrade: DangerGrade?
    public var sanitaryToilet: Bool?

    public init(secured: Set<BasicGuarantee>? = nil, perCapitaIncome: Money? = nil, dangerGrade: DangerGrade? = nil, sanitaryToilet: Bool? = nil) {
        self.secured = secured
        self.perCapitaIncome = perCapitaIncome
        self.dangerGrade = dangerGrade
        self.sanitaryToilet = sanitaryToilet
    }

    /// The facts in one canonical line: "secured=clothing+food;income=4200.00;danger=b;toilet=1"
    /// ("-" for unknown).
    public var summary: String {
        Self.summary(secured: secured, income: perCapitaIncome, danger: dangerGrade, toilet: sanitaryToilet)
    }

    /// A fingerprint of `summary` (FNV-1a, 16 hex digits): the field form sends back the one it
    /// showed, so a registry change made meanwhile is noticed.
    public var basis: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in summary.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    static func summary(secured: Set<BasicGuarantee>?, income: Money?, danger: DangerGrade?, toilet: Bool?) -> String {
        [
            "secured=" + (secured.map { $0.map(\.token).sorted().joined(separator: "+") } ?? "-"),
            "income=" + (income?.yuanText ?? "-"),
            "danger=" + (danger?.token ?? "-"),
            "toilet=" + (toilet.map { $0 ? "1" : "0" } ?? "-"),
        ].joined(separator: ";")
    }
}

/// What a difference between a visit and the registry is about.
public enum DifferenceKind: String, CodeListValue, Codable {
    /// A guarantee recorded as secured and seen not to be, or the reverse.
    case guarantee
    /// Observed per-capita income off the registry's by more than the tolerance.
    case income
    case dangerGrade
    case sanitaryToilet
    /// The registry changed after the field form was loaded: both versions are kept for review.
    case conflict

    public var label: Label {
        switch self {
        case .guarantee: Label("两不愁三保障及饮水安全", "basic guarantees and water")
        case .income: Label("人均纯收入", "per-capita net income")
        case .dangerGrade: Label("危房等级", "house danger grade")
        case .sanitaryToilet: Label("卫生厕所", "sanitary toilet")
        case .conflict: Label("与登记信息的新变更冲突", "conflict with a newer registry change")
        }
    }
}

/// One difference a visit found: what the registry holds and what the visit saw, as text.
public struct VisitDifference: Hashable, Sendable {
    public var kind: DifferenceKind
    /// The guarantee's token for `.guarantee`; empty otherwise.
    public var subject: String
    public var registry: String
    public var visit: String

    public init(kind: DifferenceKind, subject: String = "", registry: String, visit: String) {
        self.kind = kind
        self.subject = subject
        self.registry = registry
        self.visit = visit
    }

    /// The differences between `visit` and the registry's `snapshot`. An income differs when it
    /// is off by more than `incomeTolerancePercent` of the registry's (any amount when that is
    /// zero). A visit whose basis is not the snapshot's adds a `.conflict` holding both versions.
    /// Facts unknown on either side are not compared.
    public static func compare(_ visit: CampaignVisit, with snapshot: RegistrySnapshot, incomeTolerancePercent: Int) -> [VisitDifference] {
        var out: [VisitDifference] = []
        if let recorded = snapshot.secured {
            for g in BasicGuarantee.allCases where recorded.contains(g) != visit.secured.contains(g) {
                out.append(
                    VisitDifference(kind: .guarantee, subject: g.token, registry: flag(recorded.contains(g)), visit: flag(visit.secured.contains(g))))
            }
        }
        if let r = snapshot.perCapitaIncome, let v = visit.perCapitaIncome {
            let gap = abs(v.fen - r.fen)
            if r.fen == 0 ? gap > 0 : gap * 100 > r.fen * Int64(incomeTolerancePercent) {
                out.append(VisitDifference(kind: .income, registry: r.yuanText, visit: v.yuanText))
            }
        }
        if let r = snapshot.dangerGrade, let v = visit.dangerGrade, r != v {
            out.append(VisitDifference(kind: .dangerGrade, registry: r.token, visit: v.token))
        }
        if let r = snapshot.sanitaryToilet, let v = visit.sanitaryToilet, r != v {
            out.append(VisitDifference(kind: .sanitaryToilet, registry: flag(r), visit: flag(v)))
        }
        if !visit.basis.isEmpty, visit.basis != snapshot.basis {
            let seen = RegistrySnapshot.summary(
                secured: visit.secured, income: visit.perCapitaIncome, danger: visit.dangerGrade, toilet: visit.sanitaryToilet)
            out.append(VisitDifference(kind: .conflict, registry: snapshot.summary, visit: seen))
        }
        return out
    }

    static func flag(_ b: Bool) -> String { b ? "yes" : "no" }
}

/// What the township decided on a difference: the visit is confirmed (the registry is then to be
/// corrected through the household's own forms, which keep its history), or the registry stands.
public enum DifferenceState: String, CodeListValue, Codable {
    case open
    case visitConfirmed
    case registryStands

    public var label: Label {
        switch self {
        case .open: Label("待乡镇核实", "open for township review")
        case .visitConfirmed: Label("走访属实，须更正登记", "visit confirmed: correct the registry")
        case .registryStands: Label("维持登记信息", "registry stands")
        }
    }
}
