/// One step of an identification, elimination or enrolment procedure (REFERENCE §3.8, §3.10).
public enum WorkflowStep: String, CodeListValue, Codable {
    /// 申请: the household applies (the 2014 enrolment began here).
    case application
    /// 入户核实: a home visit, with the household's signed authorisation to check its data.
    case homeVerification
    /// 信息比对: department data matched against the household (REFERENCE §3.12).
    case dataMatching
    /// 村级评议 (民主评议).
    case villageAppraisal
    /// 村民代表评议: Hunan's representatives' appraisal, with at least 2/3 attending.
    case representativesAppraisal
    /// 公示: a notice in the village, for at least the template's notice days.
    case publicNotice
    /// 乡镇审核.
    case townshipReview
    /// 县级比对: Hunan's county check of vehicles, commercial housing and state-paid members.
    case countyDataCheck
    /// 县级审定 (审批).
    case countyApproval
    /// 公告.
    case announcement
    /// 录入系统.
    case systemEntry

    public var label: Label {
        switch self {
        case .application: Label("申请", "application")
        case .homeVerification: Label("入户核实", "home verification")
        case .dataMatching: Label("信息比对", "data matching")
        case .villageAppraisal: Label("村级评议", "village appraisal")
        case .representativesAppraisal: Label("村民代表评议", "representatives' appraisal")
        case .publicNotice: Label("公示", "public notice")
        case .townshipReview: Label("乡镇审核", "township review")
        case .countyDataCheck: Label("县级比对", "county data check")
        case .countyApproval: Label("县级审定", "county approval")
        case .announcement: Label("公告", "announcement")
        case .systemEntry: Label("录入系统", "system entry")
        }
    }
}

/// Who records a step: the village, the township (乡镇审核) or the county (县级审定). The
/// service maps the level to the access action a user needs.
public enum ApprovalLevel: String, CodeListValue, Codable {
    case village
    case township
    case county

    public var label: Label {
        switch self {
        case .village: Label("村级", "village")
        case .township: Label("乡镇", "township")
        case .county: Label("县级", "county")
        }
    }

    /// The action a user needs to record a step at this level.
    public var action: AccessAction {
        switch self {
        case .village: .editRegistry
        case .township: .reviewAtTownship
        case .county: .approveAtCounty
        }
    }
}
