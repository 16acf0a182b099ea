/// A sweep (集中排查, REFERENCE §3.7): every household of an area evaluated against a year's
/// monitoring threshold and the sudden-hardship test; those that fall in a category and have
/// no open case become risk leads carrying the category decision's reasons. Pure: the store
/// gathers the facts in a few set-based queries, the service opens the cases.
public enum MonitoringSweep {
    /// What the sweep reads about one household in the swept year.
    public struct Facts: Hashable, Sendable {
        public var household: HouseholdNumber
        public var village: AdminCode
        /// Its status at the end of the year; nil if it had none (not on the roll then).
        public var status: PovertyStatus?
        public var householdSize: Int
        public var netIncome: Money
        public var previousPerCapitaNetIncome: Money?
        /// Eligible out-of-pocket costs of the year (合规自付支出), the rigid spending it reads.
        public var rigidSpending: Money
        public var mainCause: PovertyCause

        public init(
            household: HouseholdNumber, village: AdminCode, status: PovertyStatus?, householdSize: Int, netIncome: Money,
            previousPerCapitaNetIncome: Money?, rigidSpending: Money, mainCause: PovertyCause
        ) {
            self.household = household
            self.village = village
            self.status = status
            self.householdSize = householdSize
            self.netIncome = netIncome
            self.previousPerCapitaNetIncome = previousPerCapitaNetIncome
            self.rigidSpending = rigidSpending
            self.mainCause = mainCause
        }

        public var perCapitaNetIncome: Money { netIncome / max(1, householdSize) }

        /// 户类型: exited households are 脱贫户; a household removed or never poor is an ordinary one.
        /// Households still poor (未脱贫, 返贫, 预脱贫) are followed as poor households, not swept.
        public var householdType: HouseholdType? {
            switch status {
            case .exitedWithPolicies, .exitedWithoutPolicies: .exitedHousehold
            case .removedIneligible, nil: .ordinaryHousehold
            case .notExited, .returnedToPoverty, .plannedExit, .naturalClosure: nil
            }
        }
    }

    /// A household the sweep proposes for identification.
    public struct Lead: Hashable, Sendable {
        public var household: HouseholdNumber
        public var village: AdminCode
        public var category: MonitoringCategory
        public var risk: RiskType
        public var decision: Decision
    }

    /// Why a household was not proposed.
    public enum Skip: String, Hashable, Sendable, CaseIterable {
        /// It already has an open case, or the sweep of this year already opened one.
        case alreadyCase
        /// Still a poor household (未脱贫 or 返贫) or closed: not a monitoring matter.
        case notSwept
        /// In no category: income above the threshold and no hardship.
        case noRisk
    }

    public struct Result: Sendable {
        public var leads: [Lead] = []
        public var skipped: [Skip: Int] = [:]
        public var evaluated = 0
    }

    public static func run(
        _ facts: [Facts], threshold: MonitoringThreshold, criteria: HardshipCriteria = .reference, skipping: Set<HouseholdNumber>
    ) -> Result {
        var result = Result()
        for f in facts {
            result.evaluated += 1
            if skipping.contains(f.household) {
                result.skipped[.alreadyCase, default: 0] += 1
                continue
            }
            guard let type = f.householdType else {
                result.skipped[.notSwept, default: 0] += 1
                continue
            }
            let categoryFacts = CategoryFacts(
                householdType: type, householdSize: f.householdSize, perCapitaNetIncome: f.perCapitaNetIncome,
                previousPerCapitaNetIncome: f.previousPerCapitaNetIncome, rigidSpending: f.rigidSpending, riskCount: 1)
            let (category, decision) = MonitoringCategoryRules.decide(categoryFacts, threshold: threshold, criteria: criteria)
            guard let category else {
                result.skipped[.noRisk, default: 0] += 1
                continue
            }
            result.leads.append(
                Lead(household: f.household, village: f.village, category: category, risk: risk(for: f.mainCause), decision: decision))
        }
        return result
    }

    /// The risk a sweep lead carries: the household's main cause where a risk type matches it.
    public static func risk(for cause: PovertyCause) -> RiskType {
        switch cause {
        case .illness: .illness
        case .disability: .disability
        case .schooling: .schooling
        case .disaster: .disaster
        case .lackOfLabour: .lackOfLabour
        case .lackOfWater: .drinkingWater
        default: .other
        }
    }
}
