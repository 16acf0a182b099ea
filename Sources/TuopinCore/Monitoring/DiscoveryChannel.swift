/// How a risk came to light (REFERENCE §3.7): the household asked (in person, in writing, by
/// app or on the 12317 hotline), a cadre saw it, a department's data showed it, or a sweep found it.
public enum DiscoveryChannel: String, CodeListValue, Codable {
    case selfApplication
    case hotline12317
    case cadreVisit
    case departmentData
    case sweep

    public var label: Label {
        switch self {
        case .selfApplication: Label("农户自主申报", "self-application")
        case .hotline12317: Label("12317热线", "12317 hotline")
        case .cadreVisit: Label("干部走访排查", "cadre visit")
        case .departmentData: Label("部门筛查预警", "department data")
        case .sweep: Label("集中排查", "sweep")
        }
    }
}
