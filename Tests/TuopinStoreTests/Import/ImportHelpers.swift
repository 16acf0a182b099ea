import Foundation
import TuopinCore
import TuopinStore

/// The store-level import steps as the registry service runs them, for store tests.
extension Store {
    /// The day the tests import on.
    static let importDay = CivilDate(year: 2026, month: 12, day: 1)!

    func validateImport(_ folder: URL, scope: AreaScope = .everywhere) async throws -> ImportPlan {
        try await read { db in try await RegistryImport.validate(directory: folder, reader: db, scope: scope, today: Store.importDay) }
    }

    /// Both passes: writes when the plan allows it; every rejection of both passes, by file and line.
    func importFolder(_ folder: URL, partial: Bool = false, scope: AreaScope = .everywhere) async throws -> ImportRun {
        let plan = try await validateImport(folder, scope: scope)
        if plan.canCommit(partial: partial) {
            let written = try await transaction { tx in try await RegistryImport.write(plan, in: tx) }
            return ImportRun(plan: plan, second: written, committed: true)
        }
        return ImportRun(plan: plan, second: try await RegistryImport.report(plan), committed: false)
    }

    func households() async throws -> Int { try await RegistryQuery.householdCount(sql) }
}

struct ImportRun {
    var plan: ImportPlan
    var second: RegistryImport.WriteResult
    var committed: Bool

    var rejections: [ImportRejection] { (plan.rejections + second.rejections).sorted { ($0.file, $0.line) < ($1.file, $1.line) } }

    /// "file:line:field" of each rejection, for messages.
    var places: [String] { rejections.map { "\($0.file.fileName):\($0.line):\($0.field ?? "-")" } }

    /// The rule ids of the rejections that are Core checks.
    var rules: [String] {
        rejections.compactMap { if case .rule(let c) = $0.reason { c.rule.rawValue } else { nil } }
    }
}
