import TuopinCore
import TuopinServices

/// The demo county's 2020 public approval survey (群众认可度调查): drawn on 2020-10-20 by the county
/// office from a fixed seed, three households per village, and answered over the following week
/// with answers drawn from the demo's own generator (about 95% approving, a few not reached), so
/// that `tuopin evaluate county 430481 --year 2020` takes its public approval from it. Left out
/// when today is before the draw; answers dated after today are left out.
enum DemoSurvey {
    static let seed: UInt64 = 20_201_020
    static let drawnOn = CivilDate(year: 2020, month: 10, day: 20)!
    static let perVillage = 3

    static func run(in environment: ServiceEnvironment, accounts: [DemoUsers.Account]) async throws {
        guard environment.today >= drawnOn, let user = try DemoUsers.byName(accounts)["county.office"], case .area(let county) = user.scope
        else { return }
        let service = SurveyService(environment)
        let (survey, sample) = try await service.draw(
            area: county, year: 2020, title: "2020 年脱贫攻坚群众认可度调查", perStratum: perVillage, seed: seed, drawnOn: drawnOn, by: user)
        var random = SeededRandom(seed: seed)
        let answers: [Satisfaction] = [.verySatisfied, .satisfied, .basicallySatisfied, .dissatisfied, .notReached]
        for (i, s) in sample.enumerated() {
            let answer = answers[random.weighted([0.38, 0.42, 0.15, 0.03, 0.02])]
            let date = drawnOn.adding(days: 1 + i % 7)
            guard date <= environment.today else { continue }
            try await service.answer(
                survey.key, household: s.household, answer, on: date, note: answer == .notReached ? "外出务工，未能入户" : "", by: user)
        }
    }
}
