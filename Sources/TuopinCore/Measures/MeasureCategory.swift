/// 帮扶措施类别 (2021+). The national table ids are kept as `tableId`; their values are unknown.
public enum MeasureCategory: String, CodeListValue, Codable {
    case industry
    case employment
    case finance
    case publicWelfareJob
    case health
    case compulsoryEducation
    case otherEducation
    case comprehensiveProtection
    case housingSafety
    case waterSafety
    case socialAssistance
    case relocation
    case livingConditions
    case infrastructure

    public var label: Label {
        switch self {
        case .industry: Label("产业帮扶", "industry")
        case .employment: Label("就业帮扶", "employment")
        case .finance: Label("金融帮扶", "finance")
        case .publicWelfareJob: Label("公益岗位帮扶", "public-welfare job")
        case .health: Label("健康帮扶", "health")
        case .compulsoryEducation: Label("义务教育帮扶", "compulsory education")
        case .otherEducation: Label("其他教育帮扶", "other education")
        case .comprehensiveProtection: Label("综合保障", "comprehensive protection")
        case .housingSafety: Label("住房安全帮扶", "housing safety")
        case .waterSafety: Label("饮水安全帮扶", "drinking-water safety")
        case .socialAssistance: Label("社会帮扶", "social assistance")
        case .relocation: Label("搬迁", "relocation")
        case .livingConditions: Label("生产生活条件改善", "living conditions")
        case .infrastructure: Label("基础设施", "infrastructure")
        }
    }
}

extension MeasureCategory {
    /// The national code-table id (`100A39` …) the category's values live in.
    public var tableId: String {
        switch self {
        case .industry: "100A39"
        case .employment: "100A40"
        case .finance: "100A41"
        case .publicWelfareJob: "100A42"
        case .health: "100A45"
        case .compulsoryEducation: "100A46"
        case .otherEducation: "100A47"
        case .comprehensiveProtection: "100A48"
        case .housingSafety: "100A50"
        case .waterSafety: "100A51"
        case .socialAssistance: "100A52"
        case .relocation: "100A53"
        case .livingConditions: "100A54"
        case .infrastructure: "100A55"
        }
    }
}
