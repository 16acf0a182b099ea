import Foundation
import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinTesting

@Suite("Workflow templates and holidays are editable policy data", .serialized)
struct WorkflowPolicyTests {
    @Test func aProvinceTemplateFromAYearOnDecidesTheDeadlinesOfNewCases() async throws {
        // 2024-06-01.
        try await SmallRegistry.with(clock: TestClock(Date(timeIntervalSince1970: 1_717_200_000))) { r in
            let policy = PolicyService(r.environment)
            let admin = try await r.user("admin")
            try await policy.save(
                try WorkflowTemplate(
                    id: "identification.43", purpose: .identification, region: .province("43"), fromYear: 2024, name: Label("湖南", "Hunan"),
                    stages: [
                        .init(.homeVerification, level: .village), .init(.publicNotice, level: .village, noticeDays: 7),
                        .init(.countyApproval, level: .county),
                    ],
                    deadlineDays: 10, dayKind: .working),
                by: admin)
            // 2024-02-01 (Thursday): 10 working days across the Spring Festival with its make-up Sundays.
            try await policy.save(CalendarDay(try CivilDate("2024-02-05"), .holiday, "测试"), by: admin)
            let lead = MonitoringService.LeadInput(
                household: try HouseholdNumber("4304811002010001"), channel: .hotline12317, date: try CivilDate("2024-02-01"), risks: [.accident])
            let c = try await MonitoringService(r.environment).lead(lead, by: r.user("cadre"))
            #expect(c.identificationTemplate == "identification.43")
            // Feb 2 (1), Feb 4 make-up (2), Feb 5 now a holiday, Feb 6–9 (3–6), 10–17 off, Feb 18 make-up (7), Feb 19–21 (8–10).
            #expect(c.deadline == (try CivilDate("2024-02-21")))
            await #expect(throws: AccessDenied.self) {
                try await policy.save(CalendarDay(try CivilDate("2024-02-06"), .holiday, "x"), by: r.user("county"))
            }
            let audit = try await AuditService(r.environment).list(.init(scope: .everywhere), by: TestEnvironment.system)
            #expect(audit.filter { $0.action == "policyTemplateSet" || $0.action == "policyHolidaySet" }.count == 2)
        }
    }
}

@Suite("A template under open cases keeps its stages", .serialized)
struct TemplateInUseTests {
    @Test func changingTheStagesOfATemplateOpenCasesFollowIsRefused() async throws {
        try await SmallRegistry.with(clock: TestClock(Date(timeIntervalSince1970: 1_717_200_000))) { r in
            _ = try await MonitoringService(r.environment).lead(
                .init(household: try HouseholdNumber("4304811002010001"), channel: .cadreVisit, date: try CivilDate("2024-03-01"), risks: [.illness]),
                by: r.user("cadre"))
            let shorter = try WorkflowTemplate(
                id: "identification.national", purpose: .identification, fromYear: 2021, name: Label("x", "x"),
                stages: [.init(.homeVerification, level: .village), .init(.countyApproval, level: .county)], deadlineDays: 15)
            await #expect(throws: PolicyError.templateInUse(id: "identification.national", openCases: 1)) {
                try await PolicyService(r.environment).save(shorter, by: r.user("admin"))
            }
        }
    }
}
