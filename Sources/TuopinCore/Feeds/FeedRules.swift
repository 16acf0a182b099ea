/// What one matched feed row means (REFERENCE §3.7, §3.12), as an explained decision:
/// - a lead (`medicalBills` at or above the large-bill amount, `disasters`, `dibaoRoll`,
///   `tekunRoll`) with its risk type;
/// - a red-line hit for review (RL-01 payroll, RL-02 village cadre, RL-03 vehicle at or above
///   30,000 yuan, RL-04 property, RL-05 business, RL-09 death);
/// - an exception, worded: a job, post or car acquired after enrolment, or a car bought as an exit
///   measure (RL-01–RL-03), which "exits normally";
/// - nothing (a small bill, a cheap car).
public enum FeedRules {
    public static let largeBill = RuleID("feed.largeBill")
    public static let vehiclePrice = RuleID("feed.vehiclePrice")
    public static let beforeEnrolment = RuleID("feed.beforeEnrolment")
    public static let exitMeasure = RuleID("feed.exitMeasure")

    /// The amounts the rules compare with; the large-bill amount is unconfirmed — configurable.
    public struct Amounts: Hashable, Sendable, Codable {
        public var largeMedicalBill: Money
        public var vehicle: Money

        public init(largeMedicalBill: Money, vehicle: Money) {
            self.largeMedicalBill = largeMedicalBill
            self.vehicle = vehicle
        }

        public static let reference = Amounts(largeMedicalBill: .yuan(10_000), vehicle: .yuan(30_000))
    }

    public enum Outcome: Hashable, Sendable {
        case lead(RiskType, Decision)
        case redLine(RedLine, Decision)
        case exception(RedLine, Decision)
        case nothing(Decision)
    }

    /// One row of a feed about a person in an enrolled household (`enrolled`: its first
    /// identification date).
    public static func evaluate(
        _ kind: FeedKind, date: CivilDate, amount: Money?, exitMeasure: Bool, enrolled: CivilDate?, amounts: Amounts = .reference
    ) -> Outcome {
        func acquiredBeforeEnrolment() -> Check {
            Check(
                beforeEnrolment, passed: enrolled.map { date <= $0 } ?? true,
                values: [ReasonValue("date", .date(date)), ReasonValue("enrolled", enrolled.map { .date($0) } ?? .missing)])
        }
        func redLine(_ line: RedLine, _ checks: [Check]) -> Outcome {
            let d = Decision(checks: checks)
            return d.passed ? .redLine(line, d) : .exception(line, d)
        }
        switch kind {
        case .medicalBills:
            let bill = amount ?? .zero
            let check = Check(
                largeBill, passed: bill >= amounts.largeMedicalBill,
                values: [ReasonValue("amount", .money(bill)), ReasonValue("threshold", .money(amounts.largeMedicalBill))])
            return check.passed ? .lead(.illness, Decision(checks: [check])) : .nothing(Decision(checks: [check]))
        case .disasters: return .lead(.disaster, Decision(checks: []))
        case .dibaoRoll, .tekunRoll: return .lead(.lackOfLabour, Decision(checks: []))
        case .deaths: return .redLine(.rl09, Decision(checks: []))
        case .property: return .redLine(.rl04, Decision(checks: []))
        case .businesses: return .redLine(.rl05, Decision(checks: []))
        case .statePayroll: return redLine(.rl01, [acquiredBeforeEnrolment()])
        case .villageCadres: return redLine(.rl02, [acquiredBeforeEnrolment()])
        case .vehicles:
            let price = amount ?? .zero
            let expensive = Check(
                vehiclePrice, passed: price >= amounts.vehicle,
                values: [ReasonValue("amount", .money(price)), ReasonValue("threshold", .money(amounts.vehicle))])
            guard expensive.passed else { return .nothing(Decision(checks: [expensive])) }
            return redLine(.rl03, [expensive, acquiredBeforeEnrolment(), Check(Self.exitMeasure, passed: !exitMeasure)])
        }
    }
}
