/// The six kinds of official who work in Tuopin (DESIGN "Who uses it"), each inside a scope.
///
/// A role fixes what a user may do (`AccessPolicy`) and the level of area their scope must be:
/// a village cadre is scoped to one village, a township officer to one township, and so on.
///
/// ```swift
/// Role.villageCadre.allowsScope(.area(try AdminCode("430481100201")))   // true
/// Role.villageCadre.allowsScope(.area(try AdminCode("430481")))         // false: a county
/// ```
public enum Role: String, CodeListValue, Codable {
    /// 村干部 / 帮扶责任人: records visits, incomes and member changes in one village.
    case villageCadre
    /// 乡镇干部: reviews identifications and exits, runs sweeps, cleans data in one township.
    case townshipOfficer
    /// 县乡村振兴局/扶贫办: approves, monitors deadlines, imports and reports for one county.
    case countyOffice
    /// 市扶贫办: dashboards, press figures, inspection findings for the city.
    case cityOffice
    /// 督查/审计人员: reads figures, records and the audit trail of a scope; changes nothing.
    case inspector
    /// 系统管理员: users, thresholds and code tables.
    case administrator

    public var label: Label {
        switch self {
        case .villageCadre: Label("村干部", "village cadre")
        case .townshipOfficer: Label("乡镇干部", "township officer")
        case .countyOffice: Label("县级扶贫部门", "county office")
        case .cityOffice: Label("市级扶贫部门", "city office")
        case .inspector: Label("督查审计人员", "inspector")
        case .administrator: Label("系统管理员", "administrator")
        }
    }

    /// The area levels a scope of this role may have; nil for any level or the whole registry.
    public var scopeLevels: Set<AreaLevel>? {
        switch self {
        case .villageCadre: [.village]
        case .townshipOfficer: [.township]
        case .countyOffice: [.county]
        case .cityOffice: [.city, .province]
        case .inspector, .administrator: nil
        }
    }

    /// Whether a user of this role may be given `scope`. Only inspectors and administrators may
    /// have the whole registry.
    public func allowsScope(_ scope: AreaScope) -> Bool {
        switch scope {
        case .everywhere: scopeLevels == nil
        case .area(let code): scopeLevels?.contains(code.level) ?? true
        }
    }
}
