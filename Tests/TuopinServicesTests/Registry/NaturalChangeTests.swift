import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinTesting

/// Births, deaths, moves and the head's succession (REFERENCE §3.11), on the small registry (2020-10-15).
@Suite("Natural changes through the service", .serialized)
struct NaturalChangeTests {
    static let liu = try! HouseholdNumber("4304811002010001")
    static let wang = try! HouseholdNumber("4304811002010002")

    func d(_ text: String) -> CivilDate { try! CivilDate(text) }

    func baby(id: String = "43048120200501001X", sex: Sex = .male) -> Member {
        Member(
            idType: .residentIdentityCard, idNumber: id, name: "刘宝", sex: sex, birthDate: d("2020-05-01"), ethnicity: "01",
            education: .preschoolChild,
            studentStatus: .notInSchool, health: [.healthy], labourCapacity: .none, medicalInsured: true, seriousIllnessInsured: true,
            residentPension: false, receivesDibao: false, receivesTekun: false)
    }

    @Test(arguments: TestDatabase.available)
    func aBirthJoinsAndTheHeadsDeathPassesTheHeadshipOn(_ database: TestDatabase) async throws {
        try await SmallRegistry.with(on: database) { r in
            let service = HouseholdService(r.environment)
            let cadre = try await r.user("cadre")
            // The ID's sex digit says male: a female record is refused with DQ-003.
            await #expect(throws: HouseholdError.self) {
                try await service.join(Self.liu, member: baby(sex: .female), relation: .son, on: d("2020-05-10"), reason: .birth, by: cadre)
            }
            try await service.join(Self.liu, member: baby(), relation: .grandson, on: d("2020-05-10"), reason: .birth, by: cadre)
            await #expect(throws: HouseholdError.alreadyMember) {
                try await service.join(Self.liu, member: baby(), relation: .grandson, on: d("2020-05-11"), reason: .other, by: cadre)
            }
            await #expect(throws: HouseholdError.headMustBeReplaced) {
                try await service.leave(Self.liu, idNumber: "430481198001010013", on: d("2020-08-01"), reason: .death, by: cadre)
            }
            try await service.leave(
                Self.liu, idNumber: "430481198001010013", on: d("2020-08-01"), reason: .death, newHead: "430481198203040026", by: cadre)
            let report = try await QualityService(r.environment).check(area: nil, asOf: d("2020-10-15"), by: cadre)
            #expect(!report.findings.contains { $0.rule == "DQ-006" }, "one head again, the widow")
            let audit = try await AuditService(r.environment).list(.init(scope: .everywhere), by: TestEnvironment.system)
            #expect(audit.filter { $0.action == "memberJoined" || $0.action == "memberLeft" }.count == 2)
        }
    }

    @Test func theLastMemberLeavingClosesTheHouseholdAndAMoveEndsTheOldMembership() async throws {
        try await SmallRegistry.with { r in
            let service = HouseholdService(r.environment)
            let cadre = try await r.user("cadre")
            var son = baby(id: "43048120100615001X")
            son.name = "刘浩"
            son.birthDate = d("2010-06-15")
            // 刘浩 moves from household 1 to household 2: his membership in household 1 ends that day.
            try await service.join(Self.wang, member: son, relation: .other, on: d("2020-09-01"), reason: .other, by: cadre)
            try await service.leave(
                Self.wang, idNumber: "430424195512310033", on: d("2020-09-10"), reason: .death, newHead: "43048120100615001X", by: cadre)
            try await service.leave(Self.wang, idNumber: "43048120100615001X", on: d("2020-09-20"), reason: .migration, by: cadre)
            let (_, events) = try await service.events(Self.wang, by: cadre)
            #expect(events.last?.kind == .naturalClosure && events.last?.effectiveDate == d("2020-09-20"))
            await #expect(throws: HouseholdError.notAMember) {
                try await service.leave(Self.liu, idNumber: "43048120100615001X", on: d("2020-10-01"), reason: .migration, by: cadre)
            }
            await #expect(throws: HouseholdError.future(d("2020-12-01"))) {
                try await service.leave(Self.liu, idNumber: "430481198203040026", on: d("2020-12-01"), reason: .migration, by: cadre)
            }
        }
    }
}

@Suite("Natural changes respect scope", .serialized)
struct NaturalChangeScopeTests {
    /// A household in the other village (石湾村) with one member.
    static func otherVillage(_ f: inout CSVFixture) {
        f.files[.households]!.append([
            "4304811002020001", "430481100202", "national", "general", "illness", "", "2014", "", "false", "false", "false", "", "", "",
        ])
        f.files[.statusEvents]!.append(["4304811002020001", "1", "identified", "notExited", "2014-05-01", ""])
        f.files[.members]!.append(CSVFixture.member("4304811002020001", "head", "430481197001010019", "石磊", "male", "1970-01-01"))
    }

    @Test func aCadreCannotMoveSomeoneOutOfAnotherVillagesHousehold() async throws {
        try await SmallRegistry.with(fixture: Self.otherVillage) { r in
            let shi = Member(
                idType: .residentIdentityCard, idNumber: "430481197001010019", name: "石磊", sex: .male, birthDate: try CivilDate("1970-01-01"),
                ethnicity: "01", education: .juniorMiddle, studentStatus: .notInSchool, health: [.healthy], labourCapacity: .ordinary,
                medicalInsured: true,
                seriousIllnessInsured: true, residentPension: false, receivesDibao: false, receivesTekun: false)
            await #expect(throws: AccessDenied.self) {
                try await HouseholdService(r.environment).join(
                    try HouseholdNumber("4304811002010001"), member: shi, relation: .other, on: try CivilDate("2020-09-01"), reason: .marriage,
                    by: r.user("cadre"))
            }
            // The township officer may: the other household is left empty and closes.
            try await HouseholdService(r.environment).join(
                try HouseholdNumber("4304811002010001"), member: shi, relation: .other, on: try CivilDate("2020-09-01"), reason: .marriage,
                by: r.user("township"))
            let (_, events) = try await HouseholdService(r.environment).events(try HouseholdNumber("4304811002020001"), by: r.user("township"))
            #expect(events.last?.kind == .naturalClosure)
        }
    }
}
