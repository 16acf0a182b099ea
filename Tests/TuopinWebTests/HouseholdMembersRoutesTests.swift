import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinTesting

/// The household page's member forms: a birth refused with each reason next to its field (the
/// import's identity rules), then accepted; a member leaving, the head only with a successor.
@Suite("Household member forms")
struct HouseholdMembersRoutesTests {
    static let clock = TestClock(Date(timeIntervalSince1970: 1_654_041_600))  // 2022-06-01

    @Test func aBirthIsRefusedAtItsFieldsThenAddedAndAMemberLeaves() async throws {
        try await SmallRegistry.with(clock: Self.clock) { registry in
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let session = try await TestApp.signIn(client, username: "county", password: SmallRegistry.password)
                func post(_ uri: String, _ fields: [String: String]) async throws -> (HTTPResponse.Status, String, String?) {
                    let (headers, body) = session.form(fields)
                    let r = try await client.execute(uri: uri, method: .post, headers: headers, body: body)
                    return (r.status, String(buffer: r.body), r.headers[.location])
                }
                let base = "/households/4304811002010001"
                #expect(try await TestApp.page(client, base, cookie: session.cookie).contains("id=\"join-id_number\""))
                var baby = [
                    "name": "刘小宝", "id_number": "430481202205010015", "sex": "female", "birth_date": "2022-05-01", "ethnicity": "01",
                    "relation": "son", "from_date": "2022-05-01", "reason": "birth", "education": "preschoolChild", "labour": "none",
                ]
                let refused = try await post(base + "/members", baby)
                #expect(refused.0 == .unprocessableContent)
                #expect(refused.1.contains("id=\"join-id_number-error\"") && refused.1.contains("校验位错误，应为 4"), "the check digit at its field")
                #expect(!refused.1.contains("id=\"join-sex-error\""))
                let girl = try await post(base + "/members", baby.merging(["id_number": "430481202205010014"]) { $1 })
                #expect(
                    girl.0 == .unprocessableContent && girl.1.contains("id=\"join-sex-error\""), "a male sequence number for a girl, at the sex field"
                )
                #expect(!girl.1.contains("id=\"join-id_number-error\""))
                #expect(refused.1.contains("value=\"刘小宝\""), "the form keeps what was entered")
                let badDate = try await post(base + "/members", baby.merging(["birth_date": "2022-02-30"]) { $1 })
                #expect(badDate.0 == .unprocessableContent && badDate.1.contains("id=\"join-birth_date-error\""))
                (baby["id_number"], baby["sex"]) = ("430481202205010014", "male")
                let added = try await post(base + "/members", baby)
                #expect(added.0 == .seeOther && added.2 == base + "?done=join")
                let page = try await TestApp.page(client, added.2!, cookie: session.cookie)
                #expect(page.contains("成员已新增") && page.contains("<td>刘小宝</td>"))

                let head = try await post(base + "/members/leave", ["id_number": "430481198001010013", "date": "2022-05-20", "reason": "migration"])
                #expect(head.0 == .unprocessableContent && head.1.contains("id=\"leave-error\""), "the head leaves only with a successor")
                let left = try await post(base + "/members/leave", ["id_number": "430481202205010014", "date": "2022-05-20", "reason": "migration"])
                #expect(left.0 == .seeOther && left.2 == base + "?done=leave")
                let after = try await TestApp.page(client, left.2!, cookie: session.cookie)
                #expect(after.contains("成员减少已记录") && after.contains("2022-05-20（迁出）"))
            }
        }
    }
}
