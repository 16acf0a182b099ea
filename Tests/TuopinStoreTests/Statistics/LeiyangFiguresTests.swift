import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinTesting

/// The press-conference figures of 15 October 2020 (REFERENCE §5.5), from the demo registry.
@Suite("Leiyang press figures (REFERENCE §5.5)", .serialized)
struct LeiyangFiguresTests {
    let leiyang = try! AdminCode("430481")
    let pressDay = CivilDate(year: 2020, month: 10, day: 15)!

    @Test(arguments: TestDatabase.available)
    func rollOnThePressDay(_ database: TestDatabase) async throws {
        let store = try await DemoFixture.shared.store(on: database)
        let s = try await StatisticsService(try TestEnvironment.make(store: store)).summary(of: leiyang, asOf: pressDay, by: TestEnvironment.system)
        #expect(s.counts.enrolledHouseholds == 14_466)
        #expect(s.counts.enrolledPeople == 43_172)
        #expect(s.counts.exitedHouseholds == 13_454)
        #expect(s.counts.exitedPeople == 40_974)
        #expect(s.counts.remainingHouseholds == 1_012)
        #expect(s.counts.remainingPeople == 2_198)
        #expect(s.incidence.percent?.text == "0.18")
        #expect(s.incidence.ruralRegisteredPopulation == 1_221_000)
        #expect(s.poorVillagesDesignated == 34)
        #expect(s.poorVillagesExited == 34)
    }

    @Test(arguments: TestDatabase.available)
    func incidenceAsOfIgnoresLaterExits(_ database: TestDatabase) async throws {
        let store = try await DemoFixture.shared.store(on: database)
        let service = StatisticsService(try TestEnvironment.make(store: store))
        let endOf2020 = try await service.summary(of: leiyang, asOf: CivilDate(year: 2020, month: 12, day: 31)!, by: TestEnvironment.system)
        #expect(endOf2020.counts.remainingPeople == 0, "the 1,012 remaining households exit in late October")
        #expect(endOf2020.counts.enrolledHouseholds == 14_466)
        let again = try await service.summary(of: leiyang, asOf: pressDay, by: TestEnvironment.system)
        #expect(again.counts.remainingPeople == 2_198, "a later query date does not change an earlier answer")
    }

    @Test(arguments: TestDatabase.available)
    func townshipsAddUpToTheCounty(_ database: TestDatabase) async throws {
        let store = try await DemoFixture.shared.store(on: database)
        let service = StatisticsService(try TestEnvironment.make(store: store))
        let townships = try await service.breakdown(of: leiyang, asOf: pressDay, by: TestEnvironment.system)
        #expect(townships.count == 30)
        #expect(townships.reduce(0) { $0 + $1.counts.enrolledPeople } == 43_172)
        #expect(townships.reduce(0) { $0 + $1.counts.remainingHouseholds } == 1_012)
        #expect(townships.reduce(0) { $0 + $1.poorVillagesExited } == 34)
        #expect(townships.first?.area.name == "蔡子池街道")
    }

    @Test(arguments: TestDatabase.available)
    func beforeEnrolmentTheRollIsEmpty(_ database: TestDatabase) async throws {
        let store = try await DemoFixture.shared.store(on: database)
        let s = try await StatisticsService(try TestEnvironment.make(store: store)).summary(
            of: leiyang, asOf: CivilDate(year: 2013, month: 12, day: 31)!, by: TestEnvironment.system)
        #expect(s.counts.enrolledHouseholds == 0)
        #expect(s.baseline == nil)
        #expect(s.poorVillagesDesignated == 0)
    }

    /// Village exit needs incidence below 2% (REFERENCE §3.4): the demo's poor villages meet it
    /// on the day they exit.
    @Test func everyPoorVillageIsBelowTwoPercentWhenItExits() async throws {
        let store = try await DemoFixture.shared.store()
        let rows = try await store.sql.raw(
            """
            SELECT area_code, effective_date FROM area_event WHERE county_code = '430481' AND kind = 'villageExited'
            """
        ).all()
        #expect(rows.count == 34)
        let two = try FixedDecimal("2")
        for row in rows {
            let village = try AdminCode(try row.decode(column: "area_code", as: String.self))
            let date = try CivilDate(try row.decode(column: "effective_date", as: String.self))
            let s = try await StatisticsService(try TestEnvironment.make(store: store)).summary(of: village, asOf: date, by: TestEnvironment.system)
            #expect(s.incidence.isBelow(percent: two), "\(village) \(s.incidence.percent?.text ?? "-")%")
        }
    }
}
