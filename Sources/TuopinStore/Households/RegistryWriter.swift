import TuopinCore

/// Writes a batch of registry rows (areas to incomes, yearly facts and tags) in the caller's transaction: the one
/// write path of the CSV import and the demo loader. The service that calls it owns the
/// transaction, so the rows and their audit entry commit together.
public enum RegistryWriter {
    public enum WriteError: Error, Equatable, Sendable {
        /// A row refers to a household that is not in the batch (a caller's mistake, reported
        /// rather than trapped).
        case householdNotInBatch(String)
    }

    /// A batch with at least this many history rows (households, events, memberships) skips the
    /// projection's per-row triggers and rebuilds its counties once at the end.
    static let bulkRows = 1_000

    public static func write(_ batch: ImportBatch, in tx: StoreTransaction) async throws {
        guard batch.households.count + batch.events.count + batch.memberships.count >= bulkRows else {
            return try await writeRows(batch, in: tx)
        }
        try await RegistryProjection.paused(counties: Set(batch.households.map(\.county.rawValue)), in: tx) {
            try await writeRows(batch, in: tx)
        }
    }

    private static func writeRows(_ batch: ImportBatch, in tx: StoreTransaction) async throws {
        let counties = Dictionary(batch.households.map { ($0.number.rawValue, $0.county.rawValue) }, uniquingKeysWith: { a, _ in a })
        func county(_ household: HouseholdNumber) throws -> String {
            guard let code = counties[household.rawValue] else { throw WriteError.householdNotInBatch(household.rawValue) }
            return code
        }
        let areas = batch.areas.map(RegistryRows.row)
        let events = batch.areaEvents.map(RegistryRows.row)
        let profiles = batch.profiles.map(RegistryRows.row)
        let households = batch.households.map(RegistryRows.row)
        let statusEvents = try batch.events.map { RegistryRows.row($0, county: try county($0.household)) }
        let members = batch.members.map { RegistryRows.row($0.member, county: $0.county) }
        let memberships = try batch.memberships.map { RegistryRows.row($0, county: try county($0.household)) }
        let incomes = try batch.incomes.map { RegistryRows.row($0, county: try county($0.household)) }
        try await BulkLoad.insert(areas, into: RegistryRows.area, in: tx)
        try await BulkLoad.insert(events, into: RegistryRows.areaEvent, in: tx)
        try await BulkLoad.insert(profiles, into: RegistryRows.villageProfile, in: tx)
        try await BulkLoad.insert(households, into: RegistryRows.household, in: tx)
        try await BulkLoad.insert(statusEvents, into: RegistryRows.statusEvent, in: tx)
        try await BulkLoad.insert(members, into: RegistryRows.member, in: tx)
        try await BulkLoad.insert(memberships, into: RegistryRows.membership, in: tx)
        try await BulkLoad.insert(incomes, into: RegistryRows.income, in: tx)
        let years = try batch.householdYears.map { RegistryRows.row($0, county: try county($0.household)) }
        let memberYears = try batch.memberYears.map { RegistryRows.row($0.0, county: try county($0.1), household: $0.1) }
        let tags = try batch.groupTags.map { RegistryRows.row($0, county: try county($0.household)) }
        try await BulkLoad.insert(years, into: RegistryRows.householdYear, in: tx)
        try await BulkLoad.insert(memberYears, into: RegistryRows.memberYear, in: tx)
        try await BulkLoad.insert(tags, into: RegistryRows.specialGroupTag, in: tx)
    }
}
