import Testing

@testable import TuopinCore

@Suite("Workflow templates (REFERENCE §3.8)")
struct WorkflowTemplateTests {
    let table = WorkflowTemplateTable(WorkflowTemplate.reference)

    @Test func aProvinceTemplateWinsOverTheNationalOne() throws {
        #expect(table.template(.identification, year: 2024, region: .province("46"))?.id == "identification.46")
        #expect(table.template(.identification, year: 2024, region: .province("43"))?.id == "identification.national")
        #expect(table.template(.elimination, year: 2022, region: .province("43"))?.noticeDays == 7)
        #expect(table.template(.elimination, year: 2022, region: .province("44"))?.noticeDays == 5)
        #expect(table.template(.identification, year: 2020, region: .national) == nil)
    }

    @Test func theNationalIdentificationHasAFiveDayNoticeAndFifteenCalendarDays() throws {
        let t = try #require(table.template(id: "identification.national"))
        #expect(t.stages.map(\.step) == [.homeVerification, .dataMatching, .villageAppraisal, .publicNotice, .townshipReview, .countyApproval])
        #expect(t.stages.map(\.level) == [.village, .village, .village, .village, .township, .county])
        #expect(t.noticeDays == 5 && t.deadlineDays == 15 && t.dayKind == .calendar)
        let hainan = try #require(table.template(id: "identification.46"))
        #expect(hainan.deadlineDays == 20 && hainan.dayKind == .working)
    }

    @Test func the2014EnrolmentHasTwoNotices() throws {
        let t = try #require(table.template(.enrolment, year: 2014, region: .national))
        #expect(t.stages.filter { $0.step == .publicNotice }.count == 2)
        let hunan = try #require(table.template(.enrolment, year: 2015, region: .province("43")))
        #expect(hunan.stages.contains { $0.step == .representativesAppraisal } && hunan.stages.contains { $0.step == .countyDataCheck })
    }

    @Test func anInvalidTemplateIsRefusedWithItsReason() {
        let name = Label("x", "x")
        #expect(throws: WorkflowTemplate.TemplateError.noStages) {
            try WorkflowTemplate(id: "x", purpose: .identification, fromYear: 2021, name: name, stages: [], deadlineDays: 15)
        }
        #expect(throws: WorkflowTemplate.TemplateError.noticeWithoutDays(.publicNotice)) {
            try WorkflowTemplate(
                id: "x", purpose: .identification, fromYear: 2021, name: name, stages: [.init(.publicNotice, level: .village)],
                deadlineDays: 15)
        }
        #expect(throws: WorkflowTemplate.TemplateError.deadlineNotPositive(0)) {
            try WorkflowTemplate(
                id: "x", purpose: .identification, fromYear: 2021, name: name, stages: [.init(.homeVerification, level: .village)],
                deadlineDays: 0)
        }
    }
}
