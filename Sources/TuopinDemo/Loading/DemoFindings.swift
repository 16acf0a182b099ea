import TuopinCore
import TuopinServices

/// The rectification ledger of the demo county (耒阳 when loaded): five findings of autumn 2020
/// (the assessment, an inspection tour, an audit, a petition, an unannounced visit) and two of
/// autumn 2026, recorded and taken through the real service by the demo accounts. On 2020-10-15
/// each state shows: one closed (rectified by the township, verified by the county), one rectified
/// awaiting verification, one returned by the city for want of evidence, one overdue; by the end
/// of 2020 three are closed and two (the inspection tour's and the unannounced visit's) await
/// verification. In 2026 one is overdue and one in time.
/// A finding or step dated after today is left out.
enum DemoFindings {
    struct Step {
        var date: String
        var by: String
        var step: FindingService.Step
    }

    struct Planned {
        var area: AdminCode
        var source: FindingSource
        var category: FindingCategory
        var description: String
        var unit: String
        var foundOn: String
        var deadline: String
        var recordedBy: String
        var steps: [Step]
    }

    static func plan(county: AdminCode, countyName: String, township: AdminCode, townshipName: String, village: AdminCode) -> [Planned] {
        [
            Planned(
                area: township, source: .assessment, category: .data, description: "3 户家庭人口与扶贫手册记载不一致，账实不符",
                unit: townshipName + "人民政府", foundOn: "2020-09-10", deadline: "2020-10-10", recordedBy: "county.office",
                steps: [
                    Step(date: "2020-09-20", by: "township.officer", step: .progress(note: "已逐户入户核实，2 户已更正", evidence: "入户核实表 3 份")),
                    Step(date: "2020-09-28", by: "township.officer", step: .rectified(evidence: "更正后的扶贫手册复印件 3 份、系统更正截图", note: "")),
                    Step(date: "2020-10-08", by: "county.office", step: .closed(note: "抽查 3 户，手册与系统一致")),
                ]),
            Planned(
                area: village, source: .inspectionTour, category: .exit, description: "2 户脱贫户季节性缺水，饮水安全保障不稳定",
                unit: townshipName + "人民政府", foundOn: "2020-09-15", deadline: "2020-10-31", recordedBy: "city.office",
                steps: [
                    Step(date: "2020-10-12", by: "township.officer", step: .rectified(evidence: "蓄水池建设验收单、水质检测报告", note: "已新建蓄水池 1 处"))
                ]),
            Planned(
                area: county, source: .audit, category: .funds, description: "2019 年产业扶贫项目资金结余 12.6 万元未及时统筹使用",
                unit: countyName + "财政局", foundOn: "2020-09-05", deadline: "2020-10-15", recordedBy: "city.office",
                steps: [
                    Step(date: "2020-10-09", by: "county.office", step: .rectified(evidence: "资金统筹使用方案", note: "")),
                    Step(date: "2020-10-13", by: "city.office", step: .returned(reason: "未见资金拨付凭证，请补充后重新报送")),
                    Step(date: "2020-10-26", by: "county.office", step: .rectified(evidence: "资金统筹使用方案、拨付凭证 6 份", note: "结余资金已全部拨付")),
                    Step(date: "2020-11-05", by: "city.office", step: .closed(note: "凭证齐全")),
                ]),
            Planned(
                area: village, source: .petition, category: .assistance, description: "群众来信反映产业帮扶资金到户不及时",
                unit: townshipName + "人民政府", foundOn: "2020-09-20", deadline: "2020-10-12", recordedBy: "county.office",
                steps: [
                    Step(date: "2020-09-30", by: "village.cadre", step: .progress(note: "已核实 4 户待拨付，正在办理", evidence: "")),
                    Step(date: "2020-10-20", by: "township.officer", step: .rectified(evidence: "4 户资金到户签收单", note: "")),
                    Step(date: "2020-10-30", by: "county.office", step: .closed(note: "电话回访信访人，表示满意")),
                ]),
            Planned(
                area: village, source: .unannouncedVisit, category: .workStyle, description: "村级扶贫公示栏信息未及时更新",
                unit: townshipName + "人民政府", foundOn: "2020-10-09", deadline: "2020-11-30", recordedBy: "city.office",
                steps: [Step(date: "2020-11-20", by: "village.cadre", step: .rectified(evidence: "更新后的公示栏照片 2 张", note: ""))]),
            Planned(
                area: village, source: .supervision, category: .policy, description: "1 户监测户医保参保信息未及时更新",
                unit: townshipName + "人民政府", foundOn: "2026-09-01", deadline: "2026-10-31", recordedBy: "county.office",
                steps: [Step(date: "2026-09-15", by: "village.cadre", step: .progress(note: "已联系县医保局核对", evidence: ""))]),
            Planned(
                area: township, source: .publicOpinion, category: .assistance, description: "网络反映公益岗位人员长期不在岗",
                unit: townshipName + "人民政府", foundOn: "2026-11-10", deadline: "2026-12-31", recordedBy: "county.office", steps: []),
        ]
    }

    static func run(in environment: ServiceEnvironment, accounts: [DemoUsers.Account], names: [AdminCode: String]) async throws {
        let users = try DemoUsers.byName(accounts)
        guard case .area(let county)? = users["county.office"]?.scope, case .area(let township)? = users["township.officer"]?.scope,
            case .area(let village)? = users["village.cadre"]?.scope
        else { return }
        let service = FindingService(environment)
        let today = environment.today
        for p in plan(
            county: county, countyName: names[county] ?? county.rawValue, township: township, townshipName: names[township] ?? township.rawValue,
            village: village)
        {
            let foundOn = try CivilDate(p.foundOn)
            guard foundOn <= today, let recorder = users[p.recordedBy] else { continue }
            let f = try await service.record(
                Finding(
                    area: p.area, source: p.source, category: p.category, description: p.description, responsibleUnit: p.unit, foundOn: foundOn,
                    deadline: try CivilDate(p.deadline), recordedBy: p.recordedBy),
                by: recorder)
            for s in p.steps {
                let date = try CivilDate(s.date)
                guard date <= today, let user = users[s.by] else { break }
                try await service.take(s.step, on: date, finding: f.key, by: user)
            }
        }
    }
}
