import SQLKit
import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinStrings
import TuopinTesting

@Suite("tuopin check through the service (REFERENCE §3.13)", .serialized)
struct QualityServiceTests {
    /// The small registry's exited household has a son of 10 recorded as not in school and as labour.
    @Test(arguments: TestDatabase.available)
    func theCheckFindsTheChildOutOfSchoolAndForgetsItOnceFixed(_ database: TestDatabase) async throws {
        try await SmallRegistry.with(on: database) { r in
            let service = QualityService(r.environment)
            let asOf = try CivilDate("2020-10-15")
            let report = try await service.check(area: nil, asOf: asOf, by: r.user("township"))
            #expect(report.findings.map(\.rule) == ["DQ-005", "DQ-032"])
            #expect(report.findings.allSatisfy { $0.household == "4304811002010001" && $0.member == "刘浩 43048120100615001X" })
            #expect(report.errors == 1 && report.warnings == 1)
            // per village of the township, every village listed, the findings where they are.
            let byVillage = try await service.byChildArea(report, by: r.user("township"))
            #expect(byVillage.map { $0.area?.code.rawValue } == [SmallRegistry.village, SmallRegistry.otherVillage])
            #expect(byVillage.map(\.errors) == [1, 0] && byVillage.map(\.warnings) == [1, 0])
            #expect(byVillage[0].rules == ["DQ-005": 1, "DQ-032": 1] && byVillage[1].rules.isEmpty)
            let byTownship = try await service.byChildArea(
                try await service.check(area: try AdminCode("430481"), asOf: asOf, by: r.user("county")), by: r.user("county"))
            #expect(byTownship.map { $0.area?.code.rawValue } == ["430481100"] && byTownship[0].rules == ["DQ-005": 1, "DQ-032": 1])
            await #expect(throws: AccessDenied.self) { _ = try await service.byChildArea(report, by: r.user("othercadre")) }
            #expect(report.counts.first { $0.rule == "DQ-032" }?.count == 1 && report.counts.first { $0.rule == "DQ-006" }?.count == 0)
            let zh = try Localizer.load(.zh)
            // The household's latest income year is 2017: its members' attributes are read as of 2017-12-31.
            #expect(zh.explain(report.findings[1].check) == "脱贫户中 7 岁的义务教育阶段儿童不在校，且未登记原因")
            let masked = try await service.check(area: nil, asOf: asOf, by: r.user("inspector"))
            #expect(masked.findings.map(\.member) == ["刘* 430481************", "刘* 430481************"])
            try await r.store.transaction { tx in
                try await tx.sql.raw(
                    "UPDATE member SET student_status = 'primary:4', labour_capacity = 'none' WHERE id_number = '43048120100615001X'"
                ).run()
            }
            #expect(try await service.check(area: nil, asOf: asOf, by: r.user("township")).findings.isEmpty)
        }
    }

    /// A member's yearly row is what the age rules read, as of its year: 2020's row puts the son
    /// (10 that year) in primary school and out of the labour force, so nothing is flagged; a
    /// 2018 row saying he was not in school is older and is not read.
    @Test(arguments: TestDatabase.available)
    func theMembersLatestYearlyRowIsWhatTheRulesRead(_ database: TestDatabase) async throws {
        try await SmallRegistry.with(on: database) { r in
            let households = HouseholdService(r.environment), cadre = try await r.user("cadre")
            let number = try HouseholdNumber("4304811002010001")
            let son = "43048120100615001X"
            try await households.setMemberYear(
                MemberYear(idNumber: son, year: 2018, education: .primary, studentStatus: .notInSchool, labourCapacity: .none), household: number,
                by: cadre)
            let asOf = try CivilDate("2020-10-15")
            let before = try await QualityService(r.environment).check(area: nil, asOf: asOf, by: r.user("township"))
            // 2018's row: 8 years old then, not in school (the labour finding is gone: that row says none).
            #expect(before.findings.map(\.rule) == ["DQ-032"])
            #expect(try Localizer.load(.zh).explain(before.findings[0].check).contains("8 岁"))
            try await households.setMemberYear(
                MemberYear(idNumber: son, year: 2020, education: .primary, studentStatus: .primary(grade: 4), labourCapacity: .none),
                household: number, by: cadre)
            #expect(try await QualityService(r.environment).check(area: nil, asOf: asOf, by: r.user("township")).findings.isEmpty)
            // As of 2019 the 2020 row does not exist yet: 2018's is read again.
            let earlier = try await QualityService(r.environment).check(area: nil, asOf: try CivilDate("2019-06-01"), by: r.user("township"))
            #expect(earlier.findings.map(\.rule) == ["DQ-032"])
        }
    }

    @Test func aVillageCadreChecksOnlyTheirVillage() async throws {
        try await SmallRegistry.with { r in
            let report = try await QualityService(r.environment).check(area: nil, asOf: try CivilDate("2020-10-15"), by: r.user("othercadre"))
            #expect(report.findings.isEmpty && report.area == SmallRegistry.otherVillage)
            await #expect(throws: AccessDenied.self) {
                _ = try await QualityService(r.environment).check(
                    area: try AdminCode("430481"), asOf: try CivilDate("2020-10-15"), by: r.user("othercadre"))
            }
        }
    }

    @Test func storedIncomesBelowTheLineOrNegativeAreErrors() async throws {
        try await SmallRegistry.with { r in
            try await r.store.transaction { tx in
                // Household 1 exited in 2017 at 4,000 a head (line 3,000): 6,000 for three people is 2,000.
                try await tx.sql.raw("UPDATE income_record SET migrant_wages_fen = 600000 WHERE household_number = '4304811002010001'").run()
                try await tx.sql.raw("UPDATE income_record SET crops_fen = -100 WHERE household_number = '4304811002010002'").run()
            }
            let report = try await QualityService(r.environment).check(area: nil, asOf: try CivilDate("2020-10-15"), by: r.user("township"))
            let errors = report.findings.filter { $0.severity == .error }
            #expect(errors.map(\.rule).sorted() == ["DQ-009", "DQ-011", "DQ-032"])
            #expect(errors.first { $0.rule == "DQ-011" }?.check["perCapitaNetIncome"] == .money(.yuan(2_000)))
        }
    }
}
