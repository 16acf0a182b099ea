import Foundation
import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings
import TuopinTesting

@Suite("Department feeds through the service", .serialized)
struct FeedServiceTests {
    func write(_ lines: [String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("feed-\(UUID().uuidString).csv")
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test(arguments: TestDatabase.available)
    func vehiclesOpenReviewItemsHonourTheExceptionsAndReportTheUnmatched(_ database: TestDatabase) async throws {
        try await SmallRegistry.with(on: database) { r in
            let url = try write([
                "id_number,date,amount,detail,exit_measure",
                "430481198001010013,2013-06-01,50000.00,湘D12345,false",  // 刘伟: before enrolment → RL-03
                "430424195512310033,2016-03-01,50000.00,湘D23456,",  // 王强: after enrolment → exception
                "430481198203040026,2013-06-01,20000.00,,",  // 李芳: cheap → nothing
                "11010519491231002X,2013-06-01,90000.00,,",  // nobody here
            ])
            let county = try await r.user("county")
            let report = try await FeedService(r.environment).importFeed(.vehicles, file: url, by: county)
            #expect(report.rows == 4)
            #expect(report.reviewItems.map(\.redLine) == ["RL-03"] && report.reviewItems[0].household == "4304811002010001")
            #expect(report.exceptions.map(\.household) == ["4304811002010002"])
            #expect(report.ignored.count == 1 && report.unmatched.map(\.line) == [5] && report.unmatched[0].id == "110105************")
            // Nothing about the household changed, and a second run opens no second item.
            let again = try await FeedService(r.environment).importFeed(.vehicles, file: url, by: county)
            #expect(again.reviewItems.isEmpty && again.alreadyOpen == 1)
            let (_, events) = try await HouseholdService(r.environment).events(try HouseholdNumber("4304811002010001"), by: county)
            #expect(events.map(\.kind) == [.identified, .exited])
        }
    }

    @Test func aLargeMedicalBillOpensALeadAndAMalformedFeedIsRefusedWhole() async throws {
        // 2022-06-01: monitoring cases (templates from 2021) exist.
        try await SmallRegistry.with(clock: TestClock(Date(timeIntervalSince1970: 1_654_041_600))) { r in
            let county = try await r.user("county")
            let report = try await FeedService(r.environment).importFeed(
                .medicalBills,
                file: try write(["id_number,date,amount", "430424195512310033,2020-08-01,12000.00", "430481198001010013,2020-08-01,500.00"]),
                by: county)
            #expect(report.leads.map(\.household) == ["4304811002010002"] && report.leads[0].risk == "illness")
            let cases = try await MonitoringService(r.environment).cases(in: nil, by: county)
            #expect(cases.count == 1 && cases[0].channel == .departmentData)
            do {
                _ = try await FeedService(r.environment).importFeed(
                    .medicalBills,
                    file: try write(["id_number,date,amount", "430424195512310034,2020-08-01,12000.00", "430481198001010013,2099-01-01,x"]),
                    by: county)
                Issue.record("a malformed feed was imported")
            } catch let error as FeedError {
                let text = try Localizer.load(.zh).describe(error)
                #expect(text.contains("第 2 行，id_number：身份证号校验位错误"))
                #expect(text.contains("第 3 行，date：日期 2099-01-01 晚于今天") && text.contains("第 3 行，amount："))
            }
            #expect(try await MonitoringService(r.environment).cases(in: nil, by: county).count == 1)
            await #expect(throws: AccessDenied.self) {
                _ = try await FeedService(r.environment).importFeed(.deaths, file: try write(["id_number,date"]), by: r.user("cadre"))
            }
        }
    }
}

@Suite("Red-line review items are decided by a person", .serialized)
struct ReviewItemTests {
    @Test func aCountyOfficerConfirmsOrDismissesWithAReasonAndTheHouseholdIsUntouched() async throws {
        try await SmallRegistry.with { r in
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("feed-\(UUID().uuidString).csv")
            try "id_number,date,detail\n430481198001010013,2019-01-01,城南小区3栋\n".write(to: url, atomically: true, encoding: .utf8)
            let county = try await r.user("county")
            _ = try await FeedService(r.environment).importFeed(.property, file: url, by: county)
            let open = try await FeedService(r.environment).items(in: nil, by: r.user("township"))
            #expect(open.map(\.reference) == ["430481-R1"] && open[0].redLine == "RL-04" && open[0].idNumber == "430481198001010013")
            let masked = try await FeedService(r.environment).items(in: nil, by: r.user("inspector")).first
            #expect(masked?.idNumber == "430481************" && masked?.detail == "***")
            #expect(open[0].detail == "城南小区3栋")
            await #expect(throws: AccessDenied.self) {
                try await FeedService(r.environment).decide("430481-R1", .dismissed, reason: "误配", by: r.user("township"))
            }
            await #expect(throws: ReviewError.reasonRequired) {
                try await FeedService(r.environment).decide("430481-R1", .dismissed, reason: " ", by: county)
            }
            try await FeedService(r.environment).decide("430481-R1", .dismissed, reason: "房产为父母所有，非本户", by: county)
            #expect(try await FeedService(r.environment).items(in: nil, by: county).isEmpty)
            #expect(try await FeedService(r.environment).items(in: nil, state: "dismissed", by: county).first?.resolution == "房产为父母所有，非本户")
            await #expect(throws: ReviewError.notFound("430481-R1")) {
                try await FeedService(r.environment).decide("430481-R1", .confirmed, reason: "x", by: county)
            }
        }
    }
}

@Suite("Feed amounts come from the policy table", .serialized)
struct FeedParameterTests {
    @Test func aLargerBillAmountSetByTheAdministratorOpensNoLeadForASmallerBill() async throws {
        try await SmallRegistry.with(clock: TestClock(Date(timeIntervalSince1970: 1_654_041_600))) { r in
            try await PolicyService(r.environment).save(
                PolicyParameters.Row(name: .largeMedicalBillYuan, value: 20_000, confirmed: false, source: "test"), by: r.user("admin"))
            await #expect(throws: PolicyError.parameterOutOfRange("hardshipIncomeFallPercent", 0)) {
                try await PolicyService(r.environment).save(
                    PolicyParameters.Row(name: .hardshipIncomeFallPercent, value: 0, confirmed: false, source: "test"), by: r.user("admin"))
            }
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("feed-\(UUID().uuidString).csv")
            try "id_number,date,amount\n430424195512310033,2020-08-01,12000.00\n".write(to: url, atomically: true, encoding: .utf8)
            let report = try await FeedService(r.environment).importFeed(.medicalBills, file: url, by: r.user("county"))
            #expect(report.leads.isEmpty && report.ignored.count == 1)
            #expect(report.ignored[0].reasons.first?["threshold"] == .money(.yuan(20_000)))
        }
    }
}
