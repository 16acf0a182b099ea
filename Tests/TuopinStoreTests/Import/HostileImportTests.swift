import Foundation
import Testing
import TuopinCore
import TuopinStore
import TuopinTesting

/// Malformed folders of the kinds a hostile-input run found: each is refused with a reason that
/// names the file, the row and the field, or accepted as the format allows; none commits half a
/// household, and once fixed the same data imports.
@Suite("Hostile import folders")
struct HostileImportTests {
    /// A fixture with one file replaced by raw bytes.
    static func folder(_ fixture: CSVFixture = .good, replacing file: RegistryFile? = nil, with data: Data? = nil) throws -> URL {
        let url = try fixture.write()
        if let file, let data { try data.write(to: url.appendingPathComponent(file.fileName)) }
        return url
    }

    static func text(_ file: RegistryFile, _ fixture: CSVFixture = .good) -> String {
        ([file.columns] + (fixture.files[file] ?? [])).map(CSVText.line).joined(separator: "\n") + "\n"
    }

    /// Imports with --skip-invalid: the faulty household must not be half there.
    func importing(_ folder: URL) async throws -> (ImportAttempt, Int) {
        try await TestDatabase.sqlite.withStore { store in
            let run = try await store.importFolder(folder, partial: true)
            return (run, try await store.households())
        }
    }

    @Test func anUnclosedQuoteRefusesEverythingAndSaysWhere() async throws {
        var text = Self.text(.members)
        text = text.replacingOccurrences(of: "刘浩", with: "\"刘浩")
        let (run, households) = try await importing(try Self.folder(replacing: .members, with: Data(text.utf8)))
        #expect(run.rejections.contains { $0.file == .members && $0.line == 4 && $0.reason == .unterminatedQuote })
        #expect(!run.committed && households == 0, "not even --skip-invalid imports what a broken file may hide")
    }

    @Test func emptyFilesAndRepeatedColumnsAreNamed() async throws {
        let (empty, _) = try await importing(try Self.folder(replacing: .incomes, with: Data()))
        #expect(empty.rejections.contains { $0.file == .incomes && $0.line == 1 && $0.reason == .emptyFile } && !empty.committed)
        let header = (RegistryFile.areas.columns + ["name"]).joined(separator: ",") + "\n"
        let (twice, _) = try await importing(try Self.folder(replacing: .areas, with: Data(header.utf8)))
        #expect(twice.rejections.contains { $0.file == .areas && $0.line == 1 && $0.reason == .duplicateColumn("name", first: 2, second: 4) })
    }

    @Test func aHeaderOnlyFileIsZeroRowsAndSaysSo() async throws {
        var fixture = CSVFixture.good
        fixture.files[.areaEvents] = []
        let (run, households) = try await importing(try Self.folder(fixture))
        #expect(run.committed && households == 2, "a header-only file holds no rows, as the format allows")
        var nothing = CSVFixture.good
        nothing.files = [.households: []]
        let (none, _) = try await importing(try Self.folder(nothing))
        #expect(none.rejections.map(\.reason) == [.noRows] && !none.committed)
    }

    @Test func aDirectoryOrAPipeInPlaceOfAFileIsNamed() async throws {
        let folder = try Self.folder()
        let incomes = folder.appendingPathComponent("incomes.csv")
        try FileManager.default.removeItem(at: incomes)
        try FileManager.default.createDirectory(at: incomes, withIntermediateDirectories: false)
        let (run, households) = try await importing(folder)
        #expect(run.rejections.contains { $0.file == .incomes && $0.line == 0 && $0.reason == .notARegularFile })
        #expect(!run.committed && households == 0)
        let piped = try Self.folder()
        let members = piped.appendingPathComponent("members.csv")
        try FileManager.default.removeItem(at: members)
        #expect(mkfifo(members.path, 0o600) == 0)
        let (pipe, _) = try await importing(piped)
        #expect(pipe.rejections.contains { $0.file == .members && $0.reason == .notARegularFile })
        // A link is followed: to a device it is refused, to a regular file it is read.
        let linked = try Self.folder()
        let events = linked.appendingPathComponent("status_events.csv")
        let eventsCopy = linked.deletingLastPathComponent().appendingPathComponent(UUID().uuidString + ".csv")
        try FileManager.default.moveItem(at: events, to: eventsCopy)
        try FileManager.default.createSymbolicLink(at: events, withDestinationURL: eventsCopy)
        try FileManager.default.removeItem(at: linked.appendingPathComponent("members.csv"))
        try FileManager.default.createSymbolicLink(
            at: linked.appendingPathComponent("members.csv"), withDestinationURL: URL(fileURLWithPath: "/dev/zero"))
        let (link, _) = try await importing(linked)
        #expect(link.rejections.contains { $0.file == .members && $0.line == 0 && $0.reason == .notARegularFile })
        // The linked events file was read, and its rows are good: none is reported (nor is each
        // household as having no member, since members.csv could not be read at all).
        #expect(link.rejections.filter { $0.file != .members }.isEmpty && !link.committed, "\(link.places)")
    }

    /// A link that leads nowhere (to a missing file, or to itself) is a file that cannot be read,
    /// not an absent one: the import is refused even with --skip-invalid, and the households are
    /// not each reported as having no member.
    @Test(arguments: ["/nonexistent/members.csv", "members.csv"])
    func aLinkThatLeadsNowhereIsUnreadable(_ target: String) async throws {
        let folder = try Self.folder()
        let members = folder.appendingPathComponent("members.csv")
        try FileManager.default.removeItem(at: members)
        try FileManager.default.createSymbolicLink(atPath: members.path, withDestinationPath: target)
        let (run, households) = try await importing(folder)
        #expect(run.rejections.contains { $0.file == .members && $0.line == 0 && $0.reason == .unreadableFile }, "\(run.places)")
        #expect(!run.committed && households == 0)
        #expect(!run.rules.contains { $0.hasPrefix("DQ-006") }, "\(run.rules)")
    }

    /// UTF-16 without a byte-order mark is valid UTF-8 with a NUL before every letter: its
    /// header is said to be no text once, not as every column missing.
    @Test func aUTF16HeaderIsNamedOnce() async throws {
        var data = Data()
        for unit in Self.text(.members).utf16 { data.append(contentsOf: [UInt8(unit >> 8), UInt8(unit & 0xFF)]) }
        let (run, households) = try await importing(try Self.folder(replacing: .members, with: data))
        let members = run.rejections.filter { $0.file == .members }
        #expect(members.map(\.reason) == [.headerNotText] && members.first?.line == 1, "\(members.map(\.reason)) \(run.places)")
        #expect(!run.committed && households == 0)
    }

    /// A format file under another spelling is named, and refuses the import: taken for absent,
    /// it would leave every household without members.
    @Test func aMisspeltFileNameIsNamed() async throws {
        let folder = try Self.folder()
        try FileManager.default.moveItem(at: folder.appendingPathComponent("members.csv"), to: folder.appendingPathComponent("MEMBERS.CSV"))
        let (run, households) = try await importing(folder)
        #expect(run.rejections.contains { $0.file == .members && $0.line == 0 && $0.reason == .misnamedFile("MEMBERS.CSV") }, "\(run.places)")
        #expect(!run.committed && households == 0)
    }

    /// Every other spelling of a format file's name is taken for it; other files are not.
    @Test(arguments: [
        ("MEMBERS.CSV", RegistryFile.members), ("members.csv ", .members), (" members.csv", .members), ("members.csv.txt", .members),
        ("Members.xlsx", .members), ("member.csv", .members), ("members", .members), ("status-events.csv", .statusEvents),
        ("statusEvents.csv", .statusEvents), ("Household_Years.CSV", .householdYears), ("area.csv", .areas),
    ])
    func anotherSpellingIsTakenForTheFile(_ name: String, _ file: RegistryFile) {
        #expect(RegistryFile.lookalike(name) == file)
    }

    @Test(arguments: ["rejected.csv", "notes.txt", "members_old.csv", ".members.csv", "README", "household_members.csv"])
    func otherFilesAreNoSpellingOfAny(_ name: String) {
        #expect(RegistryFile.lookalike(name) == nil)
    }

    /// A trailing space hides members.csv as surely as capitals do: with `--skip-invalid`,
    /// nothing is committed (households off the roll need no current member, and would have
    /// been written without theirs).
    @Test func aFileNameWithATrailingSpaceRefusesTheImport() async throws {
        let folder = try Self.folder()
        try FileManager.default.moveItem(at: folder.appendingPathComponent("members.csv"), to: folder.appendingPathComponent("members.csv "))
        let (run, households) = try await importing(folder)
        #expect(run.rejections.contains { $0.file == .members && $0.line == 0 && $0.reason == .misnamedFile("members.csv ") }, "\(run.places)")
        #expect(!run.committed && households == 0)
    }

    /// A path that is no folder, and a folder without any of the format's files, are told apart.
    @Test func aMissingFolderIsNotAnEmptyOne() async throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("tuopin-none-" + UUID().uuidString)
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("tuopin-empty-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try await TestDatabase.sqlite.withStore { store in
            let today = CivilDate(year: 2020, month: 10, day: 15)!
            await #expect(throws: RegistryImport.ReadError.notAFolder(missing.path)) {
                try await store.transaction { tx in try await RegistryImport.run(directory: missing, in: tx, today: today, partial: true) }
            }
            await #expect(throws: RegistryImport.ReadError.noFiles(empty.path)) {
                try await store.transaction { tx in try await RegistryImport.run(directory: empty, in: tx, today: today, partial: true) }
            }
        }
    }

    /// An integer with a plus sign, and an amount whose comma is not between groups of three
    /// (a decimal comma would read a hundred times the amount), are not the format's.
    @Test func signsAndSeparatorsOutsideTheFormatAreRefused() async throws {
        var fixture = CSVFixture.good
        fixture.files[.households]![0][6] = "+2014"
        let column = RegistryFile.incomes.columns.firstIndex(of: "migrantWages")!
        fixture.files[.incomes]![1][column] = "1886,67"
        let (run, _) = try await importing(try Self.folder(fixture))
        #expect(
            run.rejections.contains {
                $0.file == .households && $0.line == 2 && $0.field == "first_identified_year" && $0.reason == .invalidNumber("+2014")
            }, "\(run.places)")
        #expect(
            run.rejections.contains { $0.file == .incomes && $0.line == 3 && $0.field == "migrantWages" && $0.reason == .invalidAmount("1886,67") },
            "\(run.places)")
    }

    /// A failed check names the column it is about: an end date after today is `to_date`, an
    /// area's kind of another level is `kind` (and said so), an event dated before the one before
    /// it is `effective_date`.
    @Test func aFaultNamesItsOwnColumn() async throws {
        var fixture = CSVFixture.good
        fixture.files[.members]![2][3] = "2099-01-01"  // 刘浩 leaves in the future
        let (future, _) = try await importing(try Self.folder(fixture))
        #expect(
            future.rejections.contains { $0.file == .members && $0.line == 4 && $0.field == "to_date" && $0.rule == "membership.notFuture" },
            "\(future.places)")
        var kind = CSVFixture.good
        kind.files[.areas]![4][2] = "county"  // a known kind, not a village's
        let (level, _) = try await importing(try Self.folder(kind))
        #expect(
            level.rejections.contains {
                $0.file == .areas && $0.line == 6 && $0.field == "kind" && $0.reason == .kindNotOfLevel(kind: "county", digits: 12)
            },
            "\(level.places)")
        var early = CSVFixture.good
        early.files[.statusEvents]![1][4] = "2014-01-01"
        let (order, _) = try await importing(try Self.folder(early))
        #expect(
            order.rejections.contains { $0.file == .statusEvents && $0.line == 3 && $0.field == "effective_date" && $0.rule == "event.order" },
            "\(order.places) \(order.rules)")
    }

    @Test func bytesNotInUTF8AreARowFaultThatTakesTheHousehold() async throws {
        var data = Data(Self.text(.members).utf8)
        let gbk: [UInt8] = [0xC1, 0xF5, 0xBA, 0xC6]  // 刘浩 in GBK
        if let range = data.range(of: Data("刘浩".utf8)) { data.replaceSubrange(range, with: gbk) }
        let (run, households) = try await importing(try Self.folder(replacing: .members, with: data))
        #expect(run.rejections.contains { $0.file == .members && $0.line == 4 && $0.field == "name" && $0.reason == .notUTF8 })
        #expect(run.committed && households == 1, "the other household is imported; this one is not")
    }

    @Test func controlCharactersAndHugeFieldsAreRefused() async throws {
        var fixture = CSVFixture.good
        fixture.files[.members]![0][7] = "刘\u{0}伟"
        fixture.files[.statusEvents]![2][5] = String(repeating: "注", count: 2_000)
        let (run, _) = try await importing(try Self.folder(fixture))
        #expect(run.rejections.contains { $0.file == .members && $0.line == 2 && $0.field == "name" && $0.reason == .controlCharacter(0) })
        // A column read twice (the household number: once to key the row, once to parse it) is
        // reported once.
        fixture = CSVFixture.good
        fixture.files[.households]![1][0] = "43048110020\u{0}0002"
        let (nul, _) = try await importing(try Self.folder(fixture))
        #expect(nul.rejections.filter { $0.file == .households && $0.line == 3 }.map(\.field) == ["household_number"], "\(nul.places)")
        #expect(
            run.rejections.contains {
                $0.file == .statusEvents && $0.line == 4 && $0.field == "note" && $0.reason == .fieldTooLong(bytes: 6_000, maximum: 4_096)
            })
    }

    @Test(arguments: [
        // (file, row index, column, value, rule or nil, line)
        (RegistryFile.households, 0, 6, "0", "household.firstYear"), (.households, 0, 6, "-3", "household.firstYear"),
        (.households, 0, 6, "99999", "household.firstYear"), (.households, 0, 7, "2012", "DQ-010"),
        (.members, 0, 10, "77", "member.ethnicity"), (.members, 2, 2, "2009-01-01", "membership.afterBirth"),
        (.statusEvents, 1, 2, "identified", "event.kindStatus"), (.statusEvents, 0, 4, "2099-01-01", "event.date"),
        (.incomes, 0, 1, "0", "income.year"), (.incomes, 0, 2, "0", "income.size"),
        (.areaEvents, 0, 0, "430481", "areaEvent.level"),
    ])
    func valuesOutOfRangeAreCoreRuleFaults(_ file: RegistryFile, _ index: Int, _ column: Int, _ value: String, _ rule: String) async throws {
        var fixture = CSVFixture.good
        fixture.files[file]![index][column] = value
        let (run, _) = try await importing(try Self.folder(fixture))
        #expect(run.rules.contains(rule), "\(run.places) \(run.rules)")
    }

    @Test func sequencesMustRunFromOne() async throws {
        var fixture = CSVFixture.good
        fixture.files[.statusEvents]![1][1] = "3"
        let (gap, _) = try await importing(try Self.folder(fixture))
        #expect(gap.rules.contains("event.sequence"))
        fixture.files[.statusEvents]![1][1] = "0"
        let (zero, _) = try await importing(try Self.folder(fixture))
        #expect(
            zero.rejections.contains {
                $0.file == .statusEvents && $0.line == 3 && $0.field == "sequence" && $0.reason == .outOfRange(0, minimum: 1, maximum: 999)
            })
    }

    @Test func aHouseholdWithoutEventsOrMembersIsRefused() async throws {
        var fixture = CSVFixture.good
        fixture.files[.statusEvents]!.removeLast()
        fixture.files[.members]!.removeLast()
        let (run, households) = try await importing(try Self.folder(fixture))
        // Faults of the household as a whole are on its row, named by its number.
        #expect(
            run.rejections.contains { $0.file == .households && $0.line == 3 && $0.field == "household_number" && $0.reason.isRule("event.present") })
        #expect(
            run.rejections.contains {
                $0.file == .households && $0.line == 3 && $0.field == "household_number" && $0.reason.isRule("DQ-006.noMember")
            })
        #expect(households == 1)
    }

    @Test func aHeadWhoLeftWithoutASuccessorIsRefused() async throws {
        var fixture = CSVFixture.good
        fixture.files[.members]![0][3] = "2019-03-01"  // 刘伟 left
        fixture.files[.members]![0][4] = "migration"
        let (run, _) = try await importing(try Self.folder(fixture))
        #expect(run.rejections.contains { $0.file == .households && $0.line == 2 && $0.reason.isRule("DQ-006.headLeft") })
    }

    /// One number with another person's facts is refused on the column that differs. (A
    /// resident ID card carries the sex and birth date, which its own rules check; another kind
    /// of number does not.)
    @Test(arguments: [
        ("residentIdentityCard", "430481198001010013", "刘威", "male", "1980-01-01", "name"),
        ("policeIssuedNumber", "P43048100017", "刘伟", "female", "1980-01-01", "sex"),
        ("policeIssuedNumber", "P43048100017", "刘伟", "male", "1980-01-02", "birth_date"),
    ])
    func oneNumberWithTwoPeopleIsRefused(
        _ type: String, _ number: String, _ name: String, _ sex: String, _ birth: String, _ column: String
    )
        async throws
    {
        var fixture = CSVFixture.good
        var moved = CSVFixture.member("4304811002010002", "son", number, name, sex, birth)
        moved[2] = "2020-01-01"
        moved[5] = type
        fixture.files[.members]![0][3] = "2019-12-01"
        fixture.files[.members]![0][4] = "migration"
        fixture.files[.members]![0][5] = type
        fixture.files[.members]![0][6] = number
        fixture.files[.members]!.append(moved)
        let (run, _) = try await importing(try Self.folder(fixture))
        #expect(
            run.rejections.contains { $0.file == .members && $0.line == 6 && $0.field == column && $0.reason == .identityDiffers(otherLine: 2) },
            "\(run.places)")
    }

    @Test func aRowWhoseHouseholdCannotBeToldRefusesEverything() async throws {
        var fixture = CSVFixture.good
        fixture.files[.incomes]![0][0] = "4304811002010001!"  // not a household number
        fixture.files[.incomes]![0][3] = "x"
        let (run, households) = try await importing(try Self.folder(fixture))
        #expect(run.rejections.contains { $0.file == .incomes && $0.line == 2 && $0.reason == .unattributable })
        #expect(!run.committed && households == 0)
    }

    /// Once refused, the same data can be fixed and imported.
    @Test func aRefusedFolderImportsOnceFixed() async throws {
        var fixture = CSVFixture.good
        fixture.files[.members]![1][6] = "430481198203040027"
        let bad = try fixture.write()
        fixture.files[.members]![1][6] = "430481198203040026"
        let fixed = try fixture.write()
        try await TestDatabase.sqlite.withStore { store in
            let refused = try await store.importFolder(bad)
            #expect(!refused.committed)
            let imported = try await store.importFolder(fixed)
            #expect(imported.committed)
            #expect(try await store.households() == 2)
        }
    }
}
