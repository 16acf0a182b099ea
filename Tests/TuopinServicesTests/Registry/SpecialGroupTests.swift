import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinTesting

@Suite("Special groups are an extensible code table with dated tags", .serialized)
struct SpecialGroupTests {
    @Test func anAdministratorAddsAGroupAndACadreTagsAHouseholdForATime() async throws {
        try await SmallRegistry.with { r in
            let service = SpecialGroupService(r.environment)
            let cadre = try await r.user("cadre")
            let groups = try await service.groups(by: cadre)
            #expect(groups.map(\.token) == ["elderlyAlone", "relocated", "retiredFisherman", "severeDisability"])
            let household = try HouseholdNumber("4304811002010001")
            await #expect(throws: SpecialGroupError.unknownGroup("leftBehindChildren")) {
                try await service.tag(
                    SpecialGroupTag(household: household, group: "leftBehindChildren", from: try CivilDate("2019-01-01")), by: cadre)
            }
            await #expect(throws: AccessDenied.self) {
                try await service.add(try SpecialGroup(token: "leftBehindChildren", label: Label("留守儿童家庭", "left-behind children")), by: cadre)
            }
            try await service.add(try SpecialGroup(token: "leftBehindChildren", label: Label("留守儿童家庭", "left-behind children")), by: r.user("admin"))
            try await service.tag(
                SpecialGroupTag(
                    household: household, group: "leftBehindChildren", from: try CivilDate("2019-01-01"), to: try CivilDate("2020-01-01")), by: cadre)
            try await service.tag(
                SpecialGroupTag(household: household, group: "relocated", from: try CivilDate("2018-06-01"), note: "城南安置点"), by: cadre)
            let tags = try await service.tags(area: nil, household: household, by: cadre)
            #expect(tags.map(\.group) == ["leftBehindChildren", "relocated"])
            #expect(tags.filter { $0.isValid(on: try! CivilDate("2020-06-01")) }.map(\.group) == ["relocated"])
            await #expect(throws: SpecialGroupError.endBeforeStart) {
                try await service.tag(
                    SpecialGroupTag(household: household, group: "relocated", from: try CivilDate("2019-01-01"), to: try CivilDate("2018-01-01")),
                    by: cadre)
            }
            #expect(throws: SpecialGroupError.badToken("1x")) { try SpecialGroup(token: "1x", label: Label("x", "x")) }
        }
    }
}
