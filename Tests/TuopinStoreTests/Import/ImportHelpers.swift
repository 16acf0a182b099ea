import Foundation
import TuopinCore
import TuopinStore

/// The store-level import steps as the registry service runs them, for store tests.
extension Store {
    func validateImport(_ folder: URL, scope: AreaScope = .everywhere) async throws -> ImportOutcome {
        try await read { db in try await RegistryImport.validate(directory: folder, reader: db, scope: scope) }
    }

    func commit(_ batch: ImportBatch) async throws {
        try await transaction { tx in try await RegistryWriter.write(batch, in: tx) }
    }

    func households() async throws -> Int { try await RegistryQuery.householdCount(sql) }
}
