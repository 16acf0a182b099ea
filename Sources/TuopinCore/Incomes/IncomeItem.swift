/// The components of a household's annual income and expenses (REFERENCE §2.3).
///
/// Components are stored; totals are derived, and reported totals are kept apart.
public enum IncomeItem: String, CodeListValue, Codable {
    // 工资性收入
    case migrantWages, publicWelfareJobIncome, otherWage
    // 生产经营性收入
    case crops, livestock, forestryFruit, otherBusiness
    // 财产性收入
    case assetIncomeDividend, landTransferRent, otherProperty
    // 转移性收入
    case familyPlanningBenefit, dibaoBenefit, tekunBenefit, pensionBenefit, ecologicalCompensation, otherTransfer
    // Expenses and 2021+ items
    case productionExpense, insurancePayout, eligibleOutOfPocket

    /// The item's position in `allCases` (declaration order).
    public var index: Int {
        switch self {
        case .migrantWages: 0
        case .publicWelfareJobIncome: 1
        case .otherWage: 2
        case .crops: 3
        case .livestock: 4
        case .forestryFruit: 5
        case .otherBusiness: 6
        case .assetIncomeDividend: 7
        case .landTransferRent: 8
        case .otherProperty: 9
        case .familyPlanningBenefit: 10
        case .dibaoBenefit: 11
        case .tekunBenefit: 12
        case .pensionBenefit: 13
        case .ecologicalCompensation: 14
        case .otherTransfer: 15
        case .productionExpense: 16
        case .insurancePayout: 17
        case .eligibleOutOfPocket: 18
        }
    }

    public var group: IncomeGroup {
        switch self {
        case .migrantWages, .publicWelfareJobIncome, .otherWage: .wage
        case .crops, .livestock, .forestryFruit, .otherBusiness: .business
        case .assetIncomeDividend, .landTransferRent, .otherProperty: .property
        case .familyPlanningBenefit, .dibaoBenefit, .tekunBenefit, .pensionBenefit, .ecologicalCompensation, .otherTransfer: .transfer
        case .productionExpense: .productionExpense
        case .insurancePayout, .eligibleOutOfPocket: .memo
        }
    }

    public var label: Label {
        switch self {
        case .migrantWages: Label("务工收入", "migrant wages")
        case .publicWelfareJobIncome: Label("公益岗位收入", "public-welfare job income")
        case .otherWage: Label("其他工资性收入", "other wages")
        case .crops: Label("种植业收入", "crops")
        case .livestock: Label("养殖业收入", "livestock")
        case .forestryFruit: Label("林果业收入", "forestry and fruit")
        case .otherBusiness: Label("其他生产经营性收入", "other business income")
        case .assetIncomeDividend: Label("资产收益分红", "asset-income dividend")
        case .landTransferRent: Label("土地流转收入", "land transfer rent")
        case .otherProperty: Label("其他财产性收入", "other property income")
        case .familyPlanningBenefit: Label("计划生育金", "family-planning benefit")
        case .dibaoBenefit: Label("低保金", "低保 benefit")
        case .tekunBenefit: Label("特困供养金", "特困 benefit")
        case .pensionBenefit: Label("养老保险金", "pension")
        case .ecologicalCompensation: Label("生态补偿金", "ecological compensation")
        case .otherTransfer: Label("其他转移性收入", "other transfers")
        case .productionExpense: Label("生产经营性支出", "production expense")
        case .insurancePayout: Label("理赔收入", "insurance payout")
        case .eligibleOutOfPocket: Label("合规自付支出", "eligible out-of-pocket spending")
        }
    }
}

/// 工资性 · 生产经营性 · 财产性 · 转移性 income, the production expense, and memo items that
/// do not enter net income (how they enter the monitoring test is unconfirmed).
public enum IncomeGroup: String, CodeListValue, Codable {
    case wage, business, property, transfer, productionExpense, memo

    public var label: Label {
        switch self {
        case .wage: Label("工资性收入", "wage income")
        case .business: Label("生产经营性收入", "business income")
        case .property: Label("财产性收入", "property income")
        case .transfer: Label("转移性收入", "transfer income")
        case .productionExpense: Label("生产经营性支出", "production expense")
        case .memo: Label("备注项", "memo items")
        }
    }
}
