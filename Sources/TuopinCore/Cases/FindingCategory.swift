/// What kind of problem a finding is (问题类别): the headings under which the 2020 assessments and
/// inspection tours reported their findings. The list is the ledger's own, not a national code table.
public enum FindingCategory: String, CodeListValue, Codable {
    /// 识别不精准: wrongly enrolled or missed households (错评、漏评).
    case identification
    /// 退出不精准: exits that were not solid (错退), "paper" exits.
    case exit
    /// 帮扶不精准: measures not delivered or not fitting the household.
    case assistance
    /// 政策落实不到位: 两不愁三保障 and the social-security policies not carried out.
    case policy
    /// 资金使用管理: assistance funds misused, idle or late.
    case funds
    /// 数据信息不准确: the registry disagrees with the household or the handbook (账实不符).
    case data
    /// 工作作风: formalism, bureaucratism, false figures.
    case workStyle
    case other

    public var label: Label {
        switch self {
        case .identification: Label("识别不精准", "identification")
        case .exit: Label("退出不精准", "exit")
        case .assistance: Label("帮扶不精准", "assistance")
        case .policy: Label("政策落实不到位", "policy not carried out")
        case .funds: Label("资金使用管理", "funds")
        case .data: Label("数据信息不准确", "inaccurate data")
        case .workStyle: Label("工作作风", "work style")
        case .other: Label("其他", "other")
        }
    }
}
