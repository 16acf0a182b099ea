import Foundation
import SQLKit

/// Runs the migrations a database has not seen, in order, each in its own transaction, and
/// records them in `schema_migration`. Forward-only: there is no down.
public enum Migrator {
    /// Every migration, in order. Append; never edit one that has shipped.
    public static let all: [any Migration] = [
        M001_Areas(), M002_Registry(), M003_PolicyTables(), M004_AsOfIndexes(), M005_Users(), M006_AuditLog(), M007_Monitoring(), M008_Assistance(),
        M009_YearlyFacts(), M010_Feeds(), M011_AdjustmentWindows(), M012_PolicyParameters(), M013_MemberYears(), M014_Enrolment(), M015_LocalCodes(),
        M016_ReportedFigures(), M017_VillageConditions(), M018_Projection(), M019_MembershipPerson(), M020_Findings(), M021_ApprovalSurveys(),
        M022_Petitions(), M023_Campaigns(), M024_QualityAssessments(), M025_FundingLevels(),
        M026_ProjectionSecondGeneration(), M027_HouseholdNumberIndex(),
    ]

    /// Applies pending migrations; returns the versions applied.
    @discardableResult
    public static func migrate(_ store: Store) async throws -> [Int] {
        try await store.sql.raw(
            """
            CREATE TABLE IF NOT EXISTS schema_migration (
                version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)
            """
        ).run()
        let applied = Set(
            try await store.sql.raw("SELECT version FROM schema_migration").all()
                .map { try $0.decode(column: "version", as: Int.self) })
        var done: [Int] = []
        for migration in all where !applied.contains(migration.version) {
            try await store.transaction { tx in
                for statement in migration.statements(for: tx.dialect) {
                    // Schema text is fixed in code, never built from input.
                    try await tx.sql.raw(SQLQueryString(statement)).run()
                }
                try await migration.seed(tx)
                try await tx.sql.raw(
                    """
                    INSERT INTO schema_migration (version, name, applied_at)
                    VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: ISO8601DateFormatter().string(from: Date())))
                    """
                ).run()
            }
            done.append(migration.version)
        }
        return done
    }
}
