/// A department's data feed (部门筛查预警数据, REFERENCE §3.7, §3.12) and what it opens: a risk lead
/// for monitoring, or a red-line review item. A feed never removes anyone by itself.
public enum FeedKind: String, CodeListValue, Codable {
    /// 医保: large out-of-pocket medical bills → an illness risk lead.
    case medicalBills
    /// 应急管理: disaster losses → a disaster risk lead.
    case disasters
    /// 公安/民政: deaths → RL-09 (a dead person still on the roll).
    case deaths
    /// 民政: the 低保 roll → a lead for a household not yet monitored.
    case dibaoRoll
    /// 民政: the 特困 roll → a lead for a household not yet monitored.
    case tekunRoll
    /// 公安: vehicles → RL-03 (bought for ≥ 30,000 yuan).
    case vehicles
    /// 不动产: homes, shops or premises in a town → RL-04.
    case property
    /// 市场监管: operating registered companies → RL-05.
    case businesses
    /// 财政/社保: state payroll → RL-01.
    case statePayroll
    /// 组织部门: current village 两委 cadres → RL-02.
    case villageCadres

    public var label: Label {
        switch self {
        case .medicalBills: Label("医保大额自付", "large medical bills")
        case .disasters: Label("灾害损失", "disaster losses")
        case .deaths: Label("死亡人员", "deaths")
        case .dibaoRoll: Label("低保名单", "低保 roll")
        case .tekunRoll: Label("特困名单", "特困 roll")
        case .vehicles: Label("车辆", "vehicles")
        case .property: Label("不动产", "property")
        case .businesses: Label("工商注册", "business registrations")
        case .statePayroll: Label("财政供养人员", "state payroll")
        case .villageCadres: Label("村两委干部", "village cadres")
        }
    }
}

/// The exclusion red lines of REFERENCE §3.12.
public enum RedLine: String, CodeListValue, Codable {
    case rl01 = "RL-01"
    case rl02 = "RL-02"
    case rl03 = "RL-03"
    case rl04 = "RL-04"
    case rl05 = "RL-05"
    case rl06 = "RL-06"
    case rl07 = "RL-07"
    case rl08 = "RL-08"
    case rl09 = "RL-09"
    case rl10 = "RL-10"
    case rl11 = "RL-11"

    public var label: Label {
        switch self {
        case .rl01: Label("财政供养人员", "state employee in the family")
        case .rl02: Label("现任村两委干部", "current village cadre")
        case .rl03: Label("购买 3 万元以上车辆", "vehicle of 30,000 yuan or more")
        case .rl04: Label("城镇购房、商铺或厂房", "home, shop or premises in a town")
        case .rl05: Label("经营注册公司", "operating a registered company")
        case .rl06: Label("规模经营或雇工", "large farming or employing others")
        case .rl07: Label("为享受政策分户或并户", "household split or merged for support")
        case .rl08: Label("空挂户", "nobody lives there")
        case .rl09: Label("死亡、服刑、失踪或不共同生活人员", "dead, imprisoned, missing or not living together")
        case .rl10: Label("优亲厚友或弄虚作假", "favouritism or false information")
        case .rl11: Label("地方规定的其他情形", "regional rule")
        }
    }
}
