import Foundation
import SQLKit
import Testing
import TuopinCore
import TuopinStore
import TuopinTesting

/// local_codes.csv and the local causes of households.csv: the code lists travel with the
/// registry, a cause may be written as a local code, and export gives back what was imported.
@Suite("Local codes in the CSV format (REFERENCE §2.6)")
struct LocalCodeImportTests {
    static let codes = [
        ["povertyCause", "dowry", "因彩礼", "bride price", "marriage"],
        ["povertyCause", "flood", "因洪涝", "flood", "因灾"],
        ["riskType", "dowryRisk", "因彩礼", "bride price", "other"],
    ]

    static func column(_ name: String) -> Int { RegistryFile.households.columns.firstIndex(of: name)! }

    /// The fixture with the codes, and the first household's causes as given.
    static func fixture(main: String, secondary: String = "", local: String = "", codes: [[String]] = codes) -> CSVFixture {
        var f = CSVFixture.good
        f.files[.localCodes] = codes
        f.files[.households]![0][column("main_cause")] = main
        f.files[.households]![0][column("secondary_causes")] = secondary
        f.files[.households]![0][column("local_causes")] = local
        return f
    }

    static func stored(_ sql: any SQLDatabase) async throws -> [String] {
        try await sql.raw("SELECT main_cause, secondary_causes, local_causes FROM household WHERE household_number = '4304811002010001'").all()
            .map {
                [
                    try $0.decode(column: "main_cause", as: String.self), try $0.decode(column: "secondary_causes", as: String.self),
                    try $0.decode(column: "local_causes", as: String.self),
                ]
            }.first ?? []
    }

    @Test(arguments: TestDatabase.available)
    func aCauseWrittenAsALocalCodeIsStoredAsItsBaseAndExportedBack(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let run = try await store.importFolder(try Self.fixture(main: "因彩礼", secondary: "flood;lackOfSkills").write())
            #expect(run.rejections.isEmpty, "\(run.rejections.prefix(3))")
            #expect(run.outcome.writtenRows[.localCodes] == 3)
            #expect(try await Self.stored(store.sql) == ["marriage", "disaster;lackOfSkills", "dowry;flood"])
            let book = try await LocalCodeQuery.book(store.sql)
            #expect(book.resolve("因彩礼", in: .riskType) == CodeChoice(base: "other", local: "dowryRisk"))

            let out = RoundTripTests.folder("local-codes")
            _ = try await store.read { try await RegistryExport.export($0, to: out) }
            let households = try YearlyFactsImportTests.rows(out, .households)
            let first = try #require(households.first)
            #expect(first[Self.column("main_cause")] == "marriage" && first[Self.column("local_causes")] == "dowry;flood")
            #expect(try YearlyFactsImportTests.rows(out, .localCodes).map(\.[1]) == ["dowry", "flood", "dowryRisk"])

            // The exported folder imports into an empty registry as it was.
            try await TestDatabase.sqlite.withStore { other in
                let again = try await other.importFolder(out)
                #expect(again.rejections.isEmpty, "\(again.rejections.prefix(3))")
                #expect(try await Self.stored(other.sql) == ["marriage", "disaster;lackOfSkills", "dowry;flood"])
            }
        }
    }

    @Test(arguments: [
        // main, secondary, local_causes, the field refused, the reason
        ("illness", "", "dowry", "local_causes", ImportRejection.Reason.localCodeWithoutBase("dowry", base: "marriage")),
        ("marriage", "", "wedding", "local_causes", .unknownCode("wedding")),
        ("dowryRisk", "", "", "main_cause", .unknownCode("dowryRisk")),
        ("illness", "flood;sick", "", "secondary_causes", .unknownCode("sick")),
    ])
    func aLocalCauseMustRefineACauseOfTheHousehold(
        main: String, secondary: String, local: String, field: String, reason: ImportRejection.Reason
    )
        async throws
    {
        let store = try await TestDatabase.sqlite.makeStore()
        let run = try await store.importFolder(try Self.fixture(main: main, secondary: secondary, local: local).write())
        let rejection = try #require(run.rejections.first { $0.file == .households })
        #expect(rejection.line == 2 && rejection.field == field && rejection.reason == reason, "\(rejection)")
        #expect(!run.committed)
        await store.close()
    }

    @Test(arguments: [
        (["riskType", "1bad", "坏", "", "other"], "token"), (["riskType", "good", "", "", "other"], "name_zh"),
        (["riskType", "good", "好", "", "wedding"], "base"), (["riskList", "good", "好", "", "other"], "list"),
        // A name that clashes is the name's fault; a token that clashes, the token's.
        (["riskType", "sick", "因病", "", "other"], "name_zh"), (["riskType", "illness", "生病", "", "other"], "token"),
    ])
    func aLocalCodeRowIsCheckedAgainstItsList(_ fields: [String], _ field: String) async throws {
        let store = try await TestDatabase.sqlite.makeStore()
        let run = try await store.importFolder(try Self.fixture(main: "illness", codes: [fields]).write())
        let rejection = try #require(run.rejections.first { $0.file == .localCodes })
        #expect(rejection.line == 2 && rejection.field == field, "\(rejection.reason)")
        #expect(!run.committed)
        await store.close()
    }

    /// A county's importer may name the registry's codes but not add to them; a code the
    /// registry has under another name or base is refused.
    @Test func onlyTheWholeRegistrysImporterAddsCodes() async throws {
        let store = try await TestDatabase.sqlite.makeStore()
        let county = try await store.importFolder(try Self.fixture(main: "illness").write(), partial: true, scope: .area(try AdminCode("430481")))
        let refused = try #require(county.rejections.first { $0.file == .localCodes })
        #expect(refused.field == "token" && refused.reason == .unknownCode("dowry"))
        #expect(try await LocalCodeQuery.codes(store.sql).isEmpty)
        let moved = [["povertyCause", "dowry", "因彩礼", "bride price", "other"]]
        _ = try await store.importFolder(try Self.fixture(main: "illness", codes: [Self.codes[0]]).write())
        let differs = try await store.importFolder(try Self.fixture(main: "illness", codes: moved).write())
        #expect(differs.rejections.first { $0.file == .localCodes }?.reason == .localCodeDiffers("dowry"))
        await store.close()
    }

    /// A households.csv written before `local_causes` was added still imports.
    @Test func aFileWithoutTheLaterColumnImports() async throws {
        let folder = try CSVFixture.good.write()
        let path = folder.appendingPathComponent(RegistryFile.households.fileName)
        let lines = try String(contentsOf: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let cut = lines.map { line in
            line.hasSuffix(",local_causes") ? String(line.dropLast(",local_causes".count)) : String(line.dropLast(line.isEmpty ? 0 : 1))
        }
        try cut.joined(separator: "\n").write(to: path, atomically: true, encoding: .utf8)
        #expect(!(try String(contentsOf: path, encoding: .utf8)).contains("local_causes"))
        let store = try await TestDatabase.sqlite.makeStore()
        let run = try await store.importFolder(folder)
        #expect(run.rejections.isEmpty, "\(run.rejections.prefix(3))")
        #expect(try await store.households() == 2)
        await store.close()
    }
}
