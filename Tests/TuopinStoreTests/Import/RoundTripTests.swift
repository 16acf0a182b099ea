import Foundation
import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinTesting

@Suite("Export and import round-trip")
struct RoundTripTests {
    @Test func exportThenImportGivesTheSameFilesAndFigures() async throws {
        let source = try await DemoFixture.shared.store()
        let first = FileManager.default.temporaryDirectory.appendingPathComponent("tuopin-rt-" + UUID().uuidString)
        let township = try AdminCode("430481100")   // 黄市镇: one township keeps the test quick
        _ = try await RegistryExport.export(source, to: first, area: township)

        try await TestDatabase.sqlite.withStore { target in
        let outcome = try await RegistryImport.validate(directory: first, store: target)
        #expect(outcome.rejections.isEmpty, "\(outcome.rejections.prefix(3))")
        try await RegistryImport.commit(outcome.batch, to: target)

        let second = FileManager.default.temporaryDirectory.appendingPathComponent("tuopin-rt-" + UUID().uuidString)
        _ = try await RegistryExport.export(target, to: second, area: township)
        for file in RegistryFile.allCases {
            let a = try String(contentsOf: first.appendingPathComponent(file.fileName), encoding: .utf8)
            let b = try String(contentsOf: second.appendingPathComponent(file.fileName), encoding: .utf8)
            #expect(a == b, "\(file.fileName) differs after the round trip")
        }
        let day = CivilDate(year: 2020, month: 10, day: 15)!
        let before = try await StatisticsService(store: source).summary(of: township, asOf: day)
        let after = try await StatisticsService(store: target).summary(of: township, asOf: day)
        #expect(before.counts == after.counts)
        #expect(before.incidence == after.incidence)
        #expect(before.counts.enrolledHouseholds > 0)
        }
    }

    @Test func maskedExportsHideIdentityNumbersPhonesAndAccounts() async throws {
        let source = try await DemoFixture.shared.store()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tuopin-mask-" + UUID().uuidString)
        _ = try await RegistryExport.export(source, to: folder, area: try AdminCode("430481100201"), masked: true)
        let members = CSVText.records(try String(contentsOf: folder.appendingPathComponent("members.csv"), encoding: .utf8)).dropFirst()
        let idColumn = RegistryFile.members.columns.firstIndex(of: "id_number")!
        #expect(!members.isEmpty)
        #expect(members.allSatisfy { $0.fields[idColumn].contains("********") })
        let households = CSVText.records(try String(contentsOf: folder.appendingPathComponent("households.csv"), encoding: .utf8)).dropFirst()
        let phone = RegistryFile.households.columns.firstIndex(of: "phone")!, bank = RegistryFile.households.columns.firstIndex(of: "bank_account")!
        #expect(households.allSatisfy { $0.fields[phone].isEmpty && $0.fields[bank].isEmpty })
    }
}
