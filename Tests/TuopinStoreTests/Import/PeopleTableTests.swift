import Testing
import TuopinCore

@testable import TuopinStore

@Suite("The import's table of people: every identity found again, through growth")
struct PeopleTableTests {
    func entry(_ household: Int32) -> PersonEntry {
        PersonEntry(first: PersonSpan(household: household, from: 0, to: .max, row: household + 2), fingerprint: UInt32(household))
    }

    @Test func everyIdentityIsFoundAgainAfterTheTableGrows() {
        var table = PeopleTable()
        // Resident numbers close together (one county's people share their first digits), the
        // packed value 0, and identities of other kinds.
        let residents = (0..<50_000).map { IdentityKey(.residentIdentityCard, "430481" + String(19_800_101_000 + $0) + "0") }
        let others = [
            IdentityKey(.residentIdentityCard, "000000000000000000"), IdentityKey(.policeIssuedNumber, "H1234567"),
            IdentityKey(.policeIssuedNumber, "港澳 123"),
        ]
        for (i, key) in (residents + others).enumerated() { table.set(key, entry(Int32(i))) }
        #expect(table.count == 50_003)
        for (i, key) in (residents + others).enumerated() {
            #expect(table.get(key)?.first.household == Int32(i))
        }
        #expect(table.get(IdentityKey(.residentIdentityCard, "430481198001010013")) == nil)
        #expect(table.get(IdentityKey(.policeIssuedNumber, "H7654321")) == nil)
    }

    /// The fact that tells which column differs costs the table no room: an entry and its
    /// optional's tag still fit in 24 bytes, as before it.
    @Test func anEntryStaysInTwentyFourBytes() {
        #expect(MemoryLayout<PersonEntry?>.stride == 24)
        let first = PersonEntry.traits(sex: .male, birthDate: CivilDate(year: 1980, month: 1, day: 1)!)
        #expect(PersonEntry.differingColumn(first, PersonEntry.traits(sex: .female, birthDate: CivilDate(year: 1980, month: 1, day: 1)!)) == "sex")
        #expect(
            PersonEntry.differingColumn(first, PersonEntry.traits(sex: .male, birthDate: CivilDate(year: 1980, month: 1, day: 2)!)) == "birth_date")
        #expect(PersonEntry.differingColumn(first, first) == "name")
    }

    @Test func settingAgainUpdatesInPlace() {
        var table = PeopleTable()
        let key = IdentityKey(.residentIdentityCard, "43048120100615001X")
        table.set(key, entry(1))
        var person = table.get(key)!
        person.written = true
        person.moved = true
        table.set(key, person)
        #expect(table.count == 1)
        #expect(table.get(key)?.written == true && table.get(key)?.moved == true)
    }
}
