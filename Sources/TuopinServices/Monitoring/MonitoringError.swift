import TuopinCore
import TuopinStrings

/// What a monitoring request can ask for that is not there or not allowed as asked.
public enum MonitoringError: Error, Equatable, Sendable {
    /// Not a case reference of the form `430481-000123`.
    case invalidReference(String)
    /// No such case in the user's scope.
    case caseNotFound(String)
    /// No such household in the user's scope.
    case householdNotFound(String)
    /// The household already has a case that is not closed.
    case openCaseExists(String)
    /// No workflow template of this purpose applies to the year.
    case noTemplate(WorkflowTemplate.Purpose, year: Int)
    /// No monitoring threshold for the year.
    case noThreshold(year: Int)
    /// The step is recorded at a level the user's role does not act at.
    case notYourStage(WorkflowStep, ApprovalLevel)
    /// `approve` on a case whose current step is not a township or county review.
    case notAReview(WorkflowStep)
    /// A lead or step dated after today.
    case future(CivilDate)
}

extension MonitoringError: WordedError {
    public func message(_ s: Localizer) -> String {
        switch self {
        case .invalidReference(let text): s.text("error.monitor.reference", ["text": text])
        case .caseNotFound(let ref): s.text("error.monitor.caseNotFound", ["case": ref])
        case .householdNotFound(let number): s.text("error.monitor.householdNotFound", ["household": number])
        case .openCaseExists(let ref): s.text("error.monitor.openCase", ["case": ref])
        case .noTemplate(let purpose, let year): s.text("error.monitor.noTemplate", ["purpose": s.label(purpose.label), "year": String(year)])
        case .noThreshold(let year): s.text("error.monitor.noThreshold", ["year": String(year)])
        case .notYourStage(let step, let level): s.text("error.monitor.notYourStage", ["step": s.label(step.label), "level": s.label(level.label)])
        case .notAReview(let step): s.text("error.monitor.notAReview", ["step": s.label(step.label)])
        case .future(let date): s.text("error.household.future", ["date": date.description])
        }
    }
}

extension MonitoringRefusal: WordedError {
    /// "M2 完成程序步骤：公示 4 天，少于规定的 5 天" — the transition and every failed check.
    public func message(_ s: Localizer) -> String {
        let reasons = decision.failedChecks.map { s.explain($0) }.joined(separator: s.language == .zh ? "；" : "; ")
        return s.text("error.monitor.refused", ["transition": transition.rawValue, "name": s.label(transition.label), "reasons": reasons])
    }
}
