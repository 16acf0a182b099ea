import Foundation
import TuopinCore
import TuopinStore

/// The store-level import as the registry service runs it, for store tests.
extension Store {
    /// The day the tests import on.
    static let importDay = CivilDate(year: 2026, month: 12, day: 1)!

    /// Imports in one transaction; commits when the import may, rolls back otherwise. Every
    /// rejection, the late ones with their rows, by file and line.
    func importFolder(_ folder: URL, partial: Bool = false, scope: AreaScope = .everywhere) async throws -> ImportAttempt {
        do {
            // As the service runs it: SQLite's per-row foreign-key checks off, so this checks
            // afterwards that every reference the import wrote holds.
            let (outcome, pending) = try await transaction(checkingForeignKeys: false) { tx in
                try await RegistryImport.run(directory: folder, in: tx, scope: scope, today: Store.importDay, partial: partial)
            }
            try await checkForeignKeys()
            return ImportAttempt(outcome: outcome, late: RegistryImport.report(pending, directory: folder))
        } catch let refused as RegistryImport.NotCommitted {
            return ImportAttempt(outcome: refused.outcome, late: RegistryImport.report(refused.pending, directory: folder))
        }
    }

    /// Everything an import finds, with nothing kept (the transaction always rolls back).
    func checkImport(_ folder: URL, scope: AreaScope = .everywhere) async throws -> ImportAttempt {
        struct Undo: Error { var attempt: ImportAttempt }
        struct NoAttempt: Error {}
        do {
            _ = try await transaction(checkingForeignKeys: false) { tx -> Bool in
                do {
                    let (outcome, pending) = try await RegistryImport.run(
                        directory: folder, in: tx, scope: scope, today: Store.importDay, partial: true)
                    throw Undo(attempt: ImportAttempt(outcome: outcome, late: RegistryImport.report(pending, directory: folder)))
                } catch let refused as RegistryImport.NotCommitted {
                    throw Undo(attempt: ImportAttempt(outcome: refused.outcome, late: RegistryImport.report(refused.pending, directory: folder)))
                }
            }
        } catch let undo as Undo {
            return undo.attempt
        }
        throw NoAttempt()
    }

    func households() async throws -> Int { try await RegistryQuery.householdCount(sql) }

    struct ForeignKeyViolation: Error, CustomStringConvertible {
        var rows: Int
        var description: String { "the import wrote \(rows) rows whose parent row is missing" }
    }

    /// Throws when a row's parent is missing (SQLite; PostgreSQL checks every row as it is written).
    func checkForeignKeys() async throws {
        let rows = try await foreignKeyViolations()
        if rows > 0 { throw ForeignKeyViolation(rows: rows) }
    }

    /// Rows whose parent row is missing (0 on PostgreSQL, which refuses them as they come).
    func foreignKeyViolations() async throws -> Int {
        guard dialect == .sqlite else { return 0 }
        // On the writer, whose schema is loaded (a fresh connection's first PRAGMA sees no rows).
        return try await transaction { tx in try await tx.sql.raw("PRAGMA foreign_key_check").all().count }
    }
}

struct ImportAttempt: Sendable {
    var outcome: ImportOutcome
    var late: [ImportRejection]

    var committed: Bool { outcome.committed }

    /// Every rejection, the late ones with their rows, by file and line.
    var rejections: [ImportRejection] {
        let lateRows = Set(late.map { "\($0.file.rawValue)#\($0.line)" })
        return (outcome.rejections.filter { !lateRows.contains("\($0.file.rawValue)#\($0.line)") } + late).sorted {
            ($0.file, $0.line) < ($1.file, $1.line)
        }
    }

    /// "file:line:field" of each rejection, for messages.
    var places: [String] { rejections.map { "\($0.file.fileName):\($0.line):\($0.field ?? "-")" } }

    /// The rule ids of the rejections that are Core checks.
    var rules: [String] { rejections.compactMap { if case .rule(let c) = $0.reason { c.rule.rawValue } else { nil } } }
}

extension ImportRejection {
    /// The rule id when the reason is a Core check.
    var rule: String? { if case .rule(let c) = reason { c.rule.rawValue } else { nil } }
}
