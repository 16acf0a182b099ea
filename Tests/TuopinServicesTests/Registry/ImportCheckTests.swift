import Foundation
import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinTesting

/// `RegistryService.checkFolder`: the report an import would give, with nothing committed and
/// nothing audited; and the progress of both, by the bytes of the files read.
@Suite("Import check before commit")
struct ImportCheckTests {
    final class Heard: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [JobProgress] = []
        func add(_ p: JobProgress) {
            lock.lock()
            list.append(p)
            lock.unlock()
        }
        var all: [JobProgress] {
            lock.lock()
            defer { lock.unlock() }
            return list
        }
    }

    @Test(arguments: TestDatabase.available)
    func theCheckReportsWhatAnImportWouldAndCommitsNothing(_ database: TestDatabase) async throws {
        var fixture = CSVFixture.good
        fixture.files[.members]![3][6] = "430424195512310034"  // 王强's check character should be 3: his household is rejected
        let folder = try fixture.write()
        let bytes = try RegistryFile.allCases.reduce(0) { sum, file in
            let path = folder.appendingPathComponent(file.fileName).path
            guard FileManager.default.fileExists(atPath: path) else { return sum }
            return sum + ((try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0)
        }
        try await database.withStore { store in
            let env = try TestEnvironment.make(store: store)
            let service = RegistryService(env)
            let heard = Heard()
            let check = try await service.checkFolder(folder, by: TestEnvironment.system, progress: { heard.add($0) })
            #expect(!check.committed)
            #expect(check.rejections.contains { $0.file == .members && $0.line == 5 && $0.field == "id_number" })
            #expect(check.outcome.writtenRows[.households] == 1 && check.outcome.writtenRows[.members] == 3, "the good household's rows")
            #expect(try await service.householdCount(by: TestEnvironment.system) == 0, "nothing committed")
            #expect(try await AuditQuery.list(.init(action: "importRegistry", scope: .everywhere), store.sql).isEmpty, "nothing audited")
            let read = heard.all.filter { $0.phase == "progress.import.validate" }
            #expect(read.last?.done == bytes && read.last?.total == bytes, "the last report covers every byte of the files")
            #expect(zip(read, read.dropFirst()).allSatisfy { $0.done <= $1.done }, "progress never goes back")

            let imported = Heard()
            let result = try await service.importFolder(folder, commitPartial: true, by: TestEnvironment.system, progress: { imported.add($0) })
            #expect(result.committed && result.outcome.writtenRows == check.outcome.writtenRows, "the import writes what the check said")
            #expect(try await service.householdCount(by: TestEnvironment.system) == 1)
            #expect(imported.all.last == JobProgress(phase: "progress.import.commit", done: 1, total: 1))
        }
    }

    @Test func onlyThoseWhoMayImportMayCheck() async throws {
        try await SmallRegistry.with { registry in
            await #expect(throws: AccessDenied.self) {
                _ = try await RegistryService(registry.environment).checkFolder(try CSVFixture.good.write(), by: try await registry.user("cadre"))
            }
        }
    }
}
