import TuopinCore

/// A case as the API, the JSON output and the pages show it: tokens with their labels, the
/// stage as its step, and no private data (a case carries none beyond its household number).
public struct MonitoringCaseReport: Codable, Sendable, Equatable {
    public var reference: String
    public var household: String
    public var village: String
    public var channel: String
    public var leadDate: String
    public var deadline: String?
    public var state: String
    public var stateLabel: String
    public var step: String?
    public var stepLabel: String?
    public var stepLevel: String?
    public var category: String?
    /// The built-in risks (what every figure counts).
    public var risks: [String]
    /// The risks as chosen: a local code's token where one refines the risk.
    public var chosenRisks: [String]
    /// The chosen risks in words.
    public var riskLabels: [String]
    public var greenChannel: Bool
    public var noLabourSafetyNet: Bool
    public var previousCase: String?
    public var identifiedOn: String?
    public var eliminationMethod: String?
    public var closedOn: String?

    /// `chinese`: whether labels are in Chinese (else English); `codes` names local risk codes.
    public init(_ c: MonitoringCase, templates: WorkflowTemplateTable, chinese: Bool = true, codes: CodeBook = CodeBook()) {
        func word(_ l: Label) -> String { chinese ? l.zh : l.en }
        reference = c.reference
        household = c.household.rawValue
        village = c.village.rawValue
        channel = c.channel.token
        leadDate = c.leadDate.description
        deadline = c.deadline?.description
        state = c.state.token
        stateLabel = word(c.state.label)
        let template =
            c.state.token == "eliminating" ? templates.template(id: c.eliminationTemplate) : templates.template(id: c.identificationTemplate)
        let stage = c.state.stage.flatMap { i in template?.stages.indices.contains(i) == true ? template?.stages[i] : nil }
        step = stage?.step.token
        stepLabel = stage.map { word($0.step.label) }
        stepLevel = stage?.level.token
        category = c.category?.token
        risks = c.risks.map(\.token)
        chosenRisks = c.riskChoices.map(\.token)
        riskLabels = c.riskChoices.map { choice in
            (codes.label(choice, in: .riskType) ?? codes.label(choice.base, in: .riskType)).map(word) ?? choice.token
        }
        greenChannel = c.greenChannel
        noLabourSafetyNet = c.noLabourSafetyNet
        previousCase = c.previousCase.map { MonitoringCase.reference(county: String(c.village.rawValue.prefix(6)), number: $0) }
        identifiedOn = c.identifiedOn?.description
        eliminationMethod = c.eliminationMethod?.token
        closedOn = c.closedOn?.description
    }
}
