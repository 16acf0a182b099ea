/// Writes a batch of registry rows (areas to incomes) in one transaction: the one write path
/// of the CSV import and the demo loader.
public enum RegistryWriter {
    public static func write(_ batch: ImportBatch, to store: Store) async throws {
        let counties = Dictionary(batch.households.map { ($0.number.rawValue, $0.county.rawValue) }, uniquingKeysWith: { a, _ in a })
        let areas = batch.areas.map(RegistryRows.row)
        let events = batch.areaEvents.map(RegistryRows.row)
        let profiles = batch.profiles.map(RegistryRows.row)
        let households = batch.households.map(RegistryRows.row)
        let statusEvents = batch.events.map { RegistryRows.row($0, county: counties[$0.household.rawValue]!) }
        let members = batch.members.map { RegistryRows.row($0.member, county: $0.county) }
        let memberships = batch.memberships.map { RegistryRows.row($0, county: counties[$0.household.rawValue]!) }
        let incomes = batch.incomes.map { RegistryRows.row($0, county: counties[$0.household.rawValue]!) }
        try await store.transaction { tx in
            try await BulkLoad.insert(areas, into: RegistryRows.area, in: tx)
            try await BulkLoad.insert(events, into: RegistryRows.areaEvent, in: tx)
            try await BulkLoad.insert(profiles, into: RegistryRows.villageProfile, in: tx)
            try await BulkLoad.insert(households, into: RegistryRows.household, in: tx)
            try await BulkLoad.insert(statusEvents, into: RegistryRows.statusEvent, in: tx)
            try await BulkLoad.insert(members, into: RegistryRows.member, in: tx)
            try await BulkLoad.insert(memberships, into: RegistryRows.membership, in: tx)
            try await BulkLoad.insert(incomes, into: RegistryRows.income, in: tx)
        }
    }
}
