/// Which status changes the registry allows (REFERENCE §3.10, registry lifecycle):
/// identification first; an exit from being poor (not exited, planned exit, returned); policies
/// ending after an exit; a return to poverty after an exit; removal as ineligible or natural
/// closure from any state on the roll; a correction (`corrected`) at any point after the first.
/// Removal and closure end the history.
///
/// ```swift
/// StatusTransition.isLegal(from: .notExited, kind: .exited)            // true
/// StatusTransition.isLegal(from: .removedIneligible, kind: .exited)    // false
/// StatusTransition.isLegal(from: nil, kind: .exited)                   // false: identification first
/// ```
public enum StatusTransition {
    public static func isLegal(from previous: PovertyStatus?, kind: StatusEventKind) -> Bool {
        guard let previous else { return kind == .identified }
        switch kind {
        case .identified: return false
        case .corrected: return true
        case .exited: return [.notExited, .plannedExit, .returnedToPoverty].contains(previous)
        case .policiesEnded: return previous == .exitedWithPolicies
        case .returnedToPoverty: return [.exitedWithPolicies, .exitedWithoutPolicies].contains(previous)
        case .removedIneligible, .naturalClosure: return previous.isEnrolled
        }
    }
}
