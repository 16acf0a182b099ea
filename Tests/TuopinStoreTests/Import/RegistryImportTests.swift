import Foundation
import Testing
import TuopinCore
import TuopinStore
import TuopinTesting

@Suite("CSV import: every bad row reported, whole households or nothing (DESIGN principle 6)")
struct RegistryImportTests {
    @Test(arguments: TestDatabase.available)
    func goodFilesImportCompletely(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let run = try await store.importFolder(try CSVFixture.good.write())
            #expect(run.rejections.isEmpty, "\(run.places)")
            #expect(run.committed)
            #expect(
                run.outcome.writtenRows[.households] == 2 && run.outcome.writtenRows[.members] == 4 && run.outcome.writtenRows[.statusEvents] == 3)
            #expect(try await store.households() == 2)
            let income = try await store.sql.raw("SELECT migrant_wages_fen FROM income_record WHERE household_number = '4304811002010001'")
                .first()?.decode(column: "migrant_wages_fen", as: Int64.self)
            #expect(income == 1_200_000)
        }
    }

    /// A bad check digit, an unknown area, a negative income, two heads and one ID in two
    /// households, each reported with file, line, field and reason.
    @Test(arguments: TestDatabase.available)
    func everyFaultIsReportedPrecisely(_ database: TestDatabase) async throws {
        var fixture = CSVFixture.good
        fixture.files[.members]![1][6] = "430481198203040027"  // line 3: the check character should be 6
        fixture.files[.members]!.append(CSVFixture.member("4304811002010001", "head", "430481197507070019", "刘军", "male", "1975-07-07"))
        fixture.files[.households]![1][1] = "430481100299"  // line 3: no such village
        fixture.files[.incomes]![0][3] = "-5.00"  // line 2: a negative wage
        try await database.withStore { store in
            let run = try await store.importFolder(try fixture.write())
            let r = run.rejections
            #expect(
                r.contains {
                    $0.file == .members && $0.line == 3 && $0.field == "id_number"
                        && $0.reason
                            == .rule(
                                Check(
                                    IdentityRules.checkCharacter, passed: false,
                                    values: [ReasonValue("expected", .token("6")), ReasonValue("found", .token("7"))]))
                }, "\(run.places)")
            #expect(r.contains { $0.file == .households && $0.line == 3 && $0.field == "village_code" && $0.reason == .unknownArea("430481100299") })
            #expect(r.contains { $0.file == .incomes && $0.line == 2 && $0.field == "migrantWages" && run.rules.contains("DQ-009") })
            #expect(r.contains { $0.file == .members && $0.line == 6 && $0.field == "relation" && $0.reason.isRule("DQ-006.twoHeads") })
            #expect(!run.committed && r.allSatisfy { $0.line >= 2 })
            #expect(try await store.households() == 0, "nothing is written")
        }
    }

    @Test(arguments: TestDatabase.available)
    func oneIdentityInTwoHouseholdsIsRefused(_ database: TestDatabase) async throws {
        var fixture = CSVFixture.good
        fixture.files[.members]!.append(CSVFixture.member("4304811002010001", "father", "430424195512310033", "王强", "male", "1955-12-31"))
        let run = try await database.withStore { try await $0.importFolder(try fixture.write()) }
        #expect(
            run.rejections.contains {
                $0.file == .members && $0.line == 6 && $0.field == "id_number"
                    && $0.reason == .identityInTwoHouseholds(otherHousehold: "4304811002010002", otherLine: 5)
            })
    }

    @Test(arguments: TestDatabase.available)
    func sexAndBirthDateMustAgreeWithTheIdentityNumber(_ database: TestDatabase) async throws {
        var fixture = CSVFixture.good
        fixture.files[.members]![0][8] = "female"
        fixture.files[.members]![0][9] = "1980-01-02"
        let run = try await database.withStore { try await $0.importFolder(try fixture.write()) }
        let onLine2 = run.rejections.filter { $0.file == .members && $0.line == 2 }
        #expect(onLine2.map(\.field) == ["birth_date", "sex"])
        #expect(onLine2.map(\.reason).allSatisfy { $0.isRule("DQ-002.record") || $0.isRule("DQ-003") })
        // Its household goes with it, every row reported.
        #expect(run.rejections.contains { $0.file == .households && $0.line == 2 && $0.reason == .householdRejected("4304811002010001") })
        #expect(!run.rejections.contains { $0.reason.isRule("DQ-006.noHead") }, "no head is not reported when only the head's row is wrong")
    }

    /// --skip-invalid never commits half a household: a bad income row takes the household's
    /// events and members with it, and every one of those rows is reported.
    @Test(arguments: TestDatabase.available)
    func aHouseholdWithAnyBadRowIsRejectedWhole(_ database: TestDatabase) async throws {
        var fixture = CSVFixture.good
        fixture.files[.incomes]![0][3] = "12,0x0.00"  // household 1's income: not an amount
        try await database.withStore { store in
            let run = try await store.importFolder(try fixture.write(), partial: true)
            #expect(run.committed)
            #expect(try await store.households() == 1)
            let kept = try await store.sql.raw("SELECT household_number FROM status_event").all().map {
                try $0.decode(column: "household_number", as: String.self)
            }
            #expect(Set(kept) == ["4304811002010002"])
            #expect(try await store.sql.raw("SELECT COUNT(*) AS n FROM membership").first()?.decode(column: "n", as: Int.self) == 1)
            let cascaded = run.rejections.filter { $0.reason == .householdRejected("4304811002010001") }
            #expect(cascaded.map(\.file) == [.households, .statusEvents, .statusEvents, .members, .members, .members])
            #expect(cascaded.allSatisfy { !$0.fields.isEmpty }, "each rejected row comes with the row as read")
        }
    }

    @Test(arguments: TestDatabase.available)
    func importingTwiceIsRefusedRowByRow(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let folder = try CSVFixture.good.write()
            #expect(try await store.importFolder(folder).committed)
            let again = try await store.importFolder(folder)
            #expect(!again.committed)
            #expect(again.rejections.filter { $0.reason == .householdAlreadyInRegistry($0.fields.first ?? "") }.count == 2)
            #expect(again.rejections.contains { $0.reason == .profileAlreadyInRegistry(year: 2020) })
            #expect(again.rejections.contains { $0.reason == .areaEventAlreadyInRegistry })
            #expect(again.outcome.writtenRows[.areas] == nil, "known areas are not inserted twice")
        }
    }

    /// A person already in the registry, here in another county, is a row reason, never a
    /// database error.
    @Test(arguments: TestDatabase.available)
    func aPersonAlreadyInTheRegistryIsAReasonNotADatabaseError(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            #expect(try await store.importFolder(try CSVFixture.good.write()).committed)
            var moved = CSVFixture.good
            moved.files[.areas]! += [["430424", "衡东县", "county"], ["430424100", "城关镇", "town"], ["430424100201", "新塘村", "village"]]
            moved.files[.households] = [
                ["4304241002010001", "430424100201", "national", "general", "illness", "", "2014", "", "false", "false", "false", "", "", ""]
            ]
            moved.files[.statusEvents] = [["4304241002010001", "1", "identified", "notExited", "2014-05-01", ""]]
            moved.files[.members] = [CSVFixture.member("4304241002010001", "head", "430481198001010013", "刘伟", "male", "1980-01-01")]
            moved.files[.incomes] = nil
            moved.files[.villageProfiles] = nil
            moved.files[.areaEvents] = nil
            let run = try await store.importFolder(try moved.write(), partial: true)
            #expect(
                run.rejections.contains { $0.file == .members && $0.field == "id_number" && $0.reason == .identityAlreadyInRegistry }, "\(run.places)"
            )
            #expect(try await store.households() == 2, "the household of the known person is not committed")
        }
    }

    @Test(arguments: TestDatabase.available)
    func rowsOutsideTheImportersScopeAreRejectedWithTheirHousehold(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            var areasOnly = CSVFixture.good
            areasOnly.files = [.areas: CSVFixture.good.files[.areas]!]
            #expect(try await store.importFolder(try areasOnly.write()).committed)
            let folder = try CSVFixture.good.write()
            // An officer of another township (小水镇 430481101) may not write 黄市镇's village.
            let outside = try await store.importFolder(folder, partial: true, scope: .area(try AdminCode("430481101")))
            #expect(!outside.committed)
            #expect(
                outside.rejections.filter { $0.reason == .outsideScope("430481100201") }.map(\.file)
                    == [.areaEvents, .areaEvents, .villageProfiles, .households, .households])
            // The village's own township may.
            let inside = try await store.checkImport(folder, scope: .area(try AdminCode("430481100")))
            #expect(inside.rejections.isEmpty && inside.committed)
        }
    }

    /// A household found wanting only when its whole membership is known (its head left) was
    /// written already: it is taken out again, people and all, and each of its rows reported.
    @Test(arguments: TestDatabase.available)
    func aHouseholdRejectedAfterItsRowsWereWrittenLeavesNoTrace(_ database: TestDatabase) async throws {
        var fixture = CSVFixture.good
        fixture.files[.members]![0][3] = "2019-03-01"  // 刘伟, the head, left …
        fixture.files[.members]![0][4] = "migration"  // … and nobody became head
        try await database.withStore { store in
            let run = try await store.importFolder(try fixture.write(), partial: true)
            #expect(run.committed)
            for table in ["household", "status_event", "membership", "income_record"] {
                let n = try await store.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table) WHERE household_number = '4304811002010001'").first()?
                    .decode(column: "n", as: Int.self)
                #expect(n == 0, "\(table)")
            }
            let people = try await store.sql.raw("SELECT id_number FROM member ORDER BY id_number").all().map {
                try $0.decode(column: "id_number", as: String.self)
            }
            #expect(people == ["430424195512310033"], "the people of the household taken out are gone too")
            #expect(run.rejections.contains { $0.file == .households && $0.line == 2 && $0.reason.isRule("DQ-006.headLeft") && !$0.fields.isEmpty })
            #expect(
                run.rejections.filter { $0.reason == .householdRejected("4304811002010001") }.map(\.file)
                    == [.statusEvents, .statusEvents, .members, .members, .members, .incomes])
            #expect(run.outcome.rejectedRows == 7 && run.outcome.writtenRows[.households] == 1)
        }
    }
}

extension RegistryImportTests {
    /// 李芳 moves from household 0001 to 0002; 0001 is then rejected by a bad income row, after
    /// its members were written. She keeps her `member` row (0002 stays); 刘伟 and 刘浩 go.
    @Test(arguments: TestDatabase.available)
    func aPersonWhoMovedKeepsTheirRecordWhenTheHouseholdTheyLeftIsRejected(_ database: TestDatabase) async throws {
        var fixture = CSVFixture.good
        fixture.files[.members]![1][3] = "2019-03-01"
        fixture.files[.members]![1][4] = "migration"
        var moved = CSVFixture.member("4304811002010002", "spouse", "430481198203040026", "李芳", "female", "1982-03-04")
        moved[2] = "2019-03-01"
        fixture.files[.members]!.append(moved)
        fixture.files[.incomes]![0][3] = "-5.00"
        try await database.withStore { store in
            let run = try await store.importFolder(try fixture.write(), partial: true)
            #expect(run.committed)
            let people = try await store.sql.raw("SELECT id_number FROM member ORDER BY id_number").all().map {
                try $0.decode(column: "id_number", as: String.self)
            }
            #expect(people == ["430424195512310033", "430481198203040026"])
            let memberships = try await store.sql.raw("SELECT household_number, id_number FROM membership ORDER BY household_number, id_number").all()
                .map {
                    "\(try $0.decode(column: "household_number", as: String.self)) \(try $0.decode(column: "id_number", as: String.self))"
                }
            #expect(memberships == ["4304811002010002 430424195512310033", "4304811002010002 430481198203040026"])
            // The household row, two events and three member rows were written, then taken out.
            #expect(
                run.rejections.filter { $0.reason == .householdRejected("4304811002010001") }.map(\.file)
                    == [.households, .statusEvents, .statusEvents, .members, .members, .members])
            #expect(run.outcome.rejectedRows == 7 && run.outcome.writtenRows[.members] == 2)
        }
    }
}

extension ImportRejection.Reason {
    /// Whether the reason is the Core check with this id.
    func isRule(_ id: String) -> Bool {
        if case .rule(let check) = self { return check.rule.rawValue == id }
        return false
    }
}
