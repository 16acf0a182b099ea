/// 监测对象类别: the three monitored categories (REFERENCE §3.7). National codes were not found.
public enum MonitoringCategory: String, CodeListValue, Codable {
    case unstableExited
    case edgeAtRisk
    case suddenHardship

    public var label: Label {
        switch self {
        case .unstableExited: Label("脱贫不稳定户", "unstable exited household")
        case .edgeAtRisk: Label("边缘易致贫户", "edge household at risk")
        case .suddenHardship: Label("突发严重困难户", "household in sudden severe hardship")
        }
    }
}
