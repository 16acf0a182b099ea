/// The 2014–2020 assistance headings (精准扶贫 "五个一批" and the social-assistance lines), for
/// measures recorded before the 2021 categories (`MeasureCategory`) replaced them.
public enum MeasureHeading: String, CodeListValue, Codable {
    case industry
    case employment
    case relocation
    case ecological
    case education
    case health
    case dangerousHousing
    case microcredit
    case dibao
    case tekun
    case temporaryAssistance
    case medicalAssistance
    case other

    public var label: Label {
        switch self {
        case .industry: Label("产业扶贫", "industry")
        case .employment: Label("就业扶贫", "employment")
        case .relocation: Label("易地扶贫搬迁", "poverty relocation")
        case .ecological: Label("生态补偿脱贫", "ecological compensation")
        case .education: Label("教育扶贫", "education")
        case .health: Label("健康扶贫", "health")
        case .dangerousHousing: Label("危房改造", "dangerous-housing renovation")
        case .microcredit: Label("扶贫小额信贷", "poverty microcredit")
        case .dibao: Label("低保兜底", "minimum living guarantee (低保)")
        case .tekun: Label("特困供养", "support for the extremely poor (特困)")
        case .temporaryAssistance: Label("临时救助", "temporary assistance")
        case .medicalAssistance: Label("医疗救助", "medical assistance")
        case .other: Label("其他", "other")
        }
    }
}

/// What kind of help a measure is: a 2021+ category or a 2014–2020 heading. Stored as
/// `2021:industry` or `2014:dibao`.
public enum MeasureKind: Hashable, Sendable {
    case category(MeasureCategory)
    case heading(MeasureHeading)

    public var token: String {
        switch self {
        case .category(let c): "2021:" + c.token
        case .heading(let h): "2014:" + h.token
        }
    }

    public init?(token: String) {
        if token.hasPrefix("2021:"), let c = MeasureCategory(token: String(token.dropFirst(5))) {
            self = .category(c)
        } else if token.hasPrefix("2014:"), let h = MeasureHeading(token: String(token.dropFirst(5))) {
            self = .heading(h)
        } else if let c = MeasureCategory(token: token) {
            self = .category(c)
        } else if let h = MeasureHeading(token: token) {
            self = .heading(h)
        } else {
            return nil
        }
    }

    public var label: Label {
        switch self {
        case .category(let c): c.label
        case .heading(let h): h.label
        }
    }

    /// Development help (for households that can work) as opposed to protection (REFERENCE §2.5).
    public var isDevelopment: Bool {
        switch self {
        case .category(let c): [.industry, .employment, .finance, .publicWelfareJob, .otherEducation].contains(c)
        case .heading(let h): [.industry, .employment, .microcredit, .ecological].contains(h)
        }
    }
}

/// Where a measure's money comes from.
public enum FundingSource: String, CodeListValue, Codable {
    case central
    case provincial
    case municipal
    case county
    case township
    case creditLoan
    case pairedAssistance
    case socialDonation
    case enterprise
    case other

    public var label: Label {
        switch self {
        case .central: Label("中央财政", "central budget")
        case .provincial: Label("省级财政", "provincial budget")
        case .municipal: Label("市级财政", "city budget")
        case .county: Label("县级财政", "county budget")
        case .township: Label("乡镇", "township")
        case .creditLoan: Label("信贷资金", "credit")
        case .pairedAssistance: Label("对口帮扶资金", "paired assistance")
        case .socialDonation: Label("社会捐赠", "social donation")
        case .enterprise: Label("企业帮扶", "enterprise")
        case .other: Label("其他", "other")
        }
    }
}
