import Testing

@testable import TuopinCore

@Suite("Incidence (REFERENCE §3.6)")
struct IncidenceTests {
    @Test func leiyangPressFigure() {
        let r = Incidence.evaluate(remainingPoorPeople: 2_198, ruralRegisteredPopulation: 1_221_000, populationYear: 2020)
        #expect(r.percent?.text == "0.18")
        #expect(r.check.passed)
        #expect(r.check["remainingPoorPeople"] == .count(2_198))
    }

    @Test(
        "the Leiyang rounding band is 1.19–1.26 million",
        arguments: [(1_188_109, "0.18"), (1_256_000, "0.18"), (1_256_001, "0.17"), (1_188_108, "0.19")])
    func leiyangBand(_ population: Int, _ expected: String) {
        #expect(Incidence.evaluate(remainingPoorPeople: 2_198, ruralRegisteredPopulation: population, populationYear: 2020).percent?.text == expected)
    }

    @Test(
        "rounds half away from zero at two places",
        arguments: [
            (175, 100_000, "0.18"), (174_999, 100_000_000, "0.17"), (71, 1_000, "7.10"), (7_095, 100_000, "7.10"), (7_0949, 1_000_000, "7.09"),
            (0, 5, "0.00"), (1, 1, "100.00"),
        ])
    func rounding(_ remaining: Int, _ population: Int, _ expected: String) {
        #expect(
            Incidence.evaluate(remainingPoorPeople: remaining, ruralRegisteredPopulation: population, populationYear: 2020).percent?.text == expected)
    }

    @Test func hengdongCheck() {
        #expect(Incidence.evaluate(remainingPoorPeople: 2_061, ruralRegisteredPopulation: 665_000, populationYear: 2020).percent?.text == "0.31")
    }

    @Test func noPopulationGivesNoIncidenceAndSaysSo() {
        let r = Incidence.evaluate(remainingPoorPeople: 10, ruralRegisteredPopulation: 0, populationYear: nil)
        #expect(r.percent == nil)
        #expect(!r.check.passed)
        #expect(r.check["ruralRegisteredPopulation"] == .missing)
    }

    @Test func belowThresholdIsExact() throws {
        let two = try FixedDecimal("2")
        #expect(Incidence.evaluate(remainingPoorPeople: 1_999, ruralRegisteredPopulation: 100_000, populationYear: 2019).isBelow(percent: two))
        #expect(!Incidence.evaluate(remainingPoorPeople: 2_000, ruralRegisteredPopulation: 100_000, populationYear: 2019).isBelow(percent: two))
    }

    @Test func fixedDecimalRoundsAndCompares() throws {
        #expect(try FixedDecimal("7.095").rounded(places: 1).text == "7.1")
        #expect(try FixedDecimal("7.10") == FixedDecimal("7.1"))
        #expect(try FixedDecimal("-0.125").rounded(places: 2).text == "-0.13")
    }
}
