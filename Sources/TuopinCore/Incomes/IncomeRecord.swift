/// A household's income for one calendar year, by component, with the derived totals.
///
/// ```
/// netIncome          = wage + business + property + transfer − productionExpense
/// perCapitaNetIncome = netIncome / householdSize        // 人均纯收入, rounded to the fen
/// ```
///
/// ```swift
/// var r = IncomeRecord(household: number, year: 2020, householdSize: 3)
/// r[.migrantWages] = .yuan(12_000); r[.crops] = .yuan(1_500); r[.productionExpense] = .yuan(300)
/// r.netIncome.yuanText           // "13200.00"
/// r.perCapitaNetIncome?.yuanText // "4400.00"
/// ```
public struct IncomeRecord: Hashable, Sendable {
    public var household: HouseholdNumber
    public var year: Int
    /// People sharing income and spending in that year; the divisor of per-capita income.
    public var householdSize: Int
    /// Fen per component, in `IncomeItem.allCases` order (a fixed array: loads of a province's
    /// rows are hot, and a dictionary keyed by item would hash on every access).
    private var fen: [Int64]

    public init(household: HouseholdNumber, year: Int, householdSize: Int, amounts: [IncomeItem: Money] = [:]) {
        self.household = household
        self.year = year
        self.householdSize = householdSize
        fen = Array(repeating: 0, count: IncomeItem.allCases.count)
        for (item, amount) in amounts { fen[item.index] = amount.fen }
    }

    /// A component's amount; absent components are zero.
    public subscript(item: IncomeItem) -> Money {
        get { Money(fen: fen[item.index]) }
        set { fen[item.index] = newValue.fen }
    }

    /// The non-zero components.
    public var amounts: [IncomeItem: Money] {
        var result: [IncomeItem: Money] = [:]
        for item in IncomeItem.allCases where fen[item.index] != 0 { result[item] = Money(fen: fen[item.index]) }
        return result
    }

    public func total(_ group: IncomeGroup) -> Money {
        var sum: Int64 = 0
        for item in IncomeItem.allCases where item.group == group { sum += fen[item.index] }
        return Money(fen: sum)
    }

    public var grossIncome: Money { total(.wage) + total(.business) + total(.property) + total(.transfer) }

    public var netIncome: Money { grossIncome - total(.productionExpense) }

    /// Net income per person; nil when the household size is not positive.
    public var perCapitaNetIncome: Money? { householdSize > 0 ? netIncome / householdSize : nil }

    /// Components that are negative (DQ-009: no negative income or expense component).
    public var negativeItems: [IncomeItem] { IncomeItem.allCases.filter { self[$0] < .zero } }
}
