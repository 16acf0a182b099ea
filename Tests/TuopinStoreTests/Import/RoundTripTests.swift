import Foundation
import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinTesting

@Suite("Export and import round-trip, and masked exports")
struct RoundTripTests {
    static func folder(_ prefix: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("tuopin-\(prefix)-" + UUID().uuidString)
    }

    /// A village and a township of the Leiyang demo, each exported alone, into an empty database
    /// of each kind and back: the export carries its ancestors, so it imports on its own.
    @Test(arguments: TestDatabase.available.flatMap { db in ["430481100201", "430481100"].map { (db, $0) } })
    func exportThenImportGivesTheSameFilesAndFigures(_ database: TestDatabase, _ code: String) async throws {
        let source = try await DemoFixture.shared.store()
        let first = Self.folder("rt")
        let area = try AdminCode(code)
        _ = try await source.read { try await RegistryExport.export($0, to: first, area: area) }

        try await database.withStore { target in
            let run = try await target.importFolder(first)
            #expect(run.rejections.isEmpty, "\(run.places.prefix(3))")
            #expect(run.committed)

            let second = Self.folder("rt")
            _ = try await target.read { try await RegistryExport.export($0, to: second, area: area) }
            for file in RegistryFile.allCases {
                let a = try String(contentsOf: first.appendingPathComponent(file.fileName), encoding: .utf8)
                let b = try String(contentsOf: second.appendingPathComponent(file.fileName), encoding: .utf8)
                let firstDifference = zip(a.split(separator: "\n"), b.split(separator: "\n")).first { $0 != $1 }
                #expect(a == b, "\(file.fileName) differs after the round trip: \(firstDifference.map { "\($0.0) ≠ \($0.1)" } ?? "in length")")
            }
            let day = CivilDate(year: 2020, month: 10, day: 15)!
            let before = try await StatisticsService(try TestEnvironment.make(store: source)).summary(
                of: area, asOf: day, by: TestEnvironment.system)
            let after = try await StatisticsService(try TestEnvironment.make(store: target)).summary(
                of: area, asOf: day, by: TestEnvironment.system)
            #expect(before.counts == after.counts)
            #expect(before.incidence == after.incidence)
            #expect(before.counts.enrolledHouseholds > 0)
        }
    }

    /// DESIGN principle 8: no field, and no combination of fields, gives back an ID number, a
    /// birth date, a name or a health condition.
    @Test func maskedExportsLeaveNothingFromWhichAnIdentityCanBeRebuilt() async throws {
        let source = try await DemoFixture.shared.store()
        let plain = Self.folder("plain"), masked = Self.folder("mask")
        let village = try AdminCode("430481100201")
        _ = try await source.read { try await RegistryExport.export($0, to: plain, area: village) }
        _ = try await source.read { try await RegistryExport.export($0, to: masked, area: village, masked: true) }
        func rows(_ folder: URL, _ file: RegistryFile) throws -> [[String]] {
            CSVText.records(try String(contentsOf: folder.appendingPathComponent(file.fileName), encoding: .utf8)).dropFirst().map(\.fields)
        }
        let columns = RegistryFile.members.columns
        func column(_ name: String) -> Int { columns.firstIndex(of: name) ?? -1 }
        let clear = try rows(plain, .members), hidden = try rows(masked, .members)
        #expect(clear.count == hidden.count && !hidden.isEmpty)
        let everyMaskedCell = try RegistryFile.allCases.flatMap { try rows(masked, $0).flatMap { $0 } }
        for (original, row) in zip(clear, hidden) {
            let id = original[column("id_number")], birth = original[column("birth_date")]
            // No cell of any file holds the ID number or its 8 birth digits; no cell of the person's
            // row holds the birth date (other files' dates are the household's events, and may fall
            // on anyone's birthday).
            for cell in everyMaskedCell { #expect(!cell.contains(id) && !cell.contains(String(id.dropFirst(6).prefix(8)))) }
            #expect(!row.contains(birth) && !row.contains(original[column("name")]))
            #expect(row[column("id_number")] == String(id.prefix(6)) + String(repeating: "*", count: 12))
            #expect(row[column("birth_date")] == String(birth.prefix(4)) + "-**-**")
            #expect(row[column("name")] != original[column("name")] && row[column("name")].hasSuffix("*"))
            #expect(row[column("health")] == "***")
            // What is left to rebuild from: the address code, the birth year and the sex. No cell
            // of the row names a month or a day (a child's membership starts on its birthday),
            // so every day of the year and every sequence number of that sex stay possible.
            for cell in row where cell.count >= 7 && cell.prefix(4).allSatisfy(\.isNumber) && cell.dropFirst(4).first == "-" {
                #expect(cell.hasSuffix("-**-**"), "only the year of a date survives masking: \(cell)")
            }
            #expect(row[column("from_date")].count == 4 && row[column("from_date")] == String(original[column("from_date")].prefix(4)))
        }
        let households = try rows(masked, .households)
        let phone = RegistryFile.households.columns.firstIndex(of: "phone")!, bank = RegistryFile.households.columns.firstIndex(of: "bank_account")!
        #expect(households.allSatisfy { ($0[phone].isEmpty || $0[phone] == "***") && ($0[bank].isEmpty || $0[bank] == "***") })
        #expect(try rows(plain, .households).contains { !$0[phone].isEmpty }, "the unmasked file does hold phones")
    }
}
