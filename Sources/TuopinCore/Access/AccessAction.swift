/// What a user asks to do, checked by `AccessPolicy` against their role and scope.
public enum AccessAction: String, CodeListValue, Codable {
    /// See figures and (masked) records of an area.
    case view
    /// See ID numbers, phones, bank accounts and health conditions unmasked.
    case viewPrivate
    /// Export an area's records with private fields masked.
    case export
    /// Export an area's records with private fields in clear.
    case exportUnmasked
    /// Import registry files into an area.
    case importRegistry
    /// Record changes to households, members, incomes and events.
    case editRegistry
    /// Township review (乡镇审核) of identifications, eliminations and exits.
    case reviewAtTownship
    /// County approval (县级审定).
    case approveAtCounty
    /// Change poverty lines, monitoring thresholds and code tables.
    case editPolicy
    /// Add, disable, enable users and change their roles, scopes and passwords.
    case manageUsers
    /// Read the audit log.
    case viewAudit
    /// Record a finding of an inspection, assessment, audit or petition (问题登记).
    case recordFinding
    /// Report work on a finding and its rectification (整改).
    case rectifyFinding
    /// Verify a rectification and close the finding (验收销号), or send it back.
    case verifyFinding
    /// Draw a public approval survey's sample and record its answers (群众认可度调查).
    case conductSurvey
    /// Start a visit campaign (回头看, 入户调查全覆盖, 集中排查) and assign its households.
    case runCampaign

    public var label: Label {
        switch self {
        case .view: Label("查看", "view")
        case .viewPrivate: Label("查看未脱敏信息", "view unmasked private data of")
        case .export: Label("导出", "export")
        case .exportUnmasked: Label("导出未脱敏数据", "export unmasked data of")
        case .importRegistry: Label("导入数据到", "import data into")
        case .editRegistry: Label("修改登记信息", "change registry records of")
        case .reviewAtTownship: Label("乡镇审核", "review at township level")
        case .approveAtCounty: Label("县级审定", "approve at county level")
        case .editPolicy: Label("修改政策参数", "change policy values of")
        case .manageUsers: Label("管理用户", "manage users of")
        case .viewAudit: Label("查看审计日志", "read the audit log of")
        case .recordFinding: Label("登记问题", "record findings in")
        case .rectifyFinding: Label("报告整改", "report rectification in")
        case .verifyFinding: Label("验收销号", "verify and close findings in")
        case .conductSurvey: Label("开展群众认可度调查", "conduct approval surveys in")
        case .runCampaign: Label("组织走访排查活动", "run visit campaigns in")
        }
    }

    /// Whether the action changes data (inspectors may do none of these).
    public var isWrite: Bool {
        switch self {
        case .view, .viewPrivate, .export, .exportUnmasked, .viewAudit: false
        case .importRegistry, .editRegistry, .reviewAtTownship, .approveAtCounty, .editPolicy, .manageUsers, .recordFinding, .rectifyFinding,
            .verifyFinding, .conductSurvey, .runCampaign:
            true
        }
    }
}
