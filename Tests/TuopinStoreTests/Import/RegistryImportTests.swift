import Foundation
import Testing
import TuopinCore
import TuopinStore
import TuopinTesting

@Suite("CSV import: every bad row reported, nothing committed (DESIGN principle 6)")
struct RegistryImportTests {
    @Test(arguments: TestDatabase.available)
    func goodFilesImportCompletely(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let outcome = try await store.validateImport(try CSVFixture.good.write())
            #expect(outcome.rejections.isEmpty)
            #expect(outcome.batch.households.count == 2)
            #expect(outcome.batch.members.count == 4)
            try await store.commit(outcome.batch)
            #expect(try await store.households() == 2)
            let income = try await store.sql.raw("SELECT migrant_wages_fen FROM income_record WHERE household_number = '4304811002010001'")
                .first()!.decode(column: "migrant_wages_fen", as: Int64.self)
            #expect(income == 1_200_000)
        }
    }

    /// The issue's check: a bad check digit, an unknown area, a negative income, two heads and one
    /// ID in two households, each reported with file, line, field and reason.
    @Test(arguments: TestDatabase.available)
    func everyFaultIsReportedPrecisely(_ database: TestDatabase) async throws {
        var fixture = CSVFixture.good
        // members.csv line 3: check character should be 6.
        fixture.files[.members]![1][6] = "430481198203040027"
        // A second head in household 1 (members.csv line 6), and household 2's head also listed in household 1 (line 7).
        fixture.files[.members]!.append(CSVFixture.member("4304811002010001", "head", "430481197507070019", "刘军", "male", "1975-07-07"))
        fixture.files[.members]!.append(CSVFixture.member("4304811002010001", "father", "430424195512310033", "王强", "male", "1955-12-31"))
        // households.csv line 3: a village that does not exist.
        fixture.files[.households]![1][1] = "430481100299"
        // incomes.csv line 2: a negative wage.
        fixture.files[.incomes]![0][3] = "-5.00"

        try await database.withStore { store in
            let outcome = try await store.validateImport(try fixture.write())
            let found = outcome.rejections.map { "\($0.file.fileName):\($0.line):\($0.field ?? "-")" }
            #expect(
                outcome.rejections.contains {
                    $0.file == .members && $0.line == 3 && $0.field == "id_number"
                        && $0.reason == .invalidIdentityNumber(.wrongCheckCharacter(expected: "6", found: "7"))
                }, "\(found)")
            #expect(
                outcome.rejections.contains {
                    $0.file == .households && $0.line == 3 && $0.field == "village_code"
                        && $0.reason == .unknownArea("430481100299")
                }, "\(found)")
            #expect(
                outcome.rejections.contains {
                    $0.file == .incomes && $0.line == 2 && $0.field == "migrantWages"
                        && $0.reason == .negativeAmount(Money(fen: -500))
                }, "\(found)")
            #expect(
                outcome.rejections.contains {
                    $0.file == .members && $0.line == 6 && $0.field == "relation"
                        && $0.reason == .secondHead(firstLine: 2)
                }, "\(found)")
            // Household 2 was rejected (unknown village), so its head's own row goes with it and the
            // same ID in household 1 is then the only claim: check the DQ-007 case on its own below.
            #expect(outcome.rejections.allSatisfy { $0.line >= 2 })
            #expect(try await store.households() == 0, "validation writes nothing")
        }
    }

    @Test(arguments: TestDatabase.available)
    func oneIdentityInTwoHouseholdsIsRefused(_ database: TestDatabase) async throws {
        var fixture = CSVFixture.good
        fixture.files[.members]!.append(CSVFixture.member("4304811002010001", "father", "430424195512310033", "王强", "male", "1955-12-31"))
        let outcome = try await database.withStore { try await $0.validateImport(try fixture.write()) }
        #expect(
            outcome.rejections.contains {
                $0.file == .members && $0.line == 6 && $0.field == "id_number"
                    && $0.reason == .identityInTwoHouseholds(otherHousehold: "4304811002010002", otherLine: 5)
            })
    }

    @Test(arguments: TestDatabase.available)
    func sexAndBirthDateMustAgreeWithTheIdentityNumber(_ database: TestDatabase) async throws {
        var fixture = CSVFixture.good
        fixture.files[.members]![0][8] = "female"
        fixture.files[.members]![0][9] = "1980-01-02"
        let outcome = try await database.withStore { try await $0.validateImport(try fixture.write()) }
        let onLine2 = outcome.rejections.filter { $0.file == .members && $0.line == 2 }
        #expect(
            onLine2.map(\.reason) == [
                .sexDisagreesWithIdentityNumber(recorded: .female, fromNumber: .male),
                .birthDateDisagreesWithIdentityNumber(
                    recorded: CivilDate(year: 1980, month: 1, day: 2)!, fromNumber: CivilDate(year: 1980, month: 1, day: 1)!),
            ])
        // Without its head the household cannot be committed (DQ-006).
        #expect(outcome.rejections.contains { $0.file == .households && $0.line == 2 && $0.reason == .noHead })
    }

    @Test(arguments: TestDatabase.available)
    func rowsOfARejectedHouseholdAreRejectedWithIt(_ database: TestDatabase) async throws {
        var fixture = CSVFixture.good
        fixture.files[.households]![0][4] = "sickness"  // unknown main cause
        let outcome = try await database.withStore { try await $0.validateImport(try fixture.write()) }
        #expect(outcome.batch.households.map(\.number.rawValue) == ["4304811002010002"])
        #expect(
            outcome.rejections.filter { $0.reason == .householdRejected("4304811002010001") }.map(\.file)
                == [.statusEvents, .statusEvents, .members, .members, .members, .incomes])
        #expect(outcome.batch.members.count == 1)
    }

    @Test(arguments: TestDatabase.available)
    func aMissingColumnIsReportedOnTheHeader(_ database: TestDatabase) async throws {
        var fixture = CSVFixture.good
        fixture.files[.villageProfiles] = nil
        let folder = try fixture.write()
        try "village_code,year\n430481100201,2020\n".write(
            to: folder.appendingPathComponent("village_profiles.csv"), atomically: true, encoding: .utf8)
        let outcome = try await database.withStore { try await $0.validateImport(folder) }
        #expect(outcome.rejections.map(\.reason) == [.missingColumn("rural_registered_population"), .missingColumn("collective_income")])
        #expect(outcome.rejections.allSatisfy { $0.line == 1 && $0.file == .villageProfiles })
    }

    @Test(arguments: TestDatabase.available)
    func importingTwiceIsRefusedRowByRow(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let folder = try CSVFixture.good.write()
            try await store.commit(try await store.validateImport(folder).batch)
            let again = try await store.validateImport(folder)
            #expect(again.rejections.filter { if case .householdAlreadyInRegistry = $0.reason { true } else { false } }.count == 2)
            #expect(again.batch.areas.isEmpty, "known areas are not inserted twice")
        }
    }

    @Test(arguments: TestDatabase.available)
    func rowsOutsideTheImportersScopeAreRejectedWithTheirHousehold(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            var areasOnly = CSVFixture.good
            areasOnly.files = [.areas: CSVFixture.good.files[.areas]!]
            try await store.commit(try await store.validateImport(try areasOnly.write()).batch)
            let folder = try CSVFixture.good.write()
            // An officer of another township (小水镇 430481101) may not write 黄市镇's village.
            let outside = try await store.validateImport(folder, scope: .area(try AdminCode("430481101")))
            #expect(outside.batch.households.isEmpty && outside.batch.areaEvents.isEmpty && outside.batch.profiles.isEmpty)
            #expect(
                outside.rejections.filter { $0.reason == .outsideScope("430481100201") }.map(\.file)
                    == [.areaEvents, .areaEvents, .villageProfiles, .households, .households])
            #expect(outside.rejections.contains { $0.reason == .householdRejected("4304811002010001") && $0.file == .members })
            // The village's own township may.
            let inside = try await store.validateImport(folder, scope: .area(try AdminCode("430481100")))
            #expect(inside.rejections.isEmpty)
            #expect(inside.batch.households.count == 2)
        }
    }

    @Test func quotedFieldsAndBlankLinesAreRead() {
        let records = CSVText.records("a,b\n\"x, \"\"y\"\"\",2\n\n\"multi\nline\",3")
        #expect(records.map(\.line) == [1, 2, 4])
        #expect(records[1].fields == ["x, \"y\"", "2"])
        #expect(records[2].fields == ["multi\nline", "3"])
    }
}
