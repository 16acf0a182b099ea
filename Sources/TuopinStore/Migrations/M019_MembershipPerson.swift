/// A person's memberships by their ID number: finding the households a person belongs or
/// belonged to (the households page's search by name or ID number, where someone is a member
/// now) reads a few index entries instead of every membership of the county.
struct M019_MembershipPerson: Migration {
    let version = 19
    let name = "membership by person"

    func statements(for dialect: StoreDialect) -> [String] {
        ["CREATE INDEX membership_person ON membership (county_code, id_type, id_number)"]
    }
}
