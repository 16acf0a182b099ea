import Testing
import TuopinCore

@testable import TuopinDemo

@Suite("Hengyang demo plan (Hengyang Daily, 16 Oct 2020)")
struct HengyangPlanTests {
    let plan = HengyangPlan.hengyang

    @Test func twelveCountyLevelDivisionsWithTheirRealCodes() {
        #expect(
            plan.counties.map(\.code) == [
                "430405", "430406", "430407", "430408", "430412", "430421", "430422", "430423", "430424",
                "430426", "430481", "430482",
            ])
        #expect(plan.counties.first { $0.code == "430481" }?.name == "耒阳市")
        #expect(plan.counties.map(\.townships.count) == [10, 7, 7, 5, 3, 25, 24, 12, 19, 24, 30, 23])
    }

    @Test func cityTotalsAreThePressFigures() {
        #expect(plan.counties.reduce(0) { $0 + $1.exitedPeople } == 307_000, "累计减少农村贫困人口30.7万人")
        #expect(plan.counties.reduce(0) { $0 + $1.poorVillages } == 322, "322个贫困村")
        let roll = plan.counties.reduce(0) { $0 + $1.rollHouseholds }
        #expect((100_000...110_000).contains(roll), "about 105,000 households: \(roll)")
        let remaining = plan.counties.reduce(0) { $0 + $1.remainingPeople }
        let incidence = Incidence.evaluate(remainingPoorPeople: remaining, ruralRegisteredPopulation: plan.cityPopulation2020, populationYear: 2020)
        #expect(incidence.percent?.text == "0.26")
        let populations = plan.counties.map(plan.population2020)
        #expect(populations.reduce(0, +) == plan.cityPopulation2020)
        #expect(populations.allSatisfy { $0 > 0 })
    }

    @Test func leiyangIsThePressConference() {
        let leiyang = plan.counties.first { $0.code == "430481" }!
        #expect(leiyang.rollHouseholds == 14_466 && leiyang.rollPeople == 43_172)
        #expect(leiyang.remainingHouseholds == 1_012 && leiyang.remainingPeople == 2_198)
        #expect(leiyang.poorVillages == 34)
        #expect(
            Incidence.evaluate(
                remainingPoorPeople: 2_198, ruralRegisteredPopulation: plan.population2020(of: leiyang),
                populationYear: 2020
            ).percent?.text == "0.18")
    }

    @Test func qidongIsTheOnlyPoorCountyAndExitedIn2018() {
        let poor = plan.counties.filter { $0.poorCounty != nil }
        #expect(poor.map(\.code) == ["430426"])
        #expect(poor[0].poorCounty?.exited == CivilDate(year: 2018, month: 4, day: 23))
        #expect(poor[0].villageExitYears.upperBound <= 2017)
    }

    @Test func apportionSplitsExactly() {
        #expect(Apportion.split(10, weights: [1, 1, 1]) == [4, 3, 3])
        #expect(Apportion.split(1_221_000, weights: [0.7, 1.3, 2.2]).reduce(0, +) == 1_221_000)
        #expect(Apportion.split(5, weights: [0, 0]) == [0, 0])
    }

    @Test func theRandomSourceIsDeterministic() {
        var a = SeededRandom(seed: 42), b = SeededRandom(seed: 42)
        #expect((0..<5).map { _ in a.next() } == (0..<5).map { _ in b.next() })
    }
}
