/// How a poverty-related petition or piece of public opinion came in (涉贫信访舆情).
public enum PetitionChannel: String, CodeListValue, Codable {
    case letter
    case visit
    case phone
    case online
    case publicOpinion

    public var label: Label {
        switch self {
        case .letter: Label("来信", "letter")
        case .visit: Label("来访", "visit")
        case .phone: Label("来电（含 12317 热线）", "phone (incl. the 12317 hotline)")
        case .online: Label("网上信访", "online petition")
        case .publicOpinion: Label("网络舆情", "public opinion online")
        }
    }
}

/// Where a petition stands: received (受理), assigned to a unit with a reply deadline (交办),
/// replied (答复) and waiting for the petitioner's view, closed (办结).
public enum PetitionState: String, CodeListValue, Codable {
    case received
    case assigned
    case replied
    case closed

    public var label: Label {
        switch self {
        case .received: Label("已受理", "received")
        case .assigned: Label("已交办", "assigned")
        case .replied: Label("已答复", "replied")
        case .closed: Label("已办结", "closed")
        }
    }

    /// Waiting on the unit (the reply deadline runs).
    public var awaitsReply: Bool { self == .received || self == .assigned }
}

/// One entry of a petition's record.
public enum PetitionStepKind: String, CodeListValue, Codable {
    case received
    case assigned
    case replied
    /// The petitioner's view of the reply, asked on a return visit (回访).
    case rated
    /// 督办升级: sent to a higher unit, with a new deadline.
    case escalated

    public var label: Label {
        switch self {
        case .received: Label("受理", "received")
        case .assigned: Label("交办", "assigned")
        case .replied: Label("答复", "replied")
        case .rated: Label("回访评价", "return visit")
        case .escalated: Label("督办升级", "escalated")
        }
    }
}
