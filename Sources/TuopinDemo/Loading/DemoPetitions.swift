import TuopinCore
import TuopinServices

/// The demo county's petitions and public opinion (涉贫信访舆情): a letter of September 2020 replied
/// and closed, an online post of October 2020 escalated to the county after a dissatisfied return
/// visit and then closed, and a call of November 2026 still without a reply after its deadline.
/// Received by the county office and taken through the real service; the names are invented.
/// A petition or step dated after today is left out.
enum DemoPetitions {
    struct Step {
        var date: String
        var by: String
        var step: PetitionService.Step
    }

    static func d(_ text: String) -> CivilDate { try! CivilDate(text) }

    static func run(in environment: ServiceEnvironment, accounts: [DemoUsers.Account], names: [AdminCode: String]) async throws {
        let users = try DemoUsers.byName(accounts)
        guard let countyUser = users["county.office"], case .area(let county)? = users["county.office"]?.scope,
            case .area(let township)? = users["township.officer"]?.scope, case .area(let village)? = users["village.cadre"]?.scope
        else { return }
        let townshipUnit = (names[township] ?? township.rawValue) + "人民政府"
        let countyUnit = (names[county] ?? county.rawValue) + "乡村振兴局"
        let plan: [(Petition, [Step])] = [
            (
                Petition(
                    area: village, channel: .letter, category: .assistance, receivedOn: d("2020-09-12"), content: "来信反映产业奖补资金迟迟未到户",
                    petitionerName: "李德明", petitionerPhone: "13900000001", deadline: d("2020-11-11")),
                [
                    Step(date: "2020-09-13", by: "county.office", step: .assign(unit: townshipUnit, deadline: d("2020-10-12"))),
                    Step(date: "2020-09-28", by: "township.officer", step: .reply("经核实，奖补资金已于 9 月 25 日拨付到户，已当面告知信访人")),
                    Step(date: "2020-10-05", by: "county.office", step: .rate(.satisfied, note: "电话回访")),
                ]
            ),
            (
                Petition(
                    area: village, channel: .publicOpinion, category: .identification, receivedOn: d("2020-10-08"),
                    content: "网帖反映某户家境困难却未纳入建档立卡", petitionerName: "", deadline: d("2020-12-07")),
                [
                    Step(date: "2020-10-09", by: "county.office", step: .assign(unit: townshipUnit, deadline: d("2020-10-23"))),
                    Step(date: "2020-10-20", by: "township.officer", step: .reply("经入户核实，该户 2020 年人均纯收入 9,600 元，高于扶贫标准，不符合纳入条件")),
                    Step(date: "2020-10-22", by: "county.office", step: .rate(.dissatisfied, note: "发帖人认为核实不全面")),
                    Step(
                        date: "2020-10-23", by: "county.office", step: .escalate(unit: countyUnit, deadline: d("2020-11-10"), reason: "发帖人不满意，县级复核")),
                    Step(date: "2020-11-05", by: "county.office", step: .reply("县级复核：收入核算无误；已将该户纳入边缘易致贫户动态监测")),
                    Step(date: "2020-11-08", by: "county.office", step: .rate(.basicallySatisfied, note: "")),
                ]
            ),
            (
                Petition(
                    area: village, channel: .phone, category: .policy, receivedOn: d("2026-11-05"), content: "来电反映医保报销比例偏低",
                    petitionerName: "周桂英", petitionerPhone: "13900000002", deadline: d("2027-01-04")),
                [Step(date: "2026-11-06", by: "county.office", step: .assign(unit: townshipUnit, deadline: d("2026-11-25")))]
            ),
        ]
        let service = PetitionService(environment)
        let today = environment.today
        for (petition, steps) in plan where petition.receivedOn <= today {
            let p = try await service.receive(petition, by: countyUser)
            for s in steps {
                let date = d(s.date)
                guard date <= today, let user = users[s.by] else { break }
                try await service.take(s.step, on: date, petition: p.key, by: user)
            }
        }
    }
}
