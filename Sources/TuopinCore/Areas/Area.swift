/// An administrative area as the registry keeps it: code, name and kind.
public struct Area: Hashable, Sendable, Codable {
    public var code: AdminCode
    public var name: String
    public var kind: AreaKind

    public init(code: AdminCode, name: String, kind: AreaKind) {
        self.code = code
        self.name = name
        self.kind = kind
    }

    public var level: AreaLevel { code.level }
}

/// What sort of area it is, finer than its level (a county-level city is a county-level area).
public enum AreaKind: String, CodeListValue, Codable {
    case province, city, district, county, countyLevelCity, statisticalUnit
    case subdistrict, town, township, village, community

    public var label: Label {
        switch self {
        case .province: Label("省", "province")
        case .city: Label("地级市", "prefecture-level city")
        case .district: Label("市辖区", "district")
        case .county: Label("县", "county")
        case .countyLevelCity: Label("县级市", "county-level city")
        case .statisticalUnit: Label("统计单位", "statistical unit")
        case .subdistrict: Label("街道", "subdistrict")
        case .town: Label("镇", "town")
        case .township: Label("乡", "township")
        case .village: Label("村", "village")
        case .community: Label("社区", "community")
        }
    }

    /// The level this kind of area sits at.
    public var level: AreaLevel {
        switch self {
        case .province: .province
        case .city: .city
        case .district, .county, .countyLevelCity, .statisticalUnit: .county
        case .subdistrict, .town, .township: .township
        case .village, .community: .village
        }
    }
}

/// A village's profile for one year: the rural registered population (户籍人口, the incidence
/// denominator) and the collective income (村集体经济收入, a Hunan village-exit test).
public struct VillageProfile: Hashable, Sendable {
    public var village: AdminCode
    public var year: Int
    public var ruralRegisteredPopulation: Int
    public var collectiveIncome: Money?
    /// Road, water, power, school, clinic and social security, as recorded for the year (§3.4).
    public var conditions: VillageConditions

    public init(
        village: AdminCode, year: Int, ruralRegisteredPopulation: Int, collectiveIncome: Money? = nil,
        conditions: VillageConditions = VillageConditions()
    ) {
        self.village = village
        self.year = year
        self.ruralRegisteredPopulation = ruralRegisteredPopulation
        self.collectiveIncome = collectiveIncome
        self.conditions = conditions
    }
}

/// A dated change of an area's poverty designation: a village named poor or exited (出列), a
/// county named poor or exited (摘帽). Appended, never overwritten.
public struct AreaEvent: Hashable, Sendable {
    public var area: AdminCode
    public var kind: AreaEventKind
    public var effectiveDate: CivilDate
    /// The approving document, where known (湘政函〔2018〕45号).
    public var document: String

    public init(area: AdminCode, kind: AreaEventKind, effectiveDate: CivilDate, document: String = "") {
        self.area = area
        self.kind = kind
        self.effectiveDate = effectiveDate
        self.document = document
    }
}

public enum AreaEventKind: String, CodeListValue, Codable {
    case designatedPoorVillage
    case villageExited
    case designatedPoorCounty
    case countyExited

    public var label: Label {
        switch self {
        case .designatedPoorVillage: Label("认定贫困村", "designated a poor village")
        case .villageExited: Label("贫困村出列", "poor village exited")
        case .designatedPoorCounty: Label("认定贫困县", "designated a poor county")
        case .countyExited: Label("贫困县摘帽", "poor county exited")
        }
    }
}
