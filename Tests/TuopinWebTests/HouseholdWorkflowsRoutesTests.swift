import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinTesting

/// The household page's workflow forms: a measure, the exit with its test shown check by
/// check, and the start of a risk elimination; each refused at its form with the rules' reasons,
/// then accepted.
@Suite("Household workflow forms")
struct HouseholdWorkflowsRoutesTests {
    /// 2024-06-01: after every date these tests record.
    static let clock = TestClock(Date(timeIntervalSince1970: 1_717_200_000))

    static func d(_ text: String) -> CivilDate { try! CivilDate(text) }

    func post(
        _ client: some TestClientProtocol, _ session: TestApp.Session, _ uri: String, _ fields: [String: String]
    ) async throws -> (HTTPResponse.Status, String, String?) {
        let (headers, body) = session.form(fields)
        let r = try await client.execute(uri: uri, method: .post, headers: headers, body: body)
        return (r.status, String(buffer: r.body), r.headers[.location])
    }

    @Test func aMeasureIsRefusedAtItsFormThenRecorded() async throws {
        try await SmallRegistry.with(clock: Self.clock) { registry in
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let cadre = try await TestApp.signIn(client, username: "cadre", password: SmallRegistry.password)
                let uri = "/households/4304811002010002/measures"
                let page = try await TestApp.page(client, "/households/4304811002010002", cookie: cadre.cookie)
                #expect(page.contains("记录帮扶措施") && page.contains("id=\"measure-kind\""))
                #expect(!page.contains("<h3></h3>"), "no heading for yearly facts the household does not have")
                let negative = try await post(client, cadre, uri, ["kind": "2021:industry", "project": "养牛", "amount": "-5", "start": "2024-05-01"])
                #expect(negative.0 == .unprocessableContent && negative.1.contains("id=\"measure-error\"") && negative.1.contains("金额 -5 无效"))
                #expect(negative.1.contains("value=\"养牛\""), "the form keeps what was entered")
                let unknown = try await post(client, cadre, uri, ["kind": "2021:spaceFlight", "project": "x", "start": "2024-05-01"])
                #expect(unknown.0 == .unprocessableContent && unknown.1.contains("spaceFlight"))
                let ok = try await post(
                    client, cadre, uri, ["kind": "2021:industry", "project": "养牛", "amount": "3000", "funding": "county", "start": "2024-05-01"])
                #expect(ok.0 == .seeOther && ok.2 == "/households/4304811002010002?done=measure")
                let after = try await TestApp.page(client, ok.2!, cookie: cadre.cookie)
                #expect(after.contains("帮扶措施已记录") && after.contains("<td>养牛</td><td class=\"num\">3,000.00</td>"))
                let city = try await TestApp.signIn(client, username: "city", password: SmallRegistry.password)
                let read = try await TestApp.page(client, "/households/4304811002010002", cookie: city.cookie)
                #expect(read.contains("养牛") && !read.contains("id=\"measure-kind\""), "the city office reads the household and records no measure")
                let forbidden = try await post(client, city, uri, ["kind": "2021:industry", "project": "养羊", "start": "2024-05-02"])
                #expect(forbidden.0 == .forbidden)
            }
        }
    }

    @Test func theExitShowsItsTestAndIsRecordedAgainstItOnlyByTheCountyWithAReason() async throws {
        // 2024: every guarantee secured, but an income of 1,500 yuan, under the line.
        let facts: (inout CSVFixture) -> Void = { f in
            f.files[.incomes]!.append(CSVFixture.income("4304811002010002", "2024", "1", migrantWages: "1500.00"))
            let year = [
                "household_number": "4304811002010002", "year": "2024", "guarantees": BasicGuarantee.allCases.map(\.token).joined(separator: ";"),
                "medical_assistance": "false",
            ]
            f.files[.householdYears] = [RegistryFile.householdYears.columns.map { year[$0] ?? "" }]
        }
        try await SmallRegistry.with(clock: Self.clock, fixture: facts) { registry in
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let uri = "/households/4304811002010002/exit"
                let cadre = try await TestApp.signIn(client, username: "cadre", password: SmallRegistry.password)
                let page = try await TestApp.page(client, "/households/4304811002010002", cookie: cadre.cookie)
                #expect(page.contains("2024 年脱贫标准检验") && page.contains("尚有未达标的项"))
                #expect(
                    page.contains("<li class=\"failed\">") && page.contains("2024 年没有扶贫标准，无法检验人均纯收入（1,500.00）"), "the income check, failed, in words")
                #expect(page.contains("<li class=\"passed\"><span aria-hidden=\"true\">✔</span> 义务教育有保障</li>"))
                #expect(!page.contains("{"), "no placeholder left unfilled")
                #expect(!page.contains("id=\"exit-override\""), "a village cadre cannot override the test")
                let refused = try await post(client, cadre, uri, ["date": "2024-05-20"])
                #expect(refused.0 == .unprocessableContent && refused.1.contains("id=\"exit-error\""))
                let exited = try await TestApp.page(client, "/households/4304811002010001", cookie: cadre.cookie)
                #expect(!exited.contains("exit-heading"), "a household already out has no exit form")

                let county = try await TestApp.signIn(client, username: "county", password: SmallRegistry.password)
                let countyPage = try await TestApp.page(client, "/households/4304811002010002", cookie: county.cookie)
                #expect(countyPage.contains("id=\"exit-override\""))
                let overridden = try await post(client, county, uri, ["date": "2024-05-20", "override": "县脱贫攻坚领导小组 2024 年第 3 次会议认定"])
                #expect(overridden.0 == .seeOther && overridden.2 == "/households/4304811002010002?done=exit")
                let after = try await TestApp.page(client, overridden.2!, cookie: county.cookie)
                #expect(after.contains("已标注脱贫") && after.contains("<td>2024-05-20</td>") && !after.contains("exit-heading"))
            }
        }
    }

    @Test func theYearsHomeVisitIsRefusedAtItsFieldsThenSavedAndTheExitTestReadsIt() async throws {
        try await SmallRegistry.with(clock: Self.clock) { registry in
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                // Water measured on an earlier visit of the year, which the form does not show.
                let measured = WaterAccess(litresPerPersonPerDay: 80, roundTripMinutes: 5, verticalLiftMetres: 0, shortageDaysPerYear: 0)
                _ = try await HouseholdService(registry.environment).setYear(
                    HouseholdYear(household: try HouseholdNumber("4304811002010002"), year: 2024, securedGuarantees: [], water: measured),
                    by: try await registry.user("cadre"))
                let cadre = try await TestApp.signIn(client, username: "cadre", password: SmallRegistry.password)
                let uri = "/households/4304811002010002/year"
                var fields = ["year": "2024", "built_year": "2030", "floor_area": "60.5", "danger_grade": "a", "safe_drinking_water": "true"]
                for g in BasicGuarantee.allCases { fields["secured.\(g.token)"] = "1" }
                let refused = try await post(client, cadre, uri, fields)
                #expect(refused.0 == .unprocessableContent && refused.1.contains("id=\"year-built_year-error\""), "built after the record's year")
                #expect(refused.1.contains("value=\"60.5\""), "the form keeps what was entered")
                let notAYear = try await post(client, cadre, uri, fields.merging(["year": "二〇二四", "built_year": "1998"]) { $1 })
                #expect(notAYear.0 == .unprocessableContent && notAYear.1.contains("id=\"year-year-error\""))
                fields["built_year"] = "1998"
                let saved = try await post(client, cadre, uri, fields)
                #expect(saved.0 == .seeOther && saved.2 == "/households/4304811002010002?done=year")
                let page = try await TestApp.page(client, saved.2!, cookie: cadre.cookie)
                #expect(page.contains("年度信息已保存") && page.contains("2024 年"))
                #expect(page.contains("<li class=\"passed\"><span aria-hidden=\"true\">✔</span> 住房安全有保障"), "the exit test reads the year's facts")
                let stored = try await HouseholdService(registry.environment).year(
                    try HouseholdNumber("4304811002010002"), 2024, by: try await registry.user("cadre"))
                #expect(stored?.living.dangerGrade == .a && stored?.living.builtYear == 1998 && stored?.securedGuarantees.count == 6)
                #expect(stored?.water == measured, "what the form does not show is kept")
            }
        }
    }

    @Test func aYearsIncomeIsRefusedAtItsFieldsThenSaved() async throws {
        try await SmallRegistry.with(clock: Self.clock) { registry in
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let cadre = try await TestApp.signIn(client, username: "cadre", password: SmallRegistry.password)
                let uri = "/households/4304811002010002/income"
                let page = try await TestApp.page(client, "/households/4304811002010002", cookie: cadre.cookie)
                #expect(page.contains("id=\"income-household_size\" name=\"household_size\" value=\"1\""), "the size defaults to the current members")
                let refused = try await post(
                    client, cadre, uri, ["year": "2024", "household_size": "0", "migrantWages": "-5", "crops": "很多", "livestock": "300"])
                #expect(refused.0 == .unprocessableContent)
                #expect(refused.1.contains("id=\"income-crops-error\""), "an amount that is no number, at its field")
                let rules = try await post(client, cadre, uri, ["year": "2024", "household_size": "0", "migrantWages": "-5", "livestock": "300"])
                #expect(rules.1.contains("id=\"income-household_size-error\"") && rules.1.contains("id=\"income-migrantWages-error\""))
                #expect(!rules.1.contains("id=\"income-livestock-error\"") && rules.1.contains("value=\"300\""))
                let saved = try await post(client, cadre, uri, ["year": "2024", "household_size": "1", "migrantWages": "8000", "livestock": "300"])
                #expect(saved.0 == .seeOther && saved.2 == "/households/4304811002010002?done=income")
                let after = try await TestApp.page(client, saved.2!, cookie: cadre.cookie)
                #expect(after.contains("年度收入已保存") && after.contains("<td>2024</td><td class=\"num\">8,300.00</td>"))
                #expect(
                    after.contains("name=\"migrantWages\" value=\"8000.00\""), "the year's stored income fills the form, as it can be posted back")
                // A correction of one item keeps the others.
                let corrected = try await post(client, cadre, uri, ["year": "2024", "household_size": "1", "migrantWages": "9000"])
                #expect(corrected.0 == .seeOther)
                #expect(try await TestApp.page(client, saved.2!, cookie: cadre.cookie).contains("<td>2024</td><td class=\"num\">9,300.00</td>"))
                let audit = try await AuditService(registry.environment).list(
                    .init(action: AuditAction.incomeSet.token, scope: .everywhere), by: try await registry.user("admin"))
                #expect(audit.map(\.entity) == ["income:4304811002010002/2024", "income:4304811002010002/2024"])
            }
        }
    }

    @Test func aMonitoredCaseStartsItsEliminationFromThePage() async throws {
        try await SmallRegistry.with(clock: Self.clock) { registry in
            let monitoring = MonitoringService(registry.environment)
            let cadre = try await registry.user("cadre")
            let c = try await monitoring.lead(
                .init(household: try HouseholdNumber("4304811002010001"), channel: .cadreVisit, date: Self.d("2022-03-01"), risks: [.illness]),
                by: cadre)
            for record in [
                StepRecord(date: Self.d("2022-03-02"), consentSigned: true), StepRecord(date: Self.d("2022-03-03")),
                StepRecord(date: Self.d("2022-03-04")),
                StepRecord(
                    date: Self.d("2022-03-10"), notice: NoticePeriod(from: Self.d("2022-03-05"), to: Self.d("2022-03-09")), objectionsResolved: true),
            ] {
                _ = try await monitoring.complete(c.reference, record, by: cadre)
            }
            _ = try await monitoring.complete(c.reference, StepRecord(date: Self.d("2022-03-11")), by: try await registry.user("township"))
            _ = try await monitoring.complete(
                c.reference, StepRecord(date: Self.d("2022-03-12"), category: .unstableExited, risks: [.illness]),
                by: try await registry.user("county"))
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let session = try await TestApp.signIn(client, username: "cadre", password: SmallRegistry.password)
                let page = try await TestApp.page(client, "/households/4304811002010001", cookie: session.cookie)
                #expect(page.contains("启动风险消除") && page.contains("id=\"remaining-\(c.reference)-illness\""))
                let uri = "/households/4304811002010001/cases/\(c.reference)/eliminate"
                var fields = ["method": "byAssistance", "date": "2024-05-01", "income": "9000", "incomeStable": "1", "spendingControlled": "1"]
                for g in BasicGuarantee.allCases { fields["secured.\(g.token)"] = "1" }
                var stillIll = fields
                stillIll["remaining.illness"] = "1"
                let refused = try await post(client, session, uri, stillIll)
                #expect(refused.0 == .unprocessableContent && refused.1.contains("id=\"error-\(c.reference)\""))
                let noIncome = try await post(client, session, uri, fields.filter { $0.key != "income" })
                #expect(noIncome.0 == .unprocessableContent)
                let started = try await post(client, session, uri, fields)
                #expect(started.0 == .seeOther && started.2 == "/households/4304811002010001?done=eliminate")
                let after = try await TestApp.page(client, started.2!, cookie: session.cookie)
                #expect(after.contains("已启动风险消除程序") && after.contains("当前步骤：入户核实（村级）") && !after.contains("id=\"method-"))
                #expect(try await monitoring.show(c.reference, by: cadre).monitoringCase.state.token == "eliminating")
            }
        }
    }
}
