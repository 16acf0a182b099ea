import TuopinCore

/// What an audit entry records. The token is stored; the label is what `audit list` shows.
public enum AuditAction: String, CodeListValue, Codable {
    case signIn
    case signOut
    case signInFailed
    case lockout
    case accessDenied
    case export
    case importRegistry
    case demoLoad
    case policyLineSet
    case policyThresholdSet
    case userAdded
    case userDisabled
    case userEnabled
    case userPasswordSet
    case userRoleSet
    case monitoringLead
    case monitoringStep
    case monitoringSweep
    case measureRecorded
    case measureEnded
    case cadreAssigned
    case workTeamAdded
    case householdYearSet
    case incomeSet
    case householdEdited
    case memberYearSet
    case householdExit
    case householdEnrolled
    case enrolmentApplied
    case enrolmentStep
    case enrolmentRejected
    case householdReturn
    case householdRemove
    case feedImport
    case policyTemplateSet
    case policyHolidaySet
    case memberJoined
    case memberLeft
    case householdClosed
    case specialGroupSet
    case localCodeSet
    case reportedFigureSet
    case specialGroupTagged
    case policyWindowSet
    case reviewDecided
    case policyParameterSet
    case fundingLevelSet
    case householdSplit
    case householdMerged
    case findingRecorded
    case findingStep
    case surveyDrawn
    case surveyAnswered
    case assessmentRecorded
    case petitionReceived
    case petitionStep
    case campaignCreated
    case campaignAssigned
    case visitRecorded
    case differenceDecided

    public var label: Label {
        switch self {
        case .signIn: Label("登录", "signed in")
        case .signOut: Label("退出登录", "signed out")
        case .signInFailed: Label("登录失败", "sign-in failed")
        case .lockout: Label("账号锁定", "account locked")
        case .accessDenied: Label("拒绝访问", "access denied")
        case .export: Label("导出", "export")
        case .importRegistry: Label("导入", "import")
        case .demoLoad: Label("生成演示数据", "demo data loaded")
        case .policyLineSet: Label("设置扶贫标准", "poverty line set")
        case .policyThresholdSet: Label("设置监测标准", "monitoring threshold set")
        case .userAdded: Label("新增用户", "user added")
        case .userDisabled: Label("停用用户", "user disabled")
        case .userEnabled: Label("启用用户", "user enabled")
        case .userPasswordSet: Label("设置密码", "password set")
        case .userRoleSet: Label("设置角色和范围", "role and scope set")
        case .monitoringLead: Label("登记监测线索", "monitoring lead recorded")
        case .monitoringStep: Label("办理监测程序", "monitoring step recorded")
        case .monitoringSweep: Label("集中排查", "monitoring sweep")
        case .measureRecorded: Label("登记帮扶措施", "assistance measure recorded")
        case .measureEnded: Label("帮扶措施结束", "assistance measure ended")
        case .cadreAssigned: Label("结对帮扶责任人", "responsible cadre assigned")
        case .workTeamAdded: Label("派驻工作队", "village work team added")
        case .householdYearSet: Label("登记年度信息", "yearly facts recorded")
        case .incomeSet: Label("登记年度收入", "yearly income recorded")
        case .householdEdited: Label("修改户基本信息", "household's details changed")
        case .memberYearSet: Label("登记成员年度信息", "member's yearly facts recorded")
        case .householdExit: Label("标注脱贫", "household exit")
        case .householdEnrolled: Label("识别纳入（公告）", "household enrolled (announced)")
        case .enrolmentApplied: Label("贫困户识别申请", "enrolment application")
        case .enrolmentStep: Label("贫困户识别程序步骤", "enrolment step")
        case .enrolmentRejected: Label("不予识别", "enrolment refused")
        case .householdReturn: Label("标注返贫", "return to poverty")
        case .householdRemove: Label("错评清退", "removed as ineligible")
        case .feedImport: Label("导入部门比对数据", "department feed imported")
        case .policyTemplateSet: Label("设置流程模板", "workflow template set")
        case .policyHolidaySet: Label("设置节假日", "holiday table set")
        case .memberJoined: Label("成员增加", "member joined")
        case .memberLeft: Label("成员减少", "member left")
        case .householdClosed: Label("自然销户", "household closed")
        case .specialGroupSet: Label("设置特殊群体类别", "special group set")
        case .localCodeSet: Label("设置地方扩展代码", "local code set")
        case .reportedFigureSet: Label("登记公布数据", "reported figure set")
        case .specialGroupTagged: Label("标注特殊群体", "special group tagged")
        case .policyWindowSet: Label("设置动态调整时间", "adjustment window set")
        case .reviewDecided: Label("红线复核结论", "red-line review decided")
        case .policyParameterSet: Label("设置政策参数", "policy parameter set")
        case .fundingLevelSet: Label("调整资金级次归类", "funding level regrouped")
        case .householdSplit: Label("分户", "household split")
        case .householdMerged: Label("合户", "households merged")
        case .findingRecorded: Label("登记问题", "finding recorded")
        case .findingStep: Label("问题整改", "rectification step")
        case .surveyDrawn: Label("抽取认可度调查样本", "approval survey drawn")
        case .surveyAnswered: Label("登记认可度调查结果", "approval survey answer recorded")
        case .assessmentRecorded: Label("登记抽样核查结果", "sample check recorded")
        case .petitionReceived: Label("受理信访舆情", "petition received")
        case .petitionStep: Label("办理信访舆情", "petition step")
        case .campaignCreated: Label("发起走访排查活动", "visit campaign created")
        case .campaignAssigned: Label("调整走访责任人", "campaign household reassigned")
        case .visitRecorded: Label("登记入户走访", "campaign visit recorded")
        case .differenceDecided: Label("核实走访差异", "visit difference decided")
        }
    }
}
