import Foundation
import SQLKit
import Testing
import TuopinCore
import TuopinStore
import TuopinTesting

/// household_years.csv, member_years.csv and household_groups.csv: carried by export and import
/// exactly, each field checked, and a faulty row rejecting its household whole.
@Suite("Yearly facts and special groups in the CSV format")
struct YearlyFactsImportTests {
    /// A row of `file` from its columns' values; columns not named are empty.
    static func row(_ file: RegistryFile, _ values: [String: String]) -> [String] {
        file.columns.map { values[$0] ?? "" }
    }

    static let householdYear: [String: String] = [
        "household_number": "4304811002010001", "year": "2020", "guarantees": "food;clothing;compulsoryEducation;basicMedical;safeHousing;safeWater",
        "water_litres": "60", "water_round_trip_minutes": "10", "water_lift_metres": "0", "water_shortage_days": "0",
        "medical_assistance": "true", "danger_grade": "a", "structure": "brickConcrete", "floor_area": "96.50", "built_year": "2008",
        "renovation_year": "2019", "safe_drinking_water": "true", "water_source": "tap", "road_km": "0.80", "access_road": "cement",
        "sanitary_toilet": "false", "fuels": "firewood;cleanEnergy", "arable_land": "3.20", "forest_land": "", "relocation_site": "'=安置点(一期)",
    ]

    static let memberYear: [String: String] = [
        "household_number": "4304811002010001", "id_type": "residentIdentityCard", "id_number": "430481198001010013", "year": "2020",
        "education": "juniorMiddle", "student_status": "notInSchool", "health": "chronicIllness;disabled", "disability_category": "physical",
        "disability_grade": "3", "labour_capacity": "weakOrHalf", "migrant_work": "outsideProvince", "months_worked": "8",
        "is_active_soldier": "false", "medical_insured": "true", "serious_illness_insured": "true", "resident_pension": "false",
        "employee_pension": "false", "receives_dibao": "false", "receives_tekun": "false", "public_welfare_job": "true",
        "months_employed": "4",
    ]

    static let group: [String: String] = [
        "household_number": "4304811002010002", "group": "elderlyAlone", "from_date": "2020-01-01", "to_date": "", "note": "独居",
    ]

    static func withFacts(_ edit: (inout CSVFixture) -> Void = { _ in }) -> CSVFixture {
        var fixture = CSVFixture.good
        fixture.files[.householdYears] = [
            row(.householdYears, householdYear),
            row(.householdYears, ["household_number": "4304811002010002", "year": "2020", "guarantees": "food", "medical_assistance": "false"]),
        ]
        var son = memberYear
        (son["id_number"], son["health"], son["disability_category"], son["disability_grade"]) = ("43048120100615001X", "healthy", "", "")
        (son["labour_capacity"], son["migrant_work"], son["months_worked"], son["student_status"]) = ("lost", "", "", "primary:4")
        (son["public_welfare_job"], son["months_employed"]) = ("false", "")
        fixture.files[.memberYears] = [row(.memberYears, memberYear), row(.memberYears, son)]
        var disability = group
        (disability["group"], disability["note"]) = ("severeDisability", "")
        fixture.files[.householdGroups] = [row(.householdGroups, group), row(.householdGroups, disability)]
        edit(&fixture)
        return fixture
    }

    static func rows(_ folder: URL, _ file: RegistryFile) throws -> [[String]] {
        CSVText.records(try String(contentsOf: folder.appendingPathComponent(file.fileName), encoding: .utf8)).dropFirst().map(\.fields)
    }

    @Test(arguments: TestDatabase.available)
    func theFilesComeBackExactlyThroughImportAndExport(_ database: TestDatabase) async throws {
        let fixture = Self.withFacts()
        try await database.withStore { store in
            let run = try await store.importFolder(try fixture.write())
            #expect(run.rejections.isEmpty, "\(run.rejections.prefix(3))")
            #expect(run.outcome.writtenRows[.householdYears] == 2 && run.outcome.writtenRows[.memberYears] == 2)
            #expect(run.outcome.writtenRows[.householdGroups] == 2)
            let out = RoundTripTests.folder("years")
            _ = try await store.read { try await RegistryExport.export($0, to: out) }
            for file in [RegistryFile.householdYears, .memberYears, .householdGroups] {
                #expect(try Self.rows(out, file) == fixture.files[file], "\(file.fileName)")
            }
            // Masked: health and disability, notes, and a group that tells a health condition.
            let masked = RoundTripTests.folder("years-masked")
            _ = try await store.read { try await RegistryExport.export($0, to: masked, masked: true) }
            #expect(try Self.rows(masked, .householdGroups).map { $0[1] } == ["elderlyAlone", "***"])
            let maskedMembers = try Self.rows(masked, .memberYears)
            #expect(maskedMembers.allSatisfy { $0[2].hasSuffix("************") && $0[6] == "***" })
            // What the lifecycle reads is what the file said.
            let number = try HouseholdNumber("4304811002010001")
            let year = try #require(try await HouseholdYearQuery.year(county: "430481", household: number, year: 2020, store.sql))
            #expect(year.living.floorArea?.text == "96.50" && year.living.fuels == [.firewood, .cleanEnergy] && year.living.sanitaryToilet == false)
            #expect(year.living.relocationSite == "=安置点(一期)", "the protective apostrophe is removed on import and written again on export")
            #expect(year.water == WaterAccess(litresPerPersonPerDay: 60, roundTripMinutes: 10, verticalLiftMetres: 0, shortageDaysPerYear: 0))
            let members = try await MemberYearQuery.years(county: "430481", household: number, year: 2020, store.sql)
            #expect(members.map(\.idNumber) == ["430481198001010013", "43048120100615001X"])
            #expect(members[0].disabilityCategory == .physical && members[0].disabilityGrade == 3 && members[0].migrantWork == .outsideProvince)
            #expect(members[1].studentStatus == .primary(grade: 4))
        }
    }

    /// Each fault is named at its file, line and field, and nothing is committed.
    @Test(arguments: [
        (RegistryFile.householdYears, "fuels", "firewood;coal;dung;other", "fuels"),
        (.householdYears, "built_year", "2021", "built_year"),
        (.householdYears, "renovation_year", "2005", "renovation_year"),
        (.householdYears, "water_lift_metres", "", "water_lift_metres"),
        (.householdYears, "water_litres", "-5", "water_litres"),
        (.householdYears, "danger_grade", "e", "danger_grade"),
        (.householdYears, "floor_area", "96.505", "floor_area"),
        (.householdYears, "road_km", "250", "road_km"),
        (.householdYears, "guarantees", "food;housing", "guarantees"),
        (.householdYears, "year", "2031", "year"),
        (.householdYears, "medical_assistance", "", "medical_assistance"),
        (.householdYears, "household_number", "4304811002010009", "household_number"),
        (.memberYears, "id_number", "430481198203040026X", "id_number"),
        (.memberYears, "id_number", "430424195512310033", "id_number"),
        (.memberYears, "months_worked", "13", "months_worked"),
        (.memberYears, "health", "healthy;disabled", "health"),
        (.memberYears, "health", "chronicIllness", "disability_category"),
        (.memberYears, "disability_grade", "5", "disability_category"),
        (.memberYears, "months_employed", "14", "months_employed"),
        (.memberYears, "student_status", "primary:9", "student_status"),
        (.memberYears, "year", "1900", "year"),
        (.memberYears, "year", "2011", "id_number"),
        (.memberYears, "household_number", "", "household_number"),
        (.memberYears, "household_number", "4304/81", "household_number"),
        (.householdYears, "water_round_trip_minutes", "999999999999", "water_round_trip_minutes"),
        (.householdYears, "water_shortage_days", "367", "water_shortage_days"),
        (.householdGroups, "group", "noSuchGroup", "group"),
        (.householdGroups, "to_date", "2019-12-31", "to_date"),
        (.householdGroups, "from_date", "2030-01-01", "from_date"),
        (.householdGroups, "from_date", "2020-02-30", "from_date"),
    ])
    func aFaultyFieldIsNamedAndNothingIsCommitted(_ file: RegistryFile, _ column: String, _ value: String, _ field: String) async throws {
        let fixture = Self.withFacts { f in f.files[file]![0][file.columns.firstIndex(of: column)!] = value }
        let store = try await TestDatabase.sqlite.makeStore()
        let run = try await store.importFolder(try fixture.write())
        #expect(!run.committed)
        #expect(try await store.households() == 0)
        let rejection = try #require(run.rejections.first { $0.file == file }, "\(run.rejections)")
        #expect(rejection.line == 2)
        #expect(rejection.field == field, "\(rejection.reason)")
        await store.close()
    }

    /// A household rejected for another fault: its yearly rows are reported with it, not as
    /// rows of someone who is no member.
    @Test func theYearlyRowsOfARejectedHouseholdAreReportedWithIt() async throws {
        let fixture = Self.withFacts { f in f.files[.households]![0][RegistryFile.households.columns.firstIndex(of: "main_cause")!] = "luck" }
        let store = try await TestDatabase.sqlite.makeStore()
        let run = try await store.importFolder(try fixture.write(), partial: true)
        let years = run.rejections.filter { $0.file == .memberYears }
        #expect(years.count == 2 && years.allSatisfy { $0.reason == .householdRejected("4304811002010001") }, "\(years.map(\.reason))")
        await store.close()
    }

    /// The code table travels: a group an administrator added elsewhere comes with its tags,
    /// the built-in ones are known already, and a group known under other names is refused.
    @Test(arguments: TestDatabase.available)
    func anAddedSpecialGroupComesWithItsTags(_ database: TestDatabase) async throws {
        let fixture = Self.withFacts { f in
            f.files[.specialGroups] = [["relocated", "易地扶贫搬迁户", "relocated household"], ["retiredFarmer", "'=退耕农户", "retired farmer"]]
            f.files[.householdGroups]!.append(
                Self.row(.householdGroups, ["household_number": "4304811002010001", "group": "retiredFarmer", "from_date": "2019-05-01"]))
        }
        try await database.withStore { store in
            let run = try await store.importFolder(try fixture.write())
            #expect(run.rejections.isEmpty, "\(run.rejections.prefix(3))")
            #expect(run.outcome.writtenRows[.specialGroups] == 1)
            #expect(run.outcome.unchangedRows == 1, "the built-in group the file names is kept as it is, and counted so")
            #expect(run.outcome.readRows == run.outcome.written + run.outcome.rejectedRows + run.outcome.unchangedRows, "no row unaccounted for")
            let groups = try await SpecialGroupQuery.groups(store.sql)
            #expect(groups.first { $0.token == "retiredFarmer" }?.label == Label("=退耕农户", "retired farmer") && groups.count == 5)
            let out = RoundTripTests.folder("groups")
            _ = try await store.read { try await RegistryExport.export($0, to: out) }
            let exported = try Self.rows(out, .specialGroups)
            #expect(exported.map(\.[0]) == ["elderlyAlone", "relocated", "retiredFarmer", "retiredFisherman", "severeDisability"])
            #expect(exported.contains(["retiredFarmer", "'=退耕农户", "retired farmer"]), "formula-protected, as written")
        }
        // A county's importer does not add to the whole registry's code table.
        try await database.withStore { store in
            let run = try await store.importFolder(try fixture.write(), partial: true, scope: .area(try AdminCode("430481")))
            let refused = try #require(run.rejections.first { $0.file == .specialGroups })
            #expect(refused.line == 3 && refused.field == "token" && refused.reason == .unknownSpecialGroup("retiredFarmer"))
            #expect(try await SpecialGroupQuery.groups(store.sql).count == 4)
        }
    }

    @Test(arguments: [
        (["relocated", "搬迁户", "relocated"], "name_zh"), (["1bad", "坏", "bad"], "token"), (["good", "", "good"], "name_zh"),
    ])
    func aSpecialGroupRowIsCheckedAgainstTheCodeTable(_ fields: [String], _ field: String) async throws {
        let fixture = Self.withFacts { f in f.files[.specialGroups] = [fields] }
        let store = try await TestDatabase.sqlite.makeStore()
        let run = try await store.importFolder(try fixture.write())
        let rejection = try #require(run.rejections.first { $0.file == .specialGroups })
        #expect(rejection.line == 2 && rejection.field == field, "\(rejection.reason)")
        #expect(!run.committed)
        await store.close()
    }

    @Test func aRepeatedYearIsNamedWithItsFirstLine() async throws {
        let fixture = Self.withFacts { f in f.files[.householdYears]!.append(f.files[.householdYears]![0]) }
        let store = try await TestDatabase.sqlite.makeStore()
        let run = try await store.importFolder(try fixture.write())
        let rejection = try #require(run.rejections.first { $0.file == .householdYears && $0.line == 4 })
        #expect(rejection.field == "year" && rejection.reason == .duplicateRow(firstLine: 2))
        #expect(!run.committed)
        await store.close()
    }

    /// With `--skip-invalid`, a bad yearly row takes its whole household out (its events,
    /// members and incomes, written before the row was read), and keeps the other.
    @Test(arguments: TestDatabase.available)
    func aBadYearlyRowRejectsItsHouseholdWhole(_ database: TestDatabase) async throws {
        let fixture = Self.withFacts { f in f.files[.memberYears]![1][RegistryFile.memberYears.columns.firstIndex(of: "months_worked")!] = "13" }
        try await database.withStore { store in
            let run = try await store.importFolder(try fixture.write(), partial: true)
            #expect(run.committed)
            #expect(try await store.households() == 1)
            let left = try await store.sql.raw("SELECT household_number FROM membership").all().map {
                try $0.decode(column: "household_number", as: String.self)
            }
            #expect(Set(left) == ["4304811002010002"])
            #expect(try await store.sql.raw("SELECT COUNT(*) AS n FROM member_year").first()?.decode(column: "n", as: Int.self) == 0)
            #expect(try await store.sql.raw("SELECT COUNT(*) AS n FROM household_year").first()?.decode(column: "n", as: Int.self) == 1)
            #expect(try await store.sql.raw("SELECT COUNT(*) AS n FROM special_group_tag").first()?.decode(column: "n", as: Int.self) == 2)
            // Every row of the household is listed as not committed, with the faulty one's reason.
            let files = Set(run.rejections.filter { $0.reason == .householdRejected("4304811002010001") }.map(\.file))
            #expect(files.isSuperset(of: [.households, .statusEvents, .members, .incomes, .householdYears]))
            #expect(run.rejections.contains { $0.file == .memberYears && $0.field == "months_worked" })
        }
    }
}
