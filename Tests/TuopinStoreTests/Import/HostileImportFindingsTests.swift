import Foundation
import Testing
import TuopinCore
import TuopinStore
import TuopinTesting

/// The faults of the third hostile-input run (2026-12-03), each of its kind: a reason that names
/// the right column and the right bound, a file that refuses without follow-on faults, a row
/// already in the registry, and spreadsheet artefacts.
@Suite("Hostile import folders: the third run's findings")
struct HostileImportFindingsTests {
    static func importing(_ fixture: CSVFixture, partial: Bool = false) async throws -> (ImportAttempt, Int) {
        try await TestDatabase.sqlite.withStore { store in
            let run = try await store.importFolder(try fixture.write(), partial: partial)
            return (run, try await store.households())
        }
    }

    static func column(_ file: RegistryFile, _ name: String) -> Int { file.columns.firstIndex(of: name)! }

    /// areas.csv imported again: every row is in the registry as it is, so the import succeeds
    /// and writes nothing; a row that renames an area is refused on its name, with the
    /// registry's, and the registry keeps it.
    @Test func areasAlreadyInTheRegistryAreKeptOrRefusedNeverRenamed() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let first = try await store.importFolder(try CSVFixture.good.write())
            #expect(first.committed)
            var again = CSVFixture.good
            again.files = [.areas: CSVFixture.good.files[.areas]!]
            let same = try await store.importFolder(try again.write())
            #expect(same.committed && same.rejections.isEmpty && same.outcome.written == 0, "\(same.rejections)")
            #expect(same.outcome.unchangedRows == CSVFixture.good.files[.areas]!.count)
            let village = again.files[.areas]!.firstIndex { $0[0] == "430481100201" }!
            let name = Self.column(.areas, "name")
            let registered = again.files[.areas]![village][name]
            again.files[.areas]![village][name] = "新名村"
            let renamed = try await store.importFolder(try again.write(), partial: true)
            #expect(
                renamed.rejections.map(\.reason) == [.areaDiffers("430481100201", name: registered, kind: "village")]
                    && renamed.rejections.first?.field == "name" && renamed.rejections.first?.line == village + 2, "\(renamed.rejections)")
            #expect(!renamed.committed)
            let kept = try await store.sql.raw("SELECT name FROM area WHERE code = '430481100201'").first()?.decode(column: "name", as: String.self)
            #expect(kept == registered)
        }
    }

    /// A header longer than any row may be is one fault, which refuses the file: no column is
    /// said missing after it, and the count is the real one against the limit.
    @Test func aHeaderOfTooManyColumnsIsOneFault() async throws {
        let folder = try CSVFixture.good.write()
        let header = RegistryFile.members.columns + (1...981).map { "extra\($0)" }
        let rows = CSVFixture.good.files[.members]!.map { $0 + Array(repeating: "", count: 981) }
        try (([header] + rows).map(CSVText.line).joined(separator: "\n") + "\n")
            .write(to: folder.appendingPathComponent("members.csv"), atomically: true, encoding: .utf8)
        let (run, households) = try await TestDatabase.sqlite.withStore { store in
            (try await store.importFolder(folder, partial: true), try await store.households())
        }
        let members = run.rejections.filter { $0.file == .members }
        #expect(members.map(\.reason) == [.tooManyColumns(found: 1_001, maximum: 1_000)] && members.first?.line == 1, "\(members)")
        #expect(!run.committed && households == 0)
    }

    /// Each fault names its own column and its own bound.
    @Test(arguments: [
        (RegistryFile.householdYears, "floor_area", "80.555", ImportRejection.Reason.invalidDecimal("80.555", places: 2)),
        (.householdYears, "road_km", "1e2", .invalidDecimal("1e2", places: 2)),
        (.householdYears, "arable_land", "1,080.5", .invalidDecimal("1,080.5", places: 2)),
    ])
    func aDecimalIsNotCalledAWholeNumber(_ file: RegistryFile, _ column: String, _ value: String, _ reason: ImportRejection.Reason) async throws {
        let fixture = YearlyFactsImportTests.withFacts { $0.files[file]![0][Self.column(file, column)] = value }
        let (run, _) = try await Self.importing(fixture)
        #expect(run.rejections.contains { $0.file == file && $0.line == 2 && $0.field == column && $0.reason == reason }, "\(run.rejections)")
    }

    @Test func aBuildYearBefore1900IsTheBuildYearsFault() async throws {
        let fixture = YearlyFactsImportTests.withFacts { $0.files[.householdYears]![0][Self.column(.householdYears, "built_year")] = "1899" }
        let (run, _) = try await Self.importing(fixture)
        #expect(run.rejections.contains { $0.file == .householdYears && $0.line == 2 && $0.field == "built_year" && $0.rule == "year.built" })
    }

    /// A first event that is no identification is its own rule, on its kind; a later illegal
    /// event is the transition rule (their words: `StringTableTests`).
    @Test func theFirstEventAndALaterOneAreToldApart() async throws {
        var fixture = CSVFixture.good
        fixture.files[.statusEvents]![0][2] = "exited"
        fixture.files[.statusEvents]![0][3] = "exitedWithPolicies"
        fixture.files[.statusEvents]![2][2] = "exited"
        fixture.files[.statusEvents]![2][3] = "exitedWithPolicies"
        let (run, _) = try await Self.importing(fixture)
        let events = run.rejections.filter { $0.file == .statusEvents }
        #expect(events.contains { $0.line == 2 && $0.field == "kind" && $0.rule == "event.first" }, "\(events)")
        var later = CSVFixture.good
        later.files[.statusEvents]!.insert(["4304811002010001", "3", "exited", "exitedWithPolicies", "2018-11-20", ""], at: 2)
        let (again, _) = try await Self.importing(later)
        #expect(again.rejections.contains { $0.file == .statusEvents && $0.line == 4 && $0.field == "kind" && $0.rule == "event.transition" })
    }

    /// `healthy` beside another condition is refused in members.csv as in member_years.csv.
    @Test func healthyBesideAnotherConditionIsRefused() async throws {
        var fixture = CSVFixture.good
        fixture.files[.members]![1][Self.column(.members, "health")] = "healthy;disabled"
        let (run, _) = try await Self.importing(fixture)
        #expect(run.rejections.contains { $0.file == .members && $0.line == 3 && $0.field == "health" && $0.rule == "member.health" })
        #expect(!run.committed)
    }

    /// The national disability codes 1–7 stand for the categories, as the format says.
    @Test func aDisabilityCategoryMayBeItsNationalCode() async throws {
        let fixture = YearlyFactsImportTests.withFacts { $0.files[.memberYears]![0][Self.column(.memberYears, "disability_category")] = "4" }
        try await TestDatabase.sqlite.withStore { store in
            let run = try await store.importFolder(try fixture.write())
            #expect(run.committed && run.rejections.isEmpty, "\(run.rejections)")
            let stored = try await store.sql.raw("SELECT disability_category FROM member_year WHERE disability_category IS NOT NULL").first()
            #expect(try stored?.decode(column: "disability_category", as: String.self) == "physical")
        }
    }

    /// A spreadsheet's empty rows (only commas, or only spaces) are blank rows: skipped, and the
    /// rows after them keep their spreadsheet numbers.
    @Test func emptySpreadsheetRowsAreSkipped() async throws {
        var fixture = CSVFixture.good
        let blank = Array(repeating: "", count: RegistryFile.members.columns.count)
        fixture.files[.members]!.insert(blank, at: 1)
        fixture.files[.members]!.insert(Array(repeating: "  ", count: 3), at: 3)
        fixture.files[.members]![4][Self.column(.members, "ethnicity")] = "77"
        let (run, _) = try await Self.importing(fixture)
        let own = run.rejections.filter { if case .householdRejected = $0.reason { false } else { true } }
        #expect(own.map(\.line) == [6] && own.first?.file == .members && own.first?.field == "ethnicity", "\(own)")
        let (clean, households) = try await Self.importing(
            {
                var f = fixture
                f.files[.members]![4][Self.column(.members, "ethnicity")] = "01"
                return f
            }())
        #expect(clean.committed && households == 2, "\(clean.rejections)")
    }
}
