/// The roll-up reports of REFERENCE §4.1 beyond, each a set of dimensions whose
/// categories count households and people (and, for measures, amounts) per area, as of a date.
///
/// - R-03 structure: the enrolled households' main cause; their members' health, labour
///   capacity, education, schooling and age band on the date.
/// - R-04 conditions: the enrolled households' yearly living conditions for the date's year.
/// - R-05 measures: measures running on the date by category, with amounts; coverage of the
///   households under monitoring.
/// - R-09 funds: the amounts of the measures begun by the date, by funding level (the sources
///   grouped as the `funding_level` table says), by funding source (the level
///   or channel the money came from), by project (as the measures name it) and by the year
///   each measure began; a household counts once per category.
/// - R-06 monitoring: the households under monitoring on the date by category and by risk
///   type, the cases identified in the date's year, the eliminations up to the date by method,
///   and the cases opened by the date by their state on it.
/// - R-13 helpers: enrolled households with and without a responsible cadre on the date.
/// - R-15 changes: status events of the date's year up to the date, by kind.
///
/// A category is the stored token; a member with several health conditions counts under each.
public enum RollupReport: String, CaseIterable, Sendable, Codable {
    case structure = "R-03"
    case conditions = "R-04"
    case measures = "R-05"
    case monitoring = "R-06"
    case funds = "R-09"
    case helpers = "R-13"
    case changes = "R-15"

    public var label: Label {
        switch self {
        case .structure: Label("贫困人口结构", "structure of the enrolled population")
        case .conditions: Label("生产生活条件", "living conditions")
        case .measures: Label("帮扶措施", "assistance measures")
        case .monitoring: Label("防返贫监测", "return-to-poverty monitoring")
        case .funds: Label("帮扶资金", "assistance funds")
        case .helpers: Label("帮扶责任人覆盖", "helper coverage")
        case .changes: Label("动态调整变化", "annual-adjustment changes")
        }
    }

    public var dimensions: [RollupDimension] {
        switch self {
        case .structure: [.mainCause, .health, .labourCapacity, .education, .studentStatus, .ageBand]
        case .conditions: [.dangerGrade, .safeDrinkingWater, .waterSource, .sanitaryToilet, .accessRoad]
        case .measures: [.measureKind, .monitoredCoverage]
        case .monitoring: [.monitoredCategory, .riskType, .newCases, .eliminationMethod, .caseState]
        case .funds: [.fundingLevel, .fundingSource, .fundingProject, .fundingYear]
        case .helpers: [.helper]
        case .changes: [.changeKind]
        }
    }

    /// Finds a report by its id (`R-03`) or its name (`structure`).
    public init?(id: String) {
        guard let report = Self.allCases.first(where: { $0.rawValue == id.uppercased() || "\($0)" == id }) else { return nil }
        self = report
    }
}

/// One breakdown of a roll-up report: the question its categories answer.
public enum RollupDimension: String, CaseIterable, Sendable, Codable {
    case mainCause, health, labourCapacity, education, studentStatus, ageBand
    case dangerGrade, safeDrinkingWater, waterSource, sanitaryToilet, accessRoad
    case measureKind, monitoredCoverage
    case monitoredCategory, riskType, newCases, eliminationMethod, caseState
    case fundingLevel, fundingSource, fundingProject, fundingYear
    case helper
    case changeKind

    /// Whether its categories count people (members) rather than households.
    public var countsMembers: Bool { [.health, .labourCapacity, .education, .studentStatus, .ageBand].contains(self) }

    public var label: Label {
        switch self {
        case .mainCause: Label("主要致贫原因", "main cause of poverty")
        case .health: Label("健康状况", "health")
        case .labourCapacity: Label("劳动能力", "labour capacity")
        case .education: Label("文化程度", "education")
        case .studentStatus: Label("在校生状况", "schooling")
        case .ageBand: Label("年龄段", "age band")
        case .dangerGrade: Label("危房等级", "danger grade")
        case .safeDrinkingWater: Label("饮水安全", "safe drinking water")
        case .waterSource: Label("水源", "water source")
        case .sanitaryToilet: Label("卫生厕所", "sanitary toilet")
        case .accessRoad: Label("入户路", "access road")
        case .measureKind: Label("帮扶措施类别", "measure category")
        case .monitoredCoverage: Label("监测对象帮扶覆盖", "measures for monitored households")
        case .monitoredCategory: Label("监测对象类别", "monitored households by category")
        case .riskType: Label("风险类型", "risk type")
        case .newCases: Label("本年新识别", "identified this year")
        case .eliminationMethod: Label("风险消除方式", "risk eliminated, by method")
        case .caseState: Label("监测状态", "case state")
        case .fundingLevel: Label("资金级次", "funding level")
        case .fundingSource: Label("资金来源", "funding source")
        case .fundingProject: Label("帮扶项目", "project")
        case .fundingYear: Label("措施开始年度", "year the measure began")
        case .helper: Label("帮扶责任人", "responsible cadre")
        case .changeKind: Label("状态变化类型", "kind of change")
        }
    }

    /// The category's words: the code list's label, else the token itself.
    public func categoryLabel(_ token: String) -> Label {
        if token == RollupCell.unrecorded { return Label("未填写", "not recorded") }
        switch self {
        case .mainCause: return PovertyCause(token: token)?.label ?? Label(token, token)
        case .health: return HealthCondition(token: token)?.label ?? Label(token, token)
        case .labourCapacity: return LabourCapacity(token: token)?.label ?? Label(token, token)
        case .education: return Education(token: token)?.label ?? Label(token, token)
        case .studentStatus: return StudentStatus(token: token)?.label ?? Label(token, token)
        case .ageBand: return AgeBand(rawValue: token)?.label ?? Label(token, token)
        case .dangerGrade: return DangerGrade(token: token)?.label ?? Label(token, token)
        case .waterSource: return WaterSource(token: token)?.label ?? Label(token, token)
        case .accessRoad: return AccessRoad(token: token)?.label ?? Label(token, token)
        case .safeDrinkingWater, .sanitaryToilet, .helper:
            return token == "true" ? Label("是", "yes") : Label("否", "no")
        case .measureKind: return MeasureKind(token: token)?.label ?? Label(token, token)
        case .monitoredCoverage:
            return token == "true" ? Label("有帮扶措施", "with a measure") : Label("无帮扶措施", "without a measure")
        case .changeKind: return StatusEventKind(token: token)?.label ?? Label(token, token)
        case .monitoredCategory, .newCases: return MonitoringCategory(token: token)?.label ?? Label(token, token)
        case .riskType: return RiskType(token: token)?.label ?? Label(token, token)
        case .eliminationMethod: return EliminationMethod(token: token)?.label ?? Label(token, token)
        case .caseState: return CaseStateOnDate(rawValue: token)?.label ?? Label(token, token)
        case .fundingLevel: return FundingLevel(token: token)?.label ?? Label(token, token)
        case .fundingSource: return FundingSource(token: token)?.label ?? Label(token, token)
        case .fundingProject: return Label(token, token)
        case .fundingYear: return Label(token + " 年", token)
        }
    }
}

/// Where a monitoring case stood on a date, from the dates it stores: being identified
/// (lead recorded, not yet decided), under monitoring (identified, risk not yet eliminated),
/// eliminated, or closed otherwise (not identified, or withdrawn).
public enum CaseStateOnDate: String, CaseIterable, Sendable {
    case identifying, monitored, eliminated, closed

    public var label: Label {
        switch self {
        case .identifying: Label("识别中", "being identified")
        case .monitored: Label("监测中", "under monitoring")
        case .eliminated: Label("已消除风险", "risk eliminated")
        case .closed: Label("未纳入或已终止", "not identified or closed")
        }
    }
}

/// Age bands of R-03: up to 16, 17 to 59, 60 and over (whole years on the date).
public enum AgeBand: String, CaseIterable, Sendable {
    case upTo16 = "0-16"
    case from17To59 = "17-59"
    case from60 = "60+"

    public var label: Label {
        switch self {
        case .upTo16: Label("16岁及以下", "16 and under")
        case .from17To59: Label("17至59岁", "17 to 59")
        case .from60: Label("60岁及以上", "60 and over")
        }
    }

    public static func of(age: Int) -> AgeBand { age <= 16 ? .upTo16 : (age <= 59 ? .from17To59 : .from60) }

    /// Whole years from `birth` to `date`.
    public static func age(birth: CivilDate, on date: CivilDate) -> Int {
        date.year - birth.year - ((date.month, date.day) < (birth.month, birth.day) ? 1 : 0)
    }
}

/// One category's figures in one area.
public struct RollupCell: Sendable, Hashable, Codable {
    /// The category of a value not recorded (an empty or missing yearly row).
    public static let unrecorded = "-"

    public var dimension: RollupDimension
    public var category: String
    public var households: Int
    public var people: Int
    /// Amounts in fen (measures); 0 elsewhere.
    public var amountFen: Int64

    public init(dimension: RollupDimension, category: String, households: Int, people: Int, amountFen: Int64 = 0) {
        self.dimension = dimension
        self.category = category
        self.households = households
        self.people = people
        self.amountFen = amountFen
    }
}

/// A roll-up report's cells per area key, added up over any set of keys.
public struct Rollup: Sendable, Equatable {
    public var report: RollupReport
    public var cells: [String: [RollupCell]] = [:]

    public init(report: RollupReport) { self.report = report }

    /// Adds a stored row; a stored health list (`chronicIllness;disabled`) counts under each.
    public mutating func add(area: String, dimension: RollupDimension, category: String, households: Int, people: Int, amountFen: Int64 = 0) {
        let categories = dimension == .health ? category.split(separator: ";").map(String.init) : [category]
        for c in categories.isEmpty ? [RollupCell.unrecorded] : categories {
            cells[area, default: []].append(
                RollupCell(
                    dimension: dimension, category: c.isEmpty ? RollupCell.unrecorded : c, households: households, people: people,
                    amountFen: amountFen))
        }
    }

    /// The cells over `keys` (every key when nil), one per dimension and category, in the
    /// report's dimension order and then by category.
    public func total(keys: Set<String>? = nil) -> [RollupCell] {
        var sums: [RollupCell] = []
        var index: [String: Int] = [:]
        for (key, list) in cells where keys?.contains(key) ?? true {
            for cell in list {
                let id = cell.dimension.rawValue + "|" + cell.category
                if let i = index[id] {
                    sums[i].households += cell.households
                    sums[i].people += cell.people
                    sums[i].amountFen += cell.amountFen
                } else {
                    index[id] = sums.count
                    sums.append(cell)
                }
            }
        }
        let order = Dictionary(uniqueKeysWithValues: report.dimensions.enumerated().map { ($1, $0) })
        return sums.sorted { (order[$0.dimension] ?? 99, $0.category) < (order[$1.dimension] ?? 99, $1.category) }
    }
}
